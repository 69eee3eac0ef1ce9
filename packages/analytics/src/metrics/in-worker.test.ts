import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { buildCaseIndex, type CaseIndex, type TimeGatherer } from '../model/case-index';
import { toJsonReport } from '../report/json';
import { contactLogCsv } from '../testing/contact-log';
import { chunksOf, utf8 } from '../testing/fixtures';
import type { EventStore } from '../model/event-store';
import { MetricsInWorker } from './in-worker';
import { contactMask } from './contacts';
import { workerMetrics } from './metrics-worker';
import { storeLabels, type SegmentBy } from './segments';

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

  it('given the worker has not taken the job when the results are wanted, then this thread computes them', async () => {
    const { store } = await imported();
    const inWorker = new MetricsInWorker();
    const index = buildCaseIndex(store, {
      shared: true,
      timeGatherer: inWorker.gatherer(store.activities.values(), 5),
    });
    inWorker.indexed(index);
    const now = inWorker.result();
    expect(inWorker.claimedBy).toBe('this thread');
    expect(inWorker.timeGatheredBy).toBe('this thread');
    expect(now).toEqual(workerMetrics(index, 5));
    expect(now.variants.top).toHaveLength(5);
  });
});

/** A gatherer that waits (up to 20 s) for the worker to take the job before this thread would take the time. */
function patient(inWorker: MetricsInWorker, names: readonly string[]): TimeGatherer {
  const g = inWorker.gatherer(names, 20);
  const nap = new Int32Array(new SharedArrayBuffer(4));
  return {
    offer: (job) => g.offer(job),
    gathered: () => {
      for (let waited = 0; inWorker.claimedBy === undefined && waited < 1000; waited++)
        Atomics.wait(nap, 0, 0, 20);
      return g.gathered();
    },
    ready: () => g.ready(),
  };
}

/** Everything an index holds, by name, to compare two indexes of the same events. */
function described(index: CaseIndex) {
  const { store } = index;
  const names = store.activities.values();
  const channels = store.dims.channel.values();
  const n = index.events;
  return {
    cases: index.cases,
    outOfOrder: index.casesOutOfOrder,
    starts: Array.from(index.caseStart),
    caseIds: Array.from(index.caseId, (c) => store.cases.value(c)),
    caseOf: Array.from(store.caseOf.subarray(0, n), (c) => store.cases.value(c)),
    activity: Array.from(index.activity.subarray(0, n), (a) => names[a]),
    time: Array.from(index.time.subarray(0, n)),
    channel: Array.from((store.dim.channel as Int32Array).subarray(0, n), (c) => channels[c]),
  };
}

/** A store's index built with the time column offered to a worker that has started. */
function indexedWithWorker(store: EventStore): { inWorker: MetricsInWorker; index: CaseIndex } {
  const inWorker = new MetricsInWorker();
  const index = buildCaseIndex(store, {
    shared: true,
    timeGatherer: patient(inWorker, store.activities.values()),
  });
  inWorker.indexed(index);
  return { inWorker, index };
}

