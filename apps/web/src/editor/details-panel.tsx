import {
  journeyStatuses,
  journeyTypes,
  sourceKinds,
  type AxisKind,
  type Journey,
  type JourneyCommand,
  type Meta,
} from '@waymark/core';
import { BilingualSettings } from './bilingual-content';
import { useRef, useState } from 'react';
import { t, type MessageId } from '../i18n';
import { metaTextLimit } from './card-fields';
import { ReviewPanel } from '../library/review-panel';
import { OutcomeRuleField } from './outcome-rule-field';
import { ChoiceField, CommitField } from './commit-field';
import { KindNameForm } from './structure-parts';
import { useEditorContext } from './editor-context';
import './history/history.css';

type TextKey =
  | 'businessQuestion'
  | 'scope'
  | 'segment'
  | 'service'
  | 'trigger'
  | 'outcome'
  | 'successfulCustomerOutcome'
  | 'owner';
const textFields: readonly [TextKey, MessageId, boolean][] = [
  ['businessQuestion', 'toolbar.details.businessQuestion', true],
  ['scope', 'toolbar.details.scope', true],
  ['segment', 'toolbar.details.segment', false],
  ['service', 'library.portfolio.filter.service', false],
  ['trigger', 'toolbar.details.trigger', true],
  ['outcome', 'toolbar.details.outcome', true],
  ['successfulCustomerOutcome', 'toolbar.details.successfulCustomerOutcome', true],
  ['owner', 'toolbar.details.owner', false],
];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type JourneyType = Meta['journeyType'];
/** What runs across the map of each type: a case is dated, a life course is in ages, the others in steps. */
export const axisOfType: Record<JourneyType, AxisKind> = {
  current: 'steps',
  desired: 'steps',
  case: 'dates',
  'life-course': 'ages',
};

/**
 * Changing the journey type as one edit (one undo step): the type, and the axis that type runs along. Going to
 * steps takes the columns' periods or ages off (they would no longer be shown); undo brings them back.
 */
export function typeChange(journey: Journey, to: JourneyType): JourneyCommand {
  const axis = axisOfType[to];
  const patch: JourneyCommand = { type: 'meta.update', patch: { journeyType: to } };
  if (journey.axis.kind === axis) return patch;
  const cleared = journey.columns.flatMap((c): JourneyCommand[] => {
    const unset = [
      ...(axis !== 'dates' && c.period !== undefined ? ['period'] : []),
      ...(axis !== 'ages' && c.age !== undefined ? ['age'] : []),
    ];
    return unset.length === 0
      ? []
      : [{ type: 'column.update', id: c.id, patch: {}, unset } as JourneyCommand];
  });
  return {
    type: 'batch',
    label: t('toolbar.details.typeChanged', { type: to }),
    commands: [
      patch,
      { type: 'axis.set', axis: axis === 'dates' ? { kind: 'dates', unit: 'month' } : { kind: axis } },
      ...cleared,
    ],
  };
}

/** The journey's own details (meta) and its evidence sources; read-only for viewers. */
export function DetailsPanel() {
  const { journey, canEdit, execute, newId } = useEditorContext();
  const meta = journey.meta;
  const set = (patch: Partial<Meta>, unset: (keyof Meta)[] = []) =>
    execute({ type: 'meta.update', patch, ...(unset.length ? { unset } : {}) } as JourneyCommand);
  const refused = (what: string) => t('toolbar.details.refused', { field: what });
  const setText = (key: keyof Meta, what: string) => (v: string) =>
    (v.trim() === '' ? set({}, [key]) : set({ [key]: v.trim() })) ? null : refused(what);
  const setList = (key: 'objectives' | 'tags', split: RegExp, what: string) => (v: string) =>
    set({
      [key]: v
        .split(split)
        .map((x) => x.trim())
        .filter(Boolean),
    })
      ? null
      : refused(what);
  const setDate = (key: 'reviewDate' | 'lastVerified', what: string) => (v: string) => {
    if (v.trim() === '') return set({}, [key]) ? null : refused(what);
    return isoDate.test(v.trim()) && set({ [key]: v.trim() })
      ? null
      : t('toolbar.details.expectedDate', { field: what });
  };
  const title = t('toolbar.details.title');
  return (
    <div>
      <CommitField
        label={title}
        value={meta.title}
        maxLength={metaTextLimit('title')}
        readOnly={!canEdit}
        onCommit={(v) =>
          v.trim() === '' ? t('toolbar.details.expectedText', { field: title }) : setText('title', title)(v)
        }
      />
      <BilingualSettings />
      <JourneyTypeField canEdit={canEdit} />
      <ChoiceField
        label={t('toolbar.details.status')}
        value={meta.status}
        disabled={!canEdit}
        onChange={(v) => set({ status: v as Meta['status'] })}
      >
        {journeyStatuses.map((s) => (
          <option key={s} value={s}>
            {t(`model.status.${s}`)}
          </option>
        ))}
      </ChoiceField>
      {textFields.map(([key, label, multiline]) => (
        <CommitField
          key={key}
          label={t(label)}
          multiline={multiline}
          readOnly={!canEdit}
          value={meta[key] ?? ''}
          maxLength={metaTextLimit(key)}
          onCommit={setText(key, t(label))}
        />
      ))}
      <OutcomeRuleField />
      <CommitField
        label={t('toolbar.details.objectives')}
        hint={t('toolbar.details.objectivesHint')}
        multiline
        readOnly={!canEdit}
        value={meta.objectives.join('\n')}
        onCommit={setList('objectives', /\n/, t('toolbar.details.objectives'))}
      />
      <CommitField
        label={t('toolbar.details.reviewDate')}
        hint={t('toolbar.details.dateHint')}
        readOnly={!canEdit}
        value={meta.reviewDate ?? ''}
        onCommit={setDate('reviewDate', t('toolbar.details.reviewDate'))}
      />
      <ReviewPanel />
      <CommitField
        label={t('toolbar.details.tags')}
        hint={t('toolbar.details.tagsHint')}
        readOnly={!canEdit}
        value={meta.tags.join(', ')}
        onCommit={setList('tags', /,/, t('toolbar.details.tags'))}
      />
      <SourcesSection canEdit={canEdit} execute={execute} newId={newId} />
    </div>
  );
}

