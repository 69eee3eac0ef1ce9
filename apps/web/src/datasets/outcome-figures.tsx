import { useId, useState } from 'react';
import { outcomeRuleColumns, type OutcomeRuleDefinition } from '@waymark/core';
import { formatList, t } from '../i18n';
import { formatCount, formatDuration, formatPercent } from './dataset-format';
import type { Analysis } from './datasets-api';

/** The activities of a log, from its directly-follows graph, in alphabetical order. */
export const activitiesOf = (a: Analysis): string[] =>
  [
    ...new Set([
      ...a.dfg.edges.flatMap((e) => [e.from, e.to]),
      ...Object.keys(a.dfg.startActivities),
      ...Object.keys(a.dfg.endActivities),
    ]),
  ].sort((x, y) => x.localeCompare(y));

/** The dataset filter that measures a rule: `sco` for an activity, `scoWhen` for a column=value condition. */
export const filterOfRule = (rule: OutcomeRuleDefinition): { sco?: string; scoWhen?: string } =>
  'activity' in rule ? { sco: rule.activity } : { scoWhen: `${rule.dimension}=${rule.value}` };

/**
 * The value-added ratio, closing the loop and the Successful Customer Outcome from a log (issue 13 items 4 and
 * 5): each with its interval and where it came from. The person chooses the SCO's activity; the server measures
 * the share of cases that reach it and how long they take.
 */
export function OutcomeFigures(props: {
  view: Analysis;
  whole: Analysis;
  sco: string | undefined;
  busy: boolean;
  onMeasure: (rule: OutcomeRuleDefinition) => void;
  /** The attached journey's stored rule (measured by default), and saving a new one there; absent when none. */
  stored?: OutcomeRuleDefinition | undefined;
  onSave?: ((rule: OutcomeRuleDefinition) => void) | undefined;
  /** The journey whose classification of the activities measured the value-added ratio; absent when none. */
  valueSource?: { journey: string } | undefined;
}) {
  const { view: a, sco } = props;
  const id = useId();
  const [choice, setChoice] = useState(sco ?? '');
  const [column, setColumn] = useState<string>('');
  const [value, setValue] = useState('');
  const chosen: OutcomeRuleDefinition | null =
    column !== '' && value.trim() !== ''
      ? { dimension: column as (typeof outcomeRuleColumns)[number], value: value.trim() }
      : choice !== ''
        ? { activity: choice }
        : null;
  const rows: [string, string, string?][] = [];
  const va = a.valueAdded;
  const classified = va?.events ? va.events['value-added'] + va.events.necessary + va.events.waste : 0;
  rows.push([
    t('evidence.dataset.valueAdded'),
    va
      ? t('evidence.dataset.valueAddedValue', {
          ratio: formatPercent(va.byTime ?? va.byCount),
          byTime: String(va.byTime !== undefined),
        })
      : props.valueSource === undefined && props.onSave
        ? t('valueAdded.notMeasured')
        : t('evidence.dataset.valueAddedNone'),
    va && va.events && props.valueSource
      ? t('valueAdded.source', {
          journey: props.valueSource.journey,
          classified: formatCount(classified),
          events: formatCount(classified + va.events.unclassified),
          unclassified: formatCount(va.events.unclassified),
          lean: String(va.lean),
        })
      : undefined,
  ]);
  const loop = a.closedLoop;
  rows.push(
    loop
      ? [
          t('evidence.dataset.closedLoop'),
          t('evidence.dataset.closedLoopValue', {
            closed: formatCount(loop.closed),
            delivered: formatCount(loop.delivered),
            share: formatPercent(loop.share),
            low: formatPercent(loop.interval.low),
            high: formatPercent(loop.interval.high),
          }),
          t('evidence.dataset.closedLoopHow', {
            detected: String(loop.detected),
            confirmation: formatList(loop.confirmation),
            delivery: formatList(loop.delivery),
          }),
        ]
      : [t('evidence.dataset.closedLoop'), t('evidence.dataset.closedLoopNone')],
  );
  const s = a.successfulOutcome;
  if (s) {
    const named =
      'activity' in s.rule
        ? s.rule.activity
        : t('evidence.dataset.scoCondition', { column: s.rule.dimension, value: s.rule.value });
    rows.push([
      t('evidence.dataset.scoReached', { activity: named }),
      s.ruleMatchesLog
        ? t('evidence.dataset.scoReachedValue', {
            reached: formatCount(s.reached),
            cases: formatCount(s.cases),
            share: formatPercent(s.share),
            low: formatPercent(s.interval.low),
            high: formatPercent(s.interval.high),
          })
        : t('evidence.dataset.scoNoMatch', { activity: named }),
      props.stored ? t('evidence.dataset.scoStored') : undefined,
    ]);
    if (s.reached > 0)
      rows.push([
        t('evidence.dataset.scoTime'),
        t('evidence.dataset.scoTimeValue', {
          median: formatDuration(s.timeToOutcomeSeconds.median),
          p90: formatDuration(s.timeToOutcomeSeconds.p90),
        }),
      ]);
  }
  return (
    <section aria-labelledby={`${id}-heading`} data-testid="outcome-figures">
      <h2 id={`${id}-heading`}>{t('evidence.dataset.heading')}</h2>
      <form
        className="datasets-filters"
        onSubmit={(e) => {
          e.preventDefault();
          if (chosen && !props.busy) props.onMeasure(chosen);
        }}
      >
        <label htmlFor={`${id}-sco`}>{t('evidence.dataset.scoLabel')}</label>
        <select id={`${id}-sco`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('evidence.dataset.scoNone')}</option>
          {activitiesOf(props.whole).map((x) => (
            <option key={x} value={x}>
              {x}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-column`}>{t('evidence.dataset.scoColumnLabel')}</label>
        <select id={`${id}-column`} value={column} onChange={(e) => setColumn(e.target.value)}>
          <option value="">{t('evidence.dataset.scoColumnNone')}</option>
          {outcomeRuleColumns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`}>{t('evidence.dataset.scoValueLabel')}</label>
        <input id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)} />
        <button
          type="submit"
          className="button button--secondary"
          aria-disabled={props.busy || chosen === null || undefined}
        >
          {t('evidence.dataset.measure')}
        </button>
        {props.onSave ? (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={props.busy || chosen === null || undefined}
            onClick={() => chosen && !props.busy && props.onSave?.(chosen)}
          >
            {t('evidence.dataset.scoSave')}
          </button>
        ) : null}
      </form>
      <dl className="datasets-figures">
        {rows.map(([k, v, note]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              {v}
              {note ? <span className="hint"> {note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
