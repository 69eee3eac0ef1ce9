import { useId, useState } from 'react';
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
  onMeasure: (activity: string) => void;
}) {
  const { view: a, sco } = props;
  const id = useId();
  const [choice, setChoice] = useState(sco ?? '');
  const rows: [string, string, string?][] = [];
  const va = a.valueAdded;
  rows.push([
    t('evidence.dataset.valueAdded'),
    va
      ? t('evidence.dataset.valueAddedValue', {
          ratio: formatPercent(va.byTime ?? va.byCount),
          byTime: String(va.byTime !== undefined),
        })
      : t('evidence.dataset.valueAddedNone'),
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
  if (s && 'activity' in s.rule) {
    rows.push([
      t('evidence.dataset.scoReached', { activity: s.rule.activity }),
      s.ruleMatchesLog
        ? t('evidence.dataset.scoReachedValue', {
            reached: formatCount(s.reached),
            cases: formatCount(s.cases),
            share: formatPercent(s.share),
            low: formatPercent(s.interval.low),
            high: formatPercent(s.interval.high),
          })
        : t('evidence.dataset.scoNoMatch', { activity: s.rule.activity }),
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
          if (choice !== '') props.onMeasure(choice);
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
        <button type="submit" className="button button--secondary" disabled={props.busy || choice === ''}>
          {t('evidence.dataset.measure')}
        </button>
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
