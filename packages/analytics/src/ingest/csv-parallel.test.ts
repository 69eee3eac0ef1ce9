import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { toJsonReport } from '../report/json';
import { randomLog, toCsv } from '../testing/fixtures';
import { importCsv } from './csv-import';
import { readFileChunks } from './read-source';

async function both(text: string) {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-split-'));
  const path = join(dir, 'log.csv');
  writeFileSync(path, text);
  const size = statSync(path).size;
  const whole = await importCsv(readFileChunks(path, false), {});
  const split = await importCsv(readFileChunks(path, false), { file: { path, size, parallelFromBytes: 1 } });
  return { whole, split };
}

describe('CSV import split across two threads', () => {
  it('given a log, when its halves are parsed apart and merged, then the analysis is identical to a single read', async () => {
    const { whole, split } = await both(toCsv(randomLog(9, 400)));
    expect(toJsonReport(analyseLog(split.store), split.report)).toEqual(
      toJsonReport(analyseLog(whole.store), whole.report),
    );
  });

  it('given bad rows in the second half, then their line numbers are the file’s, not the half’s', async () => {
    const lines = ['case,activity,timestamp'];
    for (let i = 0; i < 200; i++)
      lines.push(`C${i % 7},A${i % 3},2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`);
    lines[150] = 'C1,A1,not a date';
    const { whole, split } = await both(`${lines.join('\n')}\n`);
    expect(whole.report.rejections).toEqual([
      { line: 151, field: 'timestamp', reason: expect.stringMatching(/"not a date"/) },
    ]);
    expect(split.report.rejections).toEqual(whole.report.rejections);
    expect(split.report.rows).toBe(200);
  });

  it('given an unclosed quote in the second half, then the error still names the line', async () => {
    const lines = ['case,activity,timestamp'];
    for (let i = 0; i < 100; i++) lines.push(`C${i},A,2024-01-01T00:00:00Z`);
    lines[80] = 'C80,"A,2024-01-01T00:00:00Z';
    const dir = mkdtempSync(join(tmpdir(), 'waymark-split-'));
    const path = join(dir, 'log.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const file = { path, size: statSync(path).size, parallelFromBytes: 1 };
    await expect(importCsv(readFileChunks(path, false), { file })).rejects.toThrow(
      /line 81: field 2 opens a quote that is never closed/,
    );
  });
});
