import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog, importLogFile, toJsonReport } from '@waymark/analytics';
import { generateEvents, writeCsv, writeXesGz } from './generate-log';

describe('synthetic contact-log generator', () => {
  it('given a seed, when generated twice, then the events are identical; another seed differs', () => {
    const a = [...generateEvents({ events: 2000, seed: 7 })];
    expect([...generateEvents({ events: 2000, seed: 7 })]).toEqual(a);
    expect([...generateEvents({ events: 2000, seed: 8 })]).not.toEqual(a);
    expect(a).toHaveLength(2000);
  });

  it('given the same log written as CSV and as XES.gz, when both are analysed, then cases, the directly-follows graph and variants agree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-gen-'));
    const options = { events: 20_000, seed: 11, meanEventsPerCase: 5 };
    await writeCsv(join(dir, 'log.csv'), options);
    await writeXesGz(join(dir, 'log.xes.gz'), options);
    const csv = await importLogFile(join(dir, 'log.csv'));
    const xes = await importLogFile(join(dir, 'log.xes.gz'), {
      mapping: { org: 'org:group', channel: 'channel' },
    });
    const a = toJsonReport(analyseLog(csv.store), csv.report);
    const b = toJsonReport(analyseLog(xes.store), xes.report);
    expect(a.log.events).toBe(20_000);
    expect(b.log).toMatchObject({
      cases: a.log.cases,
      events: a.log.events,
      activities: a.log.activities,
      start: a.log.start,
      end: a.log.end,
      rejectedRows: 0,
    });
    // the XES file groups events by trace, so sums run in another order: compare to 1 µs
    const rounded = (r: typeof a) =>
      r.dfg.edges.map((e) => ({
        ...e,
        meanSeconds: Math.round(e.meanSeconds * 1e6),
        medianSeconds: Math.round(e.medianSeconds * 1e6),
      }));
    expect(rounded(b)).toEqual(rounded(a));
    expect(b.dfg.startActivities).toEqual(a.dfg.startActivities);
    expect(b.dfg.endActivities).toEqual(a.dfg.endActivities);
    expect(b.variants).toEqual(a.variants);
    expect(b.cases.durationSeconds.median).toBe(a.cases.durationSeconds.median);
    expect(b.cases.durationSeconds.mean).toBeCloseTo(a.cases.durationSeconds.mean ?? 0, 6);
    // the generator makes hand-offs, repeats, silences and several channels
    expect(a.handoffs?.total).toBeGreaterThan(0);
    expect(b.handoffs?.total).toBe(a.handoffs?.total);
    expect(a.rework.casesWithRework).toBeGreaterThan(0);
    expect(a.silences.casesOverThreshold).toBeGreaterThan(0);
    expect(a.channels?.channels.length).toBeGreaterThanOrEqual(4);
    expect(a.avoidable.avoidable).toBeGreaterThan(0);
  });
});
