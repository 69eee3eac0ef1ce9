import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { toJsonReport } from '../report/json';
import { randomLog, toCsv } from '../testing/fixtures';
import { importCsv } from './csv-import';
import { EventStore } from '../model/event-store';
import { appendPart, lineBoundary, parseLastBlocks } from './csv-parallel';
import { parseBlock, parseClaimedBlocks, type CsvBlocksJob, type CsvPart } from './csv-worker';
import { RejectionLog } from './import-result';
import { readFileChunks } from './read-source';

/** The text as a file in a temporary directory. */
function written(text: string): { path: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'waymark-split-')), 'log.csv');
  writeFileSync(path, text);
  return { path, size: statSync(path).size };
}

/** The job of reading a file in blocks, for a log of the given columns. */
function blocksJob(
  path: string,
  size: number,
  blockBytes: number,
  columns: Pick<CsvBlocksJob, 'header' | 'index' | 'dims'> & { lifecycle?: string },
): CsvBlocksJob {
  return {
    path,
    size,
    blockBytes,
    blocks: Math.ceil(size / blockBytes),
    claims: new Int32Array(new SharedArrayBuffer(4)),
    delimiter: 44,
    quote: 34,
    encoding: 'utf-8',
    format: { order: 'iso', zone: 'UTC' },
    capacity: 64,
    maxRejectionsListed: 100,
    ...columns,
  };
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
    const job = blocksJob(path, size, blockBytes, {
      header: ['case', 'activity', 'timestamp'],
      index: { case: 0, activity: 1, timestamp: 2 },
      dims: [],
    });
    const blocks = job.blocks;
    // blocks 1… read here after block 0 (the header and the first lines), whose lines come before
    const edge = await lineBoundary(path, blockBytes - 1, size);
    const before = text.slice(0, edge).split('\n').length - 1;
    await expect(parseLastBlocks(job, blocks - 1, before)).rejects.toThrow(
      /^line 91: field 2 opens a quote that is never closed/,
    );
  });

  it('given blocks read with one set of interners, when appended, then the store is the one of blocks read each with its own', async () => {
    // cases and values that run across blocks; a case, an activity and a channel seen only in rejected or
    // filtered rows (interned all the same, as a block's own interners would); lines of the lifecycle filtered
    const lines = ['case,activity,timestamp,channel,team,lifecycle'];
    for (let i = 0; i < 400; i++) {
      const t = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:${String(i % 60).padStart(2, '0')}Z`;
      lines.push(
        `C${(i * 7) % 53},A${i % 5},${t},${['Phone', 'Web', '', 'Email'][i % 4]},T${i % 3},complete`,
      );
      if (i % 37 === 5) lines.push(`R${i},Only${i},not a date,Fax${i},T9,complete`);
      if (i % 41 === 7) lines.push(`F${i},Filtered${i},${t},Post${i},T8,start`);
    }
    const text = `${lines.join('\n')}\n`;
    const { path, size } = written(text);
    const job = blocksJob(path, size, 700, {
      header: ['case', 'activity', 'timestamp', 'channel', 'team', 'lifecycle'],
      index: { case: 0, activity: 1, timestamp: 2, channel: 3, org: 4, lifecycle: 5 },
      lifecycle: 'complete',
      dims: ['channel', 'org', 'lifecycle'],
    });
    const blocks = job.blocks;
    // every block but the first read as the worker reads them: one set of interners, claimed from the back
    job.claims[0] = blocks - 1;
    const sharedParts = await parseClaimedBlocks(job);
    expect(sharedParts).toHaveLength(blocks - 1);
    expect(sharedParts.every((p) => p.uses !== undefined && p.cases === sharedParts[0]?.cases)).toBe(true);
    const ownParts: CsvPart[] = [];
    for (let b = 1; b < blocks; b++) ownParts.push(await parseBlock(job, b));
    const stored = async (parts: typeof ownParts) => {
      const store = new EventStore(undefined, { dims: job.dims });
      const rejections = new RejectionLog(100);
      for (const part of [await parseBlock(job, 0), ...parts]) appendPart(store, part, rejections, 0);
      const n = store.size;
      return {
        cases: store.cases.values(),
        activities: store.activities.values(),
        channels: store.dims.channel.values(),
        teams: store.dims.org.values(),
        lifecycles: store.dims.lifecycle.values(),
        caseOf: Array.from(store.caseOf.subarray(0, n)),
        activityOf: Array.from(store.activityOf.subarray(0, n)),
        time: Array.from(store.time.subarray(0, n)),
        channel: Array.from((store.dim.channel as Int32Array).subarray(0, n)),
        team: Array.from((store.dim.org as Int32Array).subarray(0, n)),
        rejected: rejections.count,
      };
    };
    const shared = await stored(sharedParts);
    expect(shared).toEqual(await stored(ownParts));
    // the values only rejected or filtered rows held are there, in the order the file first gave them
    expect(shared.cases.filter((c) => /^[RF]/.test(c)).slice(0, 3)).toEqual(['R5', 'F7', 'R42']);
    expect(shared.activities).toContain('Only5');
    expect(shared.lifecycles).toEqual(['complete', 'start']);
    expect(shared.rejected).toBeGreaterThan(5);
  });
});
