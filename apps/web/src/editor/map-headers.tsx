import type { Column, Lane } from '@waymark/core';
import { contentDescription, guidanceOf } from '@waymark/core';
import { t, type MessageId } from '../i18n';
import { ContentText } from './bilingual-content';
import { useEditorContext } from './editor-context';
import { curveStyles, type EmotionCurve } from './emotion-geometry';
import { EmotionAxis } from './emotion-cell';
import { PersonaAvatar } from './persona-avatar';
import { CommentIcon, LaneKindGlyph, ShapeGlyph } from './shape-glyph';

/** A lane kind's name in the chosen language ("Pain points"). */
export const laneKindName = (kind: Lane['kind']) => t(`model.laneKind.${kind}` as MessageId);

/** What the axis says about a column besides its label: its period or its ages. */
export function axisNote(column: Column, axis: string): string | null {
  if (axis === 'dates' && column.period) return column.period;
  if (axis === 'ages' && column.age) {
    return column.age.to !== undefined
      ? t('editor.axis.ages', { from: column.age.from, to: column.age.to })
      : t('editor.axis.age', { age: column.age.from });
  }
  return null;
}

/** A step's header: stage, label, period or age, its comments, and (for editors) a way to its settings. */
export function ColumnHeader({
  column,
  index,
  active,
  firstOfStage,
}: {
  column: Column;
  index: number;
  active: boolean;
  /** The stage is named over its first step (and over the first step drawn); later ones only say it to readers. */
  firstOfStage: boolean;
}) {
  const { journey, canEdit, openComments, openPanel, comments } = useEditorContext();
  const stage = journey.stages.find((s) => s.id === column.stageId);
  const note = axisNote(column, journey.axis.kind);
  const owner = journey.organisations.find((o) => o.id === column.ownerId)?.name;
  const open = comments.filter((c) => c.target.columnId === column.id && !c.resolved).length;
  return (
    <div
      role="columnheader"
      aria-colindex={index + 2}
      className={stage && firstOfStage ? 'map-col-head map-col-head--stage-start' : 'map-col-head'}
      data-cell={`0:${index + 1}`}
      data-column-id={column.id}
      tabIndex={active ? 0 : -1}
    >
      {stage ? (
        <span className={firstOfStage ? 'map-col-head__stage' : 'map-col-head__stage visually-hidden'}>
          <ContentText journey={journey} item={stage} field="name" />
        </span>
      ) : (
        <span className="map-col-head__stage" aria-hidden="true">
          {'\u00a0'}
        </span>
      )}
      <span className="map-col-head__label">
        <ContentText journey={journey} item={column} field="label" />
      </span>
      {note ? <span className="map-col-head__note">{note}</span> : null}
      {owner ? <span className="map-col-head__note">{t('editor.column.owner', { owner })}</span> : null}
      <span className="map-col-head__actions">
        <button
          type="button"
          className="chip-button"
          tabIndex={active ? 0 : -1}
          onClick={() => openComments({ columnId: column.id })}
          aria-label={t('editor.column.comments', { step: column.label, count: open })}
        >
          <CommentIcon />
          {open > 0 ? <span aria-hidden="true"> {open}</span> : null}
        </button>
        {canEdit ? (
          <button
            type="button"
            className="chip-button"
            tabIndex={active ? 0 : -1}
            onClick={() => openPanel('structure', column.id)}
            aria-label={t('editor.column.edit', { step: column.label })}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        ) : null}
      </span>
    </div>
  );
}

/**
 * A lane's header: its kind's glyph (named for screen readers) in the kind's colour, its label, the kind in
 * words when the label says something else, its persona's initials; an emotion lane also has the legend of its
 * curves.
 */
export function LaneHeader({
  lane,
  index,
  active,
  curves,
  hint,
}: {
  lane: Lane;
  index: number;
  active: boolean;
  curves: readonly EmotionCurve[] | undefined;
  hint: string;
}) {
  const { journey, canEdit, openPanel, scorePersona, setScorePersona } = useEditorContext();
  const kindName = laneKindName(lane.kind);
  const persona = lane.personaId ? journey.personas.find((p) => p.id === lane.personaId) : undefined;
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      className={`map-lane-head map-lane-head--${lane.kind}`}
      data-cell={`${index + 1}:0`}
      tabIndex={active ? 0 : -1}
      title={contentDescription(lane) ?? guidanceOf(lane) ?? hint}
    >
      {/* The label first, so the header's name starts with it; the glyph is drawn before it (CSS order). */}
      <span className="map-lane-head__title">
        <span className="map-lane-head__label">
          <ContentText journey={journey} item={lane} field="label" />
        </span>
        <LaneKindGlyph kind={lane.kind} label={t('editor.lane.kind', { kind: kindName })} size={18} />
      </span>
      {kindName !== lane.label ? (
        <span className="map-lane-head__kind" aria-hidden="true">
          {kindName}
        </span>
      ) : null}
      {persona && !(curves && curves.length > 0) ? (
        <span className="map-lane-head__who">
          <PersonaAvatar name={persona.name} size="small" />
          <span>{t('editor.lane.persona', { name: persona.name })}</span>
        </span>
      ) : null}
      {lane.kind === 'emotion' ? (
        <>
          <span className="map-lane-head__kind">{t('model.emotion.scaleEnds')}</span>
          <EmotionAxis />
        </>
      ) : null}
      {curves && curves.length > 0 ? (
        <ul className="legend" aria-label={t('editor.lane.curves', { lane: lane.label })}>
          {curves.map((curve) => (
            <li key={curve.key}>
              <ShapeGlyph style={curve.style} />
              <span>
                {curve.label}
                <span className="visually-hidden">
                  {' '}
                  {t(`editor.curveStyle.${curveStyles[curve.style]!.shape}` as MessageId)}
                </span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {lane.kind === 'emotion' && canEdit && journey.personas.length > 1 ? (
        <label className="map-lane-head__persona">
          {t('editor.lane.newScoresFor')}
          <select
            tabIndex={active ? 0 : -1}
            value={scorePersona[lane.id] ?? lane.personaId ?? journey.personas[0]!.id}
            onChange={(e) => setScorePersona(lane.id, e.target.value)}
          >
            {journey.personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {canEdit ? (
        <button
          type="button"
          className="chip-button"
          tabIndex={active ? 0 : -1}
          onClick={() => openPanel('structure', lane.id)}
          aria-label={t('editor.lane.edit', { lane: lane.label })}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      ) : null}
    </div>
  );
}
