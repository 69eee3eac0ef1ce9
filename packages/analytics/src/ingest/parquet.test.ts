import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { toJsonReport } from '../report/json';
import { randomLog, toCsv } from '../testing/fixtures';
import { writeParquet } from '../testing/parquet-writer';
import { importLogFile } from './import-log';

describe('Parquet import', () => {
  it('given the same log as Parquet and as CSV, when both are analysed, then the figures agree', async () => {
    const events = randomLog(21, 50);
    const dir = mkdtempSync(join(tmpdir(), 'waymark-parquet-'));
    writeFileSync(join(dir, 'log.csv'), toCsv(events));
    writeFileSync(
      join(dir, 'log.parquet'),
      writeParquet({
        'case id': events.map((e) => e.case),
        activity: events.map((e) => e.activity),
        timestamp: events.map((e) => new Date(e.time).toISOString()),
        channel: events.map((e) => e.channel ?? ''),
        team: events.map((e) => e.org ?? ''),
      }),
    );
    const p = await importLogFile(join(dir, 'log.parquet'));
    const c = await importLogFile(join(dir, 'log.csv'));
    expect(p.report.format).toBe('parquet');
    const pr = toJsonReport(analyseLog(p.store), p.report);
    const cr = toJsonReport(analyseLog(c.store), c.report);
    expect(pr.dfg).toEqual(cr.dfg);
    expect(pr.variants).toEqual(cr.variants);
    expect(pr.handoffs).toEqual(cr.handoffs);
    expect(pr.log.events).toBe(events.length);
  });

  it('given a Parquet file without a timestamp column, then the error lists its columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-parquet-'));
    writeFileSync(join(dir, 'bad.parquet'), writeParquet({ case: ['a'], activity: ['b'] }));
    await expect(importLogFile(join(dir, 'bad.parquet'))).rejects.toThrow(
      /no timestamp column found .*case, activity/,
    );
  });

  it('given a file that only starts like Parquet, then a clear error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-parquet-'));
    writeFileSync(join(dir, 'cut.parquet'), 'PAR1 and then nothing useful');
    await expect(importLogFile(join(dir, 'cut.parquet'))).rejects.toThrow(/not a readable Parquet file/);
  });
});
