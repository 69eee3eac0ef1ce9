import { formatDuration, percent, round } from './format';
import type { JsonReport } from './json';
import type { ReportWords } from './words';

/**
 * The value-added ratio, the Successful Customer Outcome and closing the loop as key figures (label, value) for
 * the Markdown and HTML reports and the CLI's text (issue 13 items 4 and 5), in the reader's words; each says
 * where it came from.
 */
export function evidenceFigures(r: JsonReport, w: ReportWords): [string, string][] {
  const interval = (low: number, high: number) =>
    w('eventlog.report.interval', { low: percent(low), high: percent(high) });
  const out: [string, string][] = [];
  const va = r.valueAdded;
  if (va) {
    const classified = round(va.events['value-added'] + va.events.necessary + va.events.waste, 0);
    const lean = va.lean ? 'yes' : 'no';
    out.push([
      w('eventlog.report.valueAdded'),
      va.byTime !== undefined
        ? w('eventlog.report.valueAddedByTime', {
            byTime: percent(va.byTime),
            byCount: percent(va.byCount),
            classified,
            lean,
          })
        : w('eventlog.report.valueAddedByCount', { byCount: percent(va.byCount), classified, lean }),
    ]);
  }
  const sco = r.successfulOutcome;
  if (sco) {
    const what = 'activity' in sco.rule ? sco.rule.activity : `${sco.rule.dimension} = ${sco.rule.value}`;
    out.push([
      w('eventlog.report.outcomeReached', { what }),
      w('eventlog.report.outcomeValue', {
        reached: round(sco.reached, 0),
        cases: round(sco.cases, 0),
        share: percent(sco.share),
        interval: interval(sco.interval.low, sco.interval.high),
        noMatch: sco.ruleMatchesLog ? 'no' : 'yes',
      }),
    ]);
    if (sco.reached > 0)
      out.push([
        w('eventlog.report.outcomeTime'),
        `${formatDuration(sco.timeToOutcomeSeconds.median, w)} / ${formatDuration(sco.timeToOutcomeSeconds.p90, w)}`,
      ]);
  }
  const loop = r.closedLoop;
  if (loop)
    out.push([
      w('eventlog.report.loopClosed', {
        detected: loop.detected ? 'yes' : 'no',
        confirmation: loop.confirmation.join(', '),
        delivery: loop.delivery.join(', '),
      }),
      w('eventlog.report.loopValue', {
        closed: round(loop.closed, 0),
        delivered: round(loop.delivered, 0),
        share: percent(loop.share),
        interval: interval(loop.interval.low, loop.interval.high),
      }),
    ]);
  return out;
}