/**
 * The journey type, changeable after creation. A type that runs along another axis (a case along dates, a life
 * course along ages) asks first, saying what will happen to the steps; the change is one undo step. Choosing a
 * type never moves the focus (WCAG 3.2.2: arrowing through a closed select changes its value at each key): the
 * question appears after the select and is said in the status, the select stays usable and the question follows
 * its value, and choosing the saved type again takes the question away.
 */
function JourneyTypeField({ canEdit }: { canEdit: boolean }) {
  const { journey, execute } = useEditorContext();
  const [asking, setAsking] = useState<JourneyType | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const select = useRef<HTMLDivElement>(null);
  const current = journey.meta.journeyType;
  const change = (to: JourneyType) => {
    setAsking(null);
    if (!execute(typeChange(journey, to))) return setProblem(t('toolbar.details.typeRefused'));
    setProblem(null);
    setSaid(t('toolbar.details.typeNow', { type: to }));
  };
  const choose = (value: string) => {
    const to = value as JourneyType;
    setProblem(null);
    if (to === current) {
      setAsking(null);
      return setSaid(null);
    }
    if (axisOfType[to] === journey.axis.kind) return change(to);
    setAsking(to);
    setSaid(t('toolbar.details.typeAskSaid', { type: to }));
  };
  // the question's buttons go when it does: the focus goes back to the select
  const backToSelect = () => setTimeout(() => select.current?.querySelector('select')?.focus(), 0);
  const cancel = () => {
    setAsking(null);
    setSaid(null);
    backToSelect();
  };
  const withDates = journey.columns.filter((c) => c.period !== undefined).length;
  const withAges = journey.columns.filter((c) => c.age !== undefined).length;
  const consequence = (to: JourneyType): string => {
    const axis = axisOfType[to];
    const steps = journey.columns.length;
    if (axis === 'dates') return t('toolbar.details.typeToDates', { steps });
    if (axis === 'ages') return t('toolbar.details.typeToAges', { steps });
    if (journey.axis.kind === 'dates') return t('toolbar.details.typeFromDates', { steps, count: withDates });
    return t('toolbar.details.typeFromAges', { steps, count: withAges });
  };
  const titleId = 'journey-type-confirm';
  return (
    <>
      <div ref={select}>
        <ChoiceField
          label={t('toolbar.details.journeyType')}
          value={asking ?? current}
          disabled={!canEdit}
          onChange={choose}
        >
          {journeyTypes.map((type) => (
            <option key={type} value={type}>
              {t(`model.journeyType.${type}`)}
            </option>
          ))}
        </ChoiceField>
      </div>
      {problem ? (
        <p className="error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <p role="status" className="hint">
        {said}
      </p>
      {asking ? (
        <section
          className="restore-confirm"
          aria-labelledby={titleId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
          }}
        >
          <h3 id={titleId}>{t('toolbar.details.typeAsk', { type: asking })}</h3>
          <p>{consequence(asking)}</p>
          <p>{t('toolbar.details.typeUndo')}</p>
          <div className="restore-confirm__actions">
            <button
              type="button"
              className="button"
              onClick={() => {
                change(asking);
                backToSelect();
              }}
            >
              {t('toolbar.details.typeConfirm', { type: asking })}
            </button>
            <button type="button" className="button button--secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

function SourcesSection({
  canEdit,
  execute,
  newId,
}: {
  canEdit: boolean;
  execute: (c: JourneyCommand) => boolean;
  newId: (prefix: string) => string;
}) {
  const { journey } = useEditorContext();
  return (
    <section aria-labelledby="details-sources">
      <h3 id="details-sources">{t('toolbar.details.sources', { count: journey.sources.length })}</h3>
      <p className="hint">{t('toolbar.details.sourcesHint')}</p>
      <ul className="item-list">
        {journey.sources.map((s) => (
          <li key={s.id}>
            {s.title} <span className="card__meta">({t(`model.sourceKind.${s.kind}`)})</span>{' '}
            {canEdit ? (
              <button
                type="button"
                className="button button--warning button--small"
                onClick={() => execute({ type: 'source.remove', id: s.id })}
                aria-label={t('toolbar.details.removeSource', { title: s.title })}
              >
                {t('common.remove')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <KindNameForm
          kindLabel={t('toolbar.details.newSourceKind')}
          kinds={sourceKinds.map((k) => ({ id: k, label: t(`model.sourceKind.${k}`) }))}
          nameLabel={t('toolbar.details.newSourceTitle')}
          button={t('toolbar.details.addSource')}
          onAdd={(kind, title) =>
            title !== '' &&
            execute({ type: 'source.add', item: { id: newId('source'), kind, title } } as JourneyCommand)
          }
        />
      ) : null}
    </section>
  );
}
