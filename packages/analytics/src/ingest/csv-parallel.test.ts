import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { toJsonReport } from '../report/json';
import { randomLog, toCsv } from '../testing/fixtures';
import { importCsv } from './csv-import';
import { lineBoundary, parseLastBlocks } from './csv-parallel';
import { readFileChunks } from './read-source';

/** The text as a file in a temporary directory. */
function written(text: string): { path: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'waymark-split-')), 'log.csv');
  writeFileSync(path, text);
  return { path, size: statSync(path).size };
}

/** 100 good lines after the header, with an unclosed quote on the given (1-based, file) line. */
function unclosedQuoteOnLine(line: number): string {
  const lines = ['case,activity,timestamp'];
  for (let i = 0; i < 100; i++) lines.push(`C${i},A,2024-01-01T00:00:00Z`);
  lines[line - 1] = `C${line - 1},"A,2024-01-01T00:00:00Z`;
  return `${lines.join('\n')}\n`;
}

async function both(text: string, blockBytes = 256, maxMainBlocks?: number) {
  const { path, size } = written(text);
  const whole = await importCsv(readFileChunks(path, false), {});
  const split = await importCsv(readFileChunks(path, false), {
    file: {
      path,
      size,
      parallelFromBytes: 1,
      blockBytes,
      ...(maxMainBlocks === undefined ? {} : { maxMainBlocks }),
    },
  });
  return { whole, split };
}

describe('CSV import split across two threads', () => {
  it('given a log, when its blocks are claimed by two threads and merged, then the analysis is identical to a single read', async () => {
    const text = toCsv(randomLog(9, 400));
    for (const [blockBytes, maxMainBlocks] of [
      [97, 0],
      [1000, 2],
      [4096, undefined],
    ] as const) {
      const { whole, split } = await both(text, blockBytes, maxMainBlocks);
      expect(toJsonReport(analyseLog(split.store), split.report)).toEqual(
        toJsonReport(analyseLog(whole.store), whole.report),
      );
      expect(split.store.size).toBe(whole.store.size);
    }
  });

  it('given lines longer than a block, when split, then each line is read once, by one thread', async () => {
    const lines = ['case,activity,timestamp,note'];
    for (let i = 0; i < 60; i++)
      lines.push(
        `C${i % 5},A${i % 4},2024-01-01T00:${String(i).padStart(2, '0')}:00Z,${'x'.repeat(i % 3 === 0 ? 700 : 3)}`,
      );
    const { whole, split } = await both(`${lines.join('\n')}\n`, 128, 1);
    expect(split.report.rows).toBe(60);
    expect(toJsonReport(analyseLog(split.store), split.report)).toEqual(
      toJsonReport(analyseLog(whole.store), whole.report),
    );
  });

  it('given bad rows in the second half, then their line numbers are the file’s, not the half’s', async () => {
    const lines = ['case,activity,timestamp'];
    for (let i = 0; i < 200; i++)
      lines.push(`C${i % 7},A${i % 3},2024-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`);
    lines[150] = 'C1,A1,not a date';
    const { whole, split } = await both(`${lines.join('\n')}\n`, 256, 0);
    expect(whole.report.rejections).toEqual([
      {
        line: 151,
        field: 'timestamp',
        code: 'bad_timestamp',
        values: { value: 'not a date', expected: 'iso' },
        reason: expect.stringMatching(/"not a date"/),
      },
    ]);
    expect(split.report.rejections).toEqual(whole.report.rejections);
    expect(split.report.rows).toBe(200);
  });

  it('given an unclosed quote in the second half, then the error still names the line', async () => {
    const { path, size } = written(unclosedQuoteOnLine(81));
    const file = { path, size, parallelFromBytes: 1, blockBytes: 200, maxMainBlocks: 0 };
    await expect(importCsv(readFileChunks(path, false), { file })).rejects.toThrow(
      /line 81: field 2 opens a quote that is never closed/,
    );
  });

  it('given a worker that never answered, when this thread reads its blocks instead, then an error names the file’s line', async () => {
    const text = unclosedQuoteOnLine(91);
    const { path, size } = written(text);
    const blockBytes = 256;
    const blocks = Math.ceil(size / blockBytes);
    const job = {
      path,
      size,
      blockBytes,
      blocks,
      claims: new Int32Array(new SharedArrayBuffer(4)),
      delimiter: 44,
      quote: 34,
      encoding: 'utf-8',
      header: ['case', 'activity', 'timestamp'],
      index: { case: 0, activity: 1, timestamp: 2 },
      format: { order: 'iso' as const, zone: 'UTC' },
      dims: [],
      capacity: 1024,
      maxRejectionsListed: 10,
    };
    // blocks 1… read here after block 0 (the header and the first lines), whose lines come before
    const edge = await lineBoundary(path, blockBytes - 1, size);
    const before = text.slice(0, edge).split('\n').length - 1;
    await expect(parseLastBlocks(job, blocks - 1, before)).rejects.toThrow(
      /^line 91: field 2 opens a quote that is never closed/,
    );
  });
});
