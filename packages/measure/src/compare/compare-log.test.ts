import { createTranslator } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../wilson';
import { compareJourneys } from './compare';
import { currentFixture, desiredFixture } from './compare.fixture';
import {
  compareLogSide,
  compareLogTable,
  renderCompareLogMarkdown,
  renderComparisonCsv,
  withCompareLogHtml,
  type LogAnalysisFigures,
} from './compare-log';

/** An analysis as `waymark analyse` writes it: 10 cases, 8 reach the outcome, 6 of 9 delivered get a call. */
const analysis: LogAnalysisFigures = {
  log: { cases: 10 },
  handoffs: { total: 7, casesWithHandoff: 4 },
  valueAdded: { byCount: 0.5, byTime: 0.125, lean: false },
  closedLoop: { delivered: 9, closed: 6, share: 6 / 9, interval: wilsonInterval(6, 9) },
  successfulOutcome: {
    rule: { activity: 'Benefit paid' },
    cases: 10,
    reached: 8,
    share: 0.8,
    interval: wilsonInterval(8, 10),
    timeToOutcomeSeconds: { median: 3 * 86_400, p90: 12.5 * 86_400 },
    ruleMatchesLog: true,
  },
};

describe('Compare beside an event log (issue 13 items 1, 4, 5)', () => {
  const c = compareJourneys(currentFixture(), desiredFixture());
  const side = compareLogSide({ id: 'd1', name: 'Claims 2025' }, analysis);

  it('given a log, then each row sets the map beside the log with the 95% interval and names the log and its cases', () => {
    const t = compareLogTable(c, { current: side, desired: null });
    expect(t.sources[0]).toContain('From the log “Claims 2025”, 10 cases');
    expect(t.sources[1]).toContain('No event log chosen');
    const byLabel = new Map(t.rows.map((r) => [r[0], r]));
    expect(byLabel.get('Successful Customer Outcome reached')?.[2]).toBe(
      '8 of 10 cases, 80% (95% interval 49% to 94.3%), outcome “Benefit paid”',
    );
    expect(byLabel.get('Time to the outcome (median and 90th percentile)')?.[2]).toBe(
      'median 3 days, 90th percentile 12.5 days',
    );
    expect(byLabel.get('Value-added ratio')?.[2]).toBe('12.5% of lead time');
    // hand-offs: 4 of 10 cases, with the Wilson interval computed here
    const w = wilsonInterval(4, 10);
    expect(side.handOffs).toMatchObject({ casesWithHandoff: 4, cases: 10, share: 0.4 });
    expect(side.handOffs!.interval).toEqual({ low: w.low, high: w.high });
    expect(byLabel.get('Hand-offs')?.[1]).toBe(`${c.current.totals.handOffs} (counted from the map)`);
    expect(byLabel.get('Hand-offs')?.[2]).toMatch(/^7 in all; 4 of 10 cases had one, 40% \(95% interval/);
    // the desired side has no log: a dash, not a zero
    expect(byLabel.get('Value-added ratio')?.[4]).toBe('—');
  });

  it('given a rule that matches nothing, then it says so instead of 0%', () => {
    const none = compareLogSide(
      { id: 'd1', name: 'x' },
      {
        ...analysis,
        successfulOutcome: { ...analysis.successfulOutcome!, reached: 0, share: 0, ruleMatchesLog: false },
      },
    );
    const row = compareLogTable(c, { current: none, desired: none }).rows[1]!;
    expect(row[2]).toContain('Nothing in the log matches the outcome “Benefit paid”');
  });

  it('given the downloads, then Markdown, HTML (in Welsh too) and CSV carry the same figures', () => {
    const logs = { current: side, desired: side };
    expect(renderCompareLogMarkdown(c, logs)).toContain('| Successful Customer Outcome reached | ');
    const html = withCompareLogHtml('<html><body><h1>x</h1></body></html>', c, logs, createTranslator('cy'));
    expect(html).toMatch(/<h1>x<\/h1><section data-section="compare-log"><h2>O&#39;r logiau|<h2>O'r logiau/);
    expect(html.endsWith('</body></html>')).toBe(true);
    const csv = renderComparisonCsv(c, logs);
    expect(csv).toContain('Totals,Cost per journey (£),5.66,30.15,24.49');
    expect(csv).toContain('"8 of 10 cases, 80% (95% interval 49% to 94.3%), outcome “Benefit paid”"');
    expect(csv.split('\r\n').every((line) => !/\d\.\d{3,}/.test(line.split(',')[2] ?? ''))).toBe(true);
  });
});
