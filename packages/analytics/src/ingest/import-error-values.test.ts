import { statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { refusal, tempLogs } from '../testing/fixtures';
import { writeParquet } from '../testing/parquet-writer';
import { importCsv } from './csv-import';
import { importLogFile } from './import-log';
import { defaultImportLimits, type ImportLimits } from './limits';
import { readFileChunks } from './read-source';

/**
 * An ImportError carries in `values` the specifics its English `message` states, for the message catalogue
 * (`waymark analyse` says them in English or Welsh); the message itself is unchanged.
 */

const { dir, file, remove } = tempLogs('waymark-import-values-');
afterAll(remove);
const limits = (l: Partial<ImportLimits>): ImportLimits => ({ ...defaultImportLimits, ...l });

describe('ImportError values', () => {
  it('given a chosen column the header lacks, or no timestamp column, then the column, field and header', async () => {
    const path = file('log.csv', 'case,activity,when\nA,B,2024-01-01\n');
    const named = await refusal(importLogFile(path, { mapping: { timestamp: 'At' } }));
    expect(named.message).toMatch(/^no column named "At" for timestamp/);
    expect(named.values).toEqual({
      reason: 'named',
      column: 'At',
      field: 'timestamp',
      where: 'header',
      header: '"case", "activity", "when"',
    });
    const notFound = await refusal(importLogFile(path));
    expect(notFound.values).toEqual({
      reason: 'notFound',
      field: 'timestamp',
      where: 'header',
      header: '"case", "activity", "when"',
    });
  });

  it('given a Parquet file without a timestamp column, then its schema', async () => {
    const path = file('log.parquet', writeParquet({ case: ['A'], activity: ['B'] }));
    const e = await refusal(importLogFile(path));
    expect(e.values).toEqual({
      reason: 'notFound',
      field: 'timestamp',
      where: 'schema',
      header: '"case", "activity"',
    });
  });

  it('given a byte that is not UTF-8, then its line, column, byte and value', async () => {
    const bytes = Uint8Array.from('case,activity,timestamp\nA,Caf\u00e9,2026-01-05T09:00:00Z\n', (c) =>
      c.charCodeAt(0),
    );
    const e = await refusal(importLogFile(file('cp1252.csv', bytes)));
    expect(e.code).toBe('not_utf8');
    expect(e.message).toMatch(/^line 2, column 6: byte 30 of the file \(0xE9\)/);
    expect(e.values).toEqual({ where: 'file', line: 2, column: 6, byte: 30, hex: '0xE9' });
  });

  it('given an empty file or a blank header, then which', async () => {
    expect((await refusal(importLogFile(file('empty.csv', '')))).values).toEqual({ reason: 'empty' });
    expect((await refusal(importLogFile(file('blank.csv', ' , \nA,B,C\n')))).values).toEqual({
      reason: 'noHeader',
    });
  });

  it('given an unknown zone, a missing file or a cut .gz, then the zone, the file and the problem, not Node’s words', async () => {
    const ok = file('ok.csv', 'case,activity,timestamp\nA,B,2024-01-01T00:00:00Z\n');
    expect((await refusal(importLogFile(ok, { zone: 'Mars/Olympus' }))).values).toEqual({
      zone: 'Mars/Olympus',
    });
    const missing = join(dir, 'nope.csv');
    expect((await refusal(importLogFile(missing))).values).toEqual({ file: missing, problem: 'noFile' });
    const gz = gzipSync('case,activity,timestamp\n' + 'A,B,2024-01-01T00:00:00Z\n'.repeat(500));
    const cut = file('cut.csv.gz', gz.subarray(0, gz.length >> 1));
    expect((await refusal(importLogFile(cut))).values).toEqual({ file: cut, problem: 'truncated' });
  });

  it('given a limit reached, then the limit, where, and the variable that sets it', async () => {
    const rows = 'case,activity,timestamp\n' + 'C-1,Visit,2026-01-01T00:00:00Z\n'.repeat(20);
    const path = file('many.csv', rows);
    const events = await refusal(importLogFile(path, { limits: limits({ maxEvents: 5 }) }));
    expect(events.values).toEqual({
      at: 'line',
      line: 7,
      limit: 5,
      what: 'events',
      variable: 'WAYMARK_MAX_EVENTS',
    });
    const oneCase = await refusal(importLogFile(path, { limits: limits({ maxCaseEvents: 10 }) }));
    expect(oneCase.values).toEqual({
      at: 'case',
      caseNumber: 1,
      event: 11,
      limit: 10,
      what: 'caseEvents',
      variable: 'WAYMARK_MAX_CASE_EVENTS',
    });
    const big = await refusal(importLogFile(path, { limits: limits({ expandedBytes: 100 }) }));
    expect(big.values).toMatchObject({ reason: 'file', variable: 'WAYMARK_EXPANDED_LIMIT_MB' });
    const activities = file('names.csv', 'case,activity,timestamp\nA,x,2024-01-01\nA,y,2024-01-02\n');
    const values = await refusal(importLogFile(activities, { limits: limits({ maxActivities: 1 }) }));
    expect(values.code).toBe('too_many_values');
    expect(values.values).toEqual({ at: 'line', line: 3, limit: 1, what: 'activities' });
  });

  it('given a header with a repeated chosen name or one column, then the columns and name', async () => {
    const twice = file('twice.csv', 'case,activity,timestamp,case\nA,B,2024-01-01,C\n');
    expect((await refusal(importLogFile(twice))).values).toEqual({ first: 1, second: 4, name: 'case' });
    const one = file('one.csv', 'case activity timestamp\nA B 2024-01-01\n');
    expect((await refusal(importLogFile(one))).values).toEqual({ name: 'case activity timestamp' });
  });

  it('given a DOCTYPE in an XES file, then the line and what is refused', async () => {
    const xes = file('bomb.xes', '<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY a "a">]>\n<log>&a;</log>');
    const e = await refusal(importLogFile(xes));
    expect(e.code).toBe('xml_refused');
    expect(e.values).toEqual({ line: 2, feature: 'doctype' });
  });

  it('given an unclosed quote read by another thread, then the file’s line and the field still', async () => {
    const lines = ['case,activity,timestamp'];
    for (let i = 0; i < 100; i++) lines.push(`C${i},A,2024-01-01T00:00:00Z`);
    lines[80] = 'C80,"A,2024-01-01T00:00:00Z';
    const path = file('quote.csv', `${lines.join('\n')}\n`);
    const size = statSync(path).size;
    const options = { file: { path, size, parallelFromBytes: 1, blockBytes: 200, maxMainBlocks: 0 } };
    const e = await refusal(importCsv(readFileChunks(path, false), options));
    expect(e.message).toMatch(/^line 81: field 2 opens a quote/);
    expect(e.values).toEqual({ line: 81, field: 2, quote: '"' });
  });
});
