import { describe, expect, it, vi } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { buildCaseIndex } from '../model/case-index';
import { toJsonReport } from '../report/json';
import { contactLogCsv } from '../testing/contact-log';
import { chunksOf, utf8 } from '../testing/fixtures';
import { MetricsInWorker } from './in-worker';
import { workerMetrics } from './metrics-worker';

const csv = utf8(contactLogCsv({ events: 20_000, seed: 7, openCases: 300 }));
const imported = () => importCsv(chunksOf(csv, 1 << 16));

describe('metrics computed in a worker thread', () => {
  it('given a log analysed with half the metrics in a worker, then the report is the one computed on one thread', async () => {
    const one = await imported();
    const two = await imported();
    const serial = toJsonReport(analyseLog(one.store, { parallelFrom: Infinity }), one.report);
    const parallel = toJsonReport(analyseLog(two.store, { parallelFrom: 0 }), two.report);
    expect(serial.log.cases).toBeGreaterThan(1000);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it('given a log whose cases are out of time order in the file, then the worker waits for them to be sorted', async () => {
    // the body's lines reversed: every case with more than one event is out of time order
    const [header, ...body] = contactLogCsv({ events: 20_000, seed: 11, openCases: 300 })
      .trimEnd()
      .split('\n');
    const reversed = utf8(`${header}\n${body.reverse().join('\n')}\n`);
    const one = await importCsv(chunksOf(reversed, 1 << 16));
    const two = await importCsv(chunksOf(reversed, 1 << 16));
    const serial = toJsonReport(analyseLog(one.store, { parallelFrom: Infinity }), one.report);
    const parallel = toJsonReport(analyseLog(two.store, { parallelFrom: 0 }), two.report);
    expect(serial.log.casesOutOfOrder).toBeGreaterThan(1000);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
  });

  it('given the worker took the job, then its graph and variants are this thread’s', async () => {
    const { store } = await imported();
    const inWorker = new MetricsInWorker();
    const index = buildCaseIndex(store, { shared: true });
    expect(index.activity.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(index.time.buffer).toBeInstanceOf(SharedArrayBuffer);
    inWorker.start(index, 20);
    await vi.waitFor(() => expect(inWorker.claimedBy).toBe('worker'), { timeout: 20_000, interval: 20 });
    const fromWorker = inWorker.result();
    const here = workerMetrics(index, 20);
    expect(fromWorker.dfg.edges.length).toBeGreaterThan(10);
    expect(fromWorker).toEqual(here);
  });

  it('given the worker has not taken the job when the results are wanted, then this thread computes them', async () => {
    const { store } = await imported();
    const inWorker = new MetricsInWorker();
    const index = buildCaseIndex(store, { shared: true });
    inWorker.start(index, 5);
    const now = inWorker.result();
    expect(inWorker.claimedBy).toBe('this thread');
    expect(now).toEqual(workerMetrics(index, 5));
    expect(now.variants.top).toHaveLength(5);
  });
});
