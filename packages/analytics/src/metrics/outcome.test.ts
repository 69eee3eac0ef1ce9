import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { renderHtmlReport } from '../report/html';
import { toJsonReport } from '../report/json';
import { renderMarkdownReport } from '../report/markdown';
import { chunksOf, utf8 } from '../testing/fixtures';
import { reportWords } from '../testing/report-words';
import { parseOutcomeCondition } from './outcome';

// The worked checks' log (docs/worked-checks/successful-customer-outcome.md and closing-the-loop.md).
const here = dirname(fileURLToPath(import.meta.url));
const en = reportWords();
const claimsCsv = readFileSync(join(here, '../../../../docs/worked-checks/claims-log.csv'), 'utf8');
const day = 86_400;

async function analyse(config: Parameters<typeof analyseLog>[1] = {}) {
  const imported = await importCsv(chunksOf(utf8(claimsCsv)));
  return { analysis: analyseLog(imported.store, config), imported };
}

describe('Successful Customer Outcome from a log (issue 13 item 5)', () => {
  it('given 10 claims of which 8 reach "Benefit paid", then 80.0 % reach it (Wilson 49.0–94.3 %), median 9 days, p90 23 days', async () => {
    const { analysis } = await analyse({ successfulOutcome: { activity: 'benefit paid' } });
    const sco = analysis.successfulOutcome!;
    expect([sco.reached, sco.cases, sco.share]).toEqual([8, 10, 0.8]);
    expect(sco.interval.low).toBeCloseTo(0.49016, 5);
    expect(sco.interval.high).toBeCloseTo(0.94332, 5);
    expect(sco.timeToOutcomeSeconds.median).toBe(9 * day);
    expect(sco.timeToOutcomeSeconds.p90).toBeCloseTo(23 * day, 3);
    expect(sco.ruleMatchesLog).toBe(true);
  });

  it('given a misspelt activity, then no case reaches it and the report says nothing matches', async () => {
    const { analysis, imported } = await analyse({ successfulOutcome: { activity: 'Benefit payed' } });
    expect(analysis.successfulOutcome).toMatchObject({ reached: 0, ruleMatchesLog: false });
    expect(renderMarkdownReport(toJsonReport(analysis, imported.report), 'claims', en)).toContain(
      'nothing in the log matches this',
    );
  });

  it('given an attribute condition on a column the log has not got, then there is no figure rather than 0 %', async () => {
    const { analysis } = await analyse({ successfulOutcome: { dimension: 'outcome', value: 'Paid' } });
    expect(analysis.successfulOutcome).toBeUndefined();
  });

  it('reads a condition as column=value and refuses anything else, naming what was expected', () => {
    expect(parseOutcomeCondition('outcome = Resolved', ['channel', 'outcome'])).toEqual({
      dimension: 'outcome',
      value: 'Resolved',
    });
    expect(parseOutcomeCondition('colour=blue', ['channel', 'outcome'])).toEqual({
      error: 'expected <column>=<value> with column one of channel, outcome; got "colour=blue"',
    });
  });
});

describe('closing the loop from a log (issue 13 item 4)', () => {
  it('given 8 delivered claims, 6 with a "Was it OK?" call after payment, then 75.0 % (Wilson 40.9–92.9 %), detected by name', async () => {
    const { analysis } = await analyse();
    const loop = analysis.closedLoop!;
    expect(loop).toMatchObject({
      delivery: ['Benefit paid'],
      confirmation: ['Was it OK? call'],
      detected: true,
      delivered: 8,
      closed: 6,
      share: 0.75,
    });
    expect(loop.interval.low).toBeCloseTo(0.40928, 5);
    expect(loop.interval.high).toBeCloseTo(0.92852, 5);
  });

  it('given the user names other activities, then those are used and the figure says they were chosen', async () => {
    const { analysis } = await analyse({
      closedLoop: { delivery: ['Claim received'], confirmation: ['Claim withdrawn'] },
    });
    expect(analysis.closedLoop).toMatchObject({ detected: false, delivered: 10, closed: 1, share: 0.1 });
  });
});

describe('the reports show the new figures, each saying it came from the log', () => {
  it('given value classes and an SCO, then Markdown and HTML show the value-added ratio, the SCO and the closed loop', async () => {
    const { analysis, imported } = await analyse({
      successfulOutcome: { activity: 'Benefit paid' },
      valueClasses: {
        'Benefit paid': 'value-added',
        'Claim received': 'necessary',
        'Was it OK? call': 'necessary',
      },
    });
    const json = toJsonReport(analysis, imported.report);
    const md = renderMarkdownReport(json, 'claims', en);
    expect(md).toContain(
      '| Value-added ratio (from the log) | 30.8 % of 26 classified events (no start times: by count), lean (above 25 %) |',
    );
    expect(md).toContain(
      '| Successful Customer Outcome reached (Benefit paid, from the log) | 8 of 10 cases, 80 % (95 % CI 49 %–94.3 %) |',
    );
    expect(md).toContain('| Time to the Successful Customer Outcome (median / p90) | 9 days / 23 days |');
    expect(md).toMatch(/Loop closed.*\| 6 of 8 delivered cases, 75 % \(95 % CI 40\.9 %–92\.9 %\) \|/);
    const html = renderHtmlReport(json, 'claims', en);
    expect(html).toContain('Value-added ratio (from the log)<b>30.8 % of 26 classified events');
    expect(html).toContain('8 of 10 cases, 80 % (95 % CI 49 %–94.3 %)');
  });
});
