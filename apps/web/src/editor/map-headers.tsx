import type { Column, Lane } from '@waymark/core';
import { contentDescription, guidanceOf, laneKinds } from '@waymark/core';
import { useEditorContext } from './editor-context';
import { curveStyles, type EmotionCurve } from './emotion-geometry';
import { EmotionAxis } from './emotion-cell';
import { CommentIcon, ShapeGlyph } from './shape-glyph';

/** What the axis says about a column besides its label: its period or its ages. */
export function axisNote(column: Column, axis: string): string | null {
  if (axis === 'dates' && column.period) return column.period;
  if (axis === 'ages' && column.age) {
    return column.age.to !== undefined
      ? `Ages ${column.age.from}–${column.age.to}`
      : `Age ${column.age.from}`;
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
      tabIndex={active ? 0 : -1}
    >
      {stage ? (
        <span className={firstOfStage ? 'map-col-head__stage' : 'map-col-head__stage visually-hidden'}>
          {stage.name}
        </span>
      ) : (
        <span className="map-col-head__stage" aria-hidden="true">
          {'\u00a0'}
        </span>
      )}
      <span className="map-col-head__label">{column.label}</span>
      {note ? <span className="map-col-head__note">{note}</span> : null}
      {owner ? <span className="map-col-head__note">Owner: {owner}</span> : null}
      <span className="map-col-head__actions">
        <button
          type="button"
          className="chip-button"
          tabIndex={active ? 0 : -1}
          onClick={() => openComments({ columnId: column.id })}
          aria-label={`Comments on step ${column.label}${open > 0 ? `: ${open} open` : ''}`}
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
            aria-label={`Edit step ${column.label}: rename, move, delete`}
          >
            <span aria-hidden="true">⋯</span>
          </button>
        ) : null}
      </span>
    </div>
  );
}

/** A lane's header: its label and kind; an emotion lane also has the legend of its curves. */
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
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      className={`map-lane-head${lane.kind === 'emotion' ? ' map-lane-head--emotion' : ''}`}
      data-cell={`${index + 1}:0`}
      tabIndex={active ? 0 : -1}
      title={contentDescription(lane) ?? guidanceOf(lane) ?? hint}
    >
      <span className="map-lane-head__label">{lane.label}</span>
      {laneKinds[lane.kind].label !== lane.label ? (
        <span className="map-lane-head__kind">{laneKinds[lane.kind].label}</span>
      ) : null}
      {lane.kind === 'emotion' ? (
        <>
          <span className="map-lane-head__kind">Great +100 … 0 … −100 Poor</span>
          <EmotionAxis />
        </>
      ) : null}
      {curves && curves.length > 0 ? (
        <ul className="legend" aria-label={`Curves in ${lane.label}`}>
          {curves.map((curve) => (
            <li key={curve.key}>
              <ShapeGlyph style={curve.style} />
              <span>
                {curve.label}
                <span className="visually-hidden"> ({curveStyles[curve.style]!.name})</span>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {lane.kind === 'emotion' && canEdit && journey.personas.length > 1 ? (
        <label className="map-lane-head__persona">
          New scores for
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
          aria-label={`Edit lane ${lane.label}: rename, move, delete`}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      ) : null}
    </div>
  );
}
