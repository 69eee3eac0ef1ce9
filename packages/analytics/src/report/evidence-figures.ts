import { formatDuration, percent, round } from './format';
import type { JsonReport } from './json';

const interval = (low: number, high: number) => `95 % CI ${percent(low)}–${percent(high)}`;

/**
 * The value-added ratio, the Successful Customer Outcome and closing the loop as key figures (label, value) for
 * the Markdown and HTML reports and the CLI's text (issue 13 items 4 and 5); each says where it came from.
 */
export function evidenceFigures(r: JsonReport): [string, string][] {
  const out: [string, string][] = [];
  const va = r.valueAdded;
  if (va) {
    const classified = va.events['value-added'] + va.events.necessary + va.events.waste;
    out.push([
      'Value-added ratio (from the log)',
      va.byTime !== undefined
        ? `${percent(va.byTime)} of lead time (${percent(va.byCount)} of ${round(classified, 0)} classified events)${va.lean ? ', lean (above 25 %)' : ''}`
        : `${percent(va.byCount)} of ${round(classified, 0)} classified events (no start times: by count)${va.lean ? ', lean (above 25 %)' : ''}`,
    ]);
  }
  const sco = r.successfulOutcome;
  if (sco) {
    const what = 'activity' in sco.rule ? sco.rule.activity : `${sco.rule.dimension} = ${sco.rule.value}`;
    out.push([
      `Successful Customer Outcome reached (${what}, from the log)`,
      `${round(sco.reached, 0)} of ${round(sco.cases, 0)} cases, ${percent(sco.share)} (${interval(sco.interval.low, sco.interval.high)})${sco.ruleMatchesLog ? '' : '; nothing in the log matches this: check the spelling'}`,
    ]);
    if (sco.reached > 0)
      out.push([
        'Time to the Successful Customer Outcome (median / p90)',
        `${formatDuration(sco.timeToOutcomeSeconds.median)} / ${formatDuration(sco.timeToOutcomeSeconds.p90)}`,
      ]);
  }
  const loop = r.closedLoop;
  if (loop)
    out.push([
      `Loop closed: told it was delivered and asked if it was OK (${loop.detected ? 'activities detected by name' : 'activities chosen'}: ${loop.confirmation.join(', ')} after ${loop.delivery.join(', ')}; from the log)`,
      `${round(loop.closed, 0)} of ${round(loop.delivered, 0)} delivered cases, ${percent(loop.share)} (${interval(loop.interval.low, loop.interval.high)})`,
    ]);
  return out;
}