describe('the time column gathered by the worker', () => {
  const [header, ...body] = contactLogCsv({ events: 20_000, seed: 13, openCases: 300 }).trimEnd().split('\n');
  const logs = {
    'in time order': utf8(`${header}\n${body.join('\n')}\n`),
    'out of time order (lines reversed)': utf8(`${header}\n${body.reverse().join('\n')}\n`),
  };
  for (const [name, bytes] of Object.entries(logs)) {
    it(`given a log ${name}, then the index and the worker's graph and variants are one thread's`, async () => {
      const one = await importCsv(chunksOf(bytes, 1 << 16));
      const two = await importCsv(chunksOf(bytes, 1 << 16));
      expect(two.store.time.buffer).toBeInstanceOf(SharedArrayBuffer);
      const here = buildCaseIndex(one.store);
      const { inWorker, index } = indexedWithWorker(two.store);
      expect(inWorker.timeGatheredBy).toBe('worker');
      expect(described(index)).toEqual(described(here));
      expect(index.casesOutOfOrder > 1000).toBe(name.startsWith('out'));
      const fromWorker = inWorker.result();
      expect(fromWorker.dfg.edges.length).toBeGreaterThan(10);
      expect(fromWorker).toEqual(workerMetrics(here, 20));
    });
  }

  it('given a log grouped by case (no reordering), then the worker copies the time column as it is', async () => {
    const rows = body
      .slice()
      .sort((a, b) => (a.split(',')[0] as string).localeCompare(b.split(',')[0] as string));
    const bytes = utf8(`${header}\n${rows.join('\n')}\n`);
    const one = await importCsv(chunksOf(bytes, 1 << 16));
    const two = await importCsv(chunksOf(bytes, 1 << 16));
    const here = buildCaseIndex(one.store);
    const { inWorker, index } = indexedWithWorker(two.store);
    expect(inWorker.timeGatheredBy).toBe('worker');
    expect(described(index)).toEqual(described(here));
    expect(inWorker.result()).toEqual(workerMetrics(here, 20));
  });

  it('given a store whose time column is not shared, then this thread gathers it and the worker still computes its share', async () => {
    const one = await imported();
    const two = await imported();
    // a copy of the store's time column in an ordinary buffer: the worker could only be sent a copy of it
    two.store.replaceColumns(two.store.activityOf, Float64Array.from(two.store.time));
    const here = buildCaseIndex(one.store);
    const { inWorker, index } = indexedWithWorker(two.store);
    expect(inWorker.timeGatheredBy).toBe('this thread');
    expect(described(index)).toEqual(described(here));
    expect(inWorker.claimedBy).toBe('worker');
    expect(inWorker.result()).toEqual(workerMetrics(here, 20));
  });
});

describe('the segments cut by the worker', () => {
  /** Contacts per case, as the analysis counts them. */
  const contactsOf = (index: CaseIndex): Int32Array => {
    const isContact = contactMask(index);
    return Int32Array.from({ length: index.cases }, (_, k) => {
      let n = 0;
      for (let p = index.caseStart[k] as number; p < (index.caseStart[k + 1] as number); p++)
        n += isContact[p] as number;
      return n;
    });
  };

  it("given this thread's share of the figures, then the worker's segments are those of one thread", async () => {
    const one = await imported();
    const two = await imported();
    const serial = analyseLog(one.store, { parallelFrom: Infinity });
    const by: SegmentBy[] = ['variant', 'org', 'period', 'channel'];
    const expected = analyseLog((await imported()).store, { parallelFrom: Infinity, segments: by }).segments;
    const { inWorker, index } = indexedWithWorker(two.store);
    expect(serial.handoffs).toBeDefined();
    expect(serial.channels).toBeDefined();
    inWorker.segments({
      by,
      labels: storeLabels(index, by),
      contacts: contactsOf(index),
      avoidable: serial.avoidable.avoidableOfCase,
      ...(serial.handoffs ? { handoffs: serial.handoffs.handoffsOfCase } : {}),
      ...(serial.channels ? { cost: serial.channels.costOfCase } : {}),
    });
    const fromWorker = inWorker.result();
    expect(inWorker.claimedBy).toBe('worker');
    expect(Object.keys(fromWorker.segments ?? {})).toEqual(by);
    expect(fromWorker.segments?.variant?.length).toBeGreaterThan(1);
    expect(fromWorker.segments?.channel?.length).toBeGreaterThan(1);
    expect(fromWorker.segments?.org?.length).toBeGreaterThan(0);
    expect(fromWorker.segments?.channel?.[0]?.handoffsPerCase).toBeGreaterThan(0);
    expect(fromWorker.segments).toEqual(expected);
    expect(JSON.stringify(fromWorker.segments)).toBe(JSON.stringify(expected));
  });

  it('given no segments asked of the worker, then it sends its metrics without them and does not wait', async () => {
    const { store } = await imported();
    const { inWorker } = indexedWithWorker(store);
    const fromWorker = inWorker.result();
    expect(inWorker.claimedBy).toBe('worker');
    expect(fromWorker.dfg.edges.length).toBeGreaterThan(10);
    expect(fromWorker.segments).toBeUndefined();
  });
});
