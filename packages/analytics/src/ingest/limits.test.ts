import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { previewLogFile } from '../dataset/preview';
import { writeGzipBomb } from '../testing/bombs';
import { writeParquet } from '../testing/parquet-writer';
import { importLogFile } from './import-log';
import { defaultImportLimits, importLimitsFromEnv, type ImportLimits } from './limits';

const MB = 1024 * 1024;
const header = 'case,activity,timestamp\n';
const row = 'C-1,Visit,2026-01-01T00:00:00Z\n';
const made: string[] = [];
/** A temporary directory, removed after the tests (the bombs in them are tens of megabytes). */
const dir = () => {
  const d = mkdtempSync(join(tmpdir(), 'waymark-limits-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
const limits = (l: Partial<ImportLimits>): ImportLimits => ({ ...defaultImportLimits, ...l });
/** A CSV of n rows, row i made by `line(i)`. */
const csv = (n: number, line: (i: number) => string) =>
  header + Array.from({ length: n }, (_, i) => line(i)).join('');

describe('import limits (issue 9 §2)', () => {
  it('given a 26 MB .csv.gz that expands to 10 GB, when imported with the defaults, then it is refused by the ratio check long before the end', async () => {
    const path = join(dir(), 'bomb.csv.gz');
    const made = await writeGzipBomb(path, { header, row, expandedBytes: 10 * 1024 * MB });
    expect(made.expandedBytes / made.compressedBytes).toBeGreaterThan(300);
    await expect(importLogFile(path)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /expands more than 100 times .*WAYMARK_EXPANSION_RATIO.*likely decompression bomb/,
      ),
    });
  });

  it('given gzip bytes in a file named .csv or .xes, when imported, then the limits apply all the same (gzip is sniffed)', async () => {
    const d = dir();
    for (const name of ['plain.csv', 'log.xes', 'log.txt']) {
      const path = join(d, name);
      await writeGzipBomb(path, { header, row, expandedBytes: 200 * MB });
      await expect(importLogFile(path)).rejects.toMatchObject({ code: 'too_large' });
    }
  });

  it('given a gzip log that compresses like a real one but expands past the ceiling, then it is refused naming the ceiling and its variable', async () => {
    const path = join(dir(), 'big.csv.gz');
    // varied rows: about 8 times smaller gzipped, so the ratio check alone would accept it
    writeFileSync(
      path,
      gzipSync(
        csv(
          200_000,
          (i) => `C-${(i * 7919) % 99991},Activity ${i % 37},2026-01-0${(i % 9) + 1}T0${i % 10}:00:00Z\n`,
        ),
      ),
    );
    await expect(importLogFile(path, { limits: limits({ expandedBytes: 2 * MB }) })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/expands to more than 2\.0 MB.*WAYMARK_EXPANDED_LIMIT_MB/),
    });
    // the same file is read whole under the default ceiling
    expect((await importLogFile(path)).report.rows).toBe(200_000);
  });

  it('given an uncompressed file larger than the ceiling, then it is refused before it is read', async () => {
    const path = join(dir(), 'big.csv');
    writeFileSync(
      path,
      csv(100_000, (i) => `C-${i},Visit,2026-01-01T00:00:00Z\n`),
    );
    await expect(importLogFile(path, { limits: limits({ expandedBytes: MB }) })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(
        /^the file is 3\.\d MB, more than the 1\.0 MB limit set by WAYMARK_EXPANDED_LIMIT_MB/,
      ),
    });
  });

  it('given more events than the limit, then the import stops at the limit naming the line and the limit', async () => {
    const path = join(dir(), 'many.csv');
    writeFileSync(
      path,
      csv(5000, (i) => `C-${i % 50},Visit,2026-01-01T00:00:00Z\n`),
    );
    await expect(importLogFile(path, { limits: limits({ maxEvents: 1000 }) })).rejects.toMatchObject({
      code: 'too_many_events',
      line: 1002,
      message: expect.stringMatching(/^line 1002: the log has more than 1,000 events.*WAYMARK_MAX_EVENTS/),
    });
  });

  it('given a different activity on every row, then the import stops at the distinct-activities limit naming the line', async () => {
    const path = join(dir(), 'names.csv');
    writeFileSync(
      path,
      csv(5000, (i) => `C-1,Activity number ${i},2026-01-01T00:00:00Z\n`),
    );
    await expect(importLogFile(path, { limits: limits({ maxActivities: 100 }) })).rejects.toMatchObject({
      code: 'too_many_values',
      message: expect.stringMatching(/^line 102: the log has more than 100 distinct activities/),
    });
    // and the channel column is held to its own limit
    const ch = join(dir(), 'channels.csv');
    writeFileSync(
      ch,
      'case,activity,timestamp,channel\n' +
        Array.from({ length: 300 }, (_, i) => `C-1,Visit,2026-01-01T00:00:00Z,ch${i}\n`).join(''),
    );
    await expect(importLogFile(ch, { limits: limits({ maxValues: 200 }) })).rejects.toThrow(
      /^line 202: the log has more than 200 distinct values of channel/,
    );
  });

  it('given one case with more events than a case may have, then the import is refused naming the case by its place and the limit, not by its reference', async () => {
    const path = join(dir(), 'one-case.csv');
    writeFileSync(
      path,
      csv(3000, (i) => `C-SECRET-1,Activity ${i % 5},2026-01-01T00:00:00Z\n`),
    );
    const refused = importLogFile(path, { limits: limits({ maxCaseEvents: 1000 }) });
    await expect(refused).rejects.toMatchObject({
      code: 'too_many_events',
      message: expect.stringMatching(
        /^case number 1 of the file .* has more than 1,000 events \(by the file's event 1,001\), the limit one case may have \(WAYMARK_MAX_CASE_EVENTS\)/,
      ),
    });
    await expect(refused).rejects.not.toThrow(/SECRET/);
    // an XES trace is stopped while it is read, with its line
    const event =
      '<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2026-01-01T00:00:00Z"/></event>\n';
    const xes = join(dir(), 'trace.xes');
    writeFileSync(
      xes,
      `<log>\n<trace><string key="concept:name" value="c1"/>\n${event.repeat(1500)}</trace>\n</log>\n`,
    );
    await expect(importLogFile(xes, { limits: limits({ maxCaseEvents: 1000 }) })).rejects.toThrow(
      /^line 1003: the log has more than 1,000 events in one trace, the limit set by WAYMARK_MAX_CASE_EVENTS/,
    );
  });

  it('given one enormous line with no line break, then it is refused at 16 MB naming the line, not read to the end', async () => {
    const path = join(dir(), 'one-line.csv.gz');
    await writeGzipBomb(path, { header, row: 'x'.repeat(1000), expandedBytes: 60 * MB });
    await expect(importLogFile(path)).rejects.toMatchObject({
      code: 'record_too_long',
      message: expect.stringMatching(
        /^line 2: a record runs past 16 MB, the most one row may hold \(expected a line break\)$/,
      ),
    });
  });

  it('given an XES trace with more events than the limit, then it stops inside the trace naming the line', async () => {
    const event =
      '<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2026-01-01T00:00:00Z"/></event>\n';
    const path = join(dir(), 'trace.xes');
    writeFileSync(
      path,
      `<log>\n<trace><string key="concept:name" value="c1"/>\n${event.repeat(3000)}</trace>\n</log>\n`,
    );
    await expect(importLogFile(path, { limits: limits({ maxEvents: 1000 }) })).rejects.toMatchObject({
      code: 'too_many_events',
      message: expect.stringMatching(/^line 1003: the log has more than 1,000 events in one trace/),
    });
  });

  it('given XES nested a million deep or one attribute of 40 MB, then each is refused with its line', async () => {
    const deep = join(dir(), 'deep.xes.gz');
    writeFileSync(deep, gzipSync(`<log>\n${'<container>'.repeat(1_000_000)}`));
    await expect(importLogFile(deep)).rejects.toMatchObject({
      code: 'xml_refused',
      message: expect.stringMatching(/^line 2: .*nested more than 1000 deep/),
    });
    const wide = join(dir(), 'wide.xes.gz');
    writeFileSync(
      wide,
      gzipSync(`<log>\n<trace><string key="concept:name" value="${'v'.repeat(40 * MB)}"/></trace></log>`),
    );
    await expect(importLogFile(wide)).rejects.toMatchObject({
      code: 'xml_malformed',
      message: expect.stringMatching(/^line 2: .*runs past 16 MB/),
    });
  });

  it('given a Parquet file declaring more rows than the events limit, then it is refused before any row is read', async () => {
    const path = join(dir(), 'rows.parquet');
    const n = 3000;
    writeFileSync(
      path,
      writeParquet({
        case: Array.from({ length: n }, (_, i) => `C-${i}`),
        activity: Array.from({ length: n }, () => 'Visit'),
        timestamp: Array.from({ length: n }, () => '2026-01-01T00:00:00Z'),
      }),
    );
    await expect(importLogFile(path, { limits: limits({ maxEvents: 1000 }) })).rejects.toMatchObject({
      code: 'too_many_events',
    });
    expect((await importLogFile(path)).report.rows).toBe(n);
  });

  it('given a 10 GB gzip bomb, when previewed, then the first rows come back and only the sample is decompressed', async () => {
    const path = join(dir(), 'bomb.gz');
    await writeGzipBomb(path, { header, row, expandedBytes: 10 * 1024 * MB });
    const before = process.memoryUsage().rss;
    const preview = await previewLogFile(path);
    expect(preview).toMatchObject({ format: 'csv', gzip: true, columns: ['case', 'activity', 'timestamp'] });
    expect(preview.rows[0]).toEqual(['C-1', 'Visit', '2026-01-01T00:00:00Z']);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * MB);
  });

  it('given the environment, then the limits are read from it, and a bad value is named', () => {
    expect(importLimitsFromEnv({})).toEqual(defaultImportLimits);
    expect(
      importLimitsFromEnv({
        WAYMARK_EXPANDED_LIMIT_MB: '10',
        WAYMARK_EXPANSION_RATIO: '0',
        WAYMARK_MAX_EVENTS: '5',
        WAYMARK_MAX_CASE_EVENTS: '4',
      }),
    ).toEqual({
      ...defaultImportLimits,
      expandedBytes: 10 * MB,
      expansionRatio: 0,
      maxEvents: 5,
      maxCaseEvents: 4,
    });
    expect(importLimitsFromEnv({ WAYMARK_EXPANDED_LIMIT_MB: 'lots' })).toEqual({
      error: 'WAYMARK_EXPANDED_LIMIT_MB must be a whole number (at least 1) of megabytes, not "lots"',
      code: 'not_whole_number',
      values: { variable: 'WAYMARK_EXPANDED_LIMIT_MB', value: 'lots', unit: 'megabytes', default: 4096 },
    });
    expect(importLimitsFromEnv({ WAYMARK_EXPANSION_RATIO: '-1' })).toMatchObject({
      code: 'not_whole_number',
      values: { variable: 'WAYMARK_EXPANSION_RATIO', value: '-1', unit: 'ratio', default: 100 },
    });
    expect(importLimitsFromEnv({ WAYMARK_MAX_EVENTS: '0' })).toMatchObject({
      code: 'not_whole_number',
      values: { variable: 'WAYMARK_MAX_EVENTS', value: '0', unit: 'events', default: 20_000_000 },
    });
  });
});
