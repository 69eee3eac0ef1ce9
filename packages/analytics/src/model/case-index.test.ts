import { describe, expect, it } from 'vitest';
import { importCsv } from '../ingest/csv-import';
import { contactLogCsv } from '../testing/contact-log';
import { chunksOf, utf8 } from '../testing/fixtures';
import { buildCaseIndex } from './case-index';

/** A log with a channel column, its cases' events in time order in the file or not. */
const log = (outOfOrder: boolean) =>
  importCsv(
    chunksOf(
      utf8(
        [
          'case,activity,timestamp,channel',
          'A,Report,2024-03-01T09:00:00Z,Phone',
          'B,Report,2024-03-01T09:30:00Z,Web',
          outOfOrder ? 'A,Chase,2024-03-03T09:00:00Z,Email' : 'A,Assess,2024-03-02T09:00:00Z,Email',
          outOfOrder ? 'A,Assess,2024-03-02T09:00:00Z,Phone' : 'A,Chase,2024-03-03T09:00:00Z,Phone',
          'B,Close,2024-03-04T10:00:00Z,Web',
        ].join('\n') + '\n',
      ),
      7,
    ),
  );

describe('the case index', () => {
  for (const shared of [false, true]) {
    for (const outOfOrder of [false, true]) {
      it(`given a log ${outOfOrder ? 'with a case out of time order' : 'in time order'}${shared ? ' (shared columns)' : ''}, then the activity and time columns are in case and time order`, async () => {
        const { store } = await log(outOfOrder);
        const index = buildCaseIndex(store, { shared });
        expect(index.casesOutOfOrder).toBe(outOfOrder ? 1 : 0);
        const names = store.activities.values();
        expect(Array.from(index.activity.subarray(0, 5), (a) => names[a])).toEqual([
          'Report',
          'Assess',
          'Chase',
          'Report',
          'Close',
        ]);
        expect(Array.from(index.time.subarray(0, 5))).toEqual(
          [
            '2024-03-01T09:00:00Z',
            '2024-03-02T09:00:00Z',
            '2024-03-03T09:00:00Z',
            '2024-03-01T09:30:00Z',
            '2024-03-04T10:00:00Z',
          ].map((t) => Date.parse(t)),
        );
        // shared: where a worker thread can read them (the import keeps the time column shared already)
        expect(index.activity.buffer instanceof SharedArrayBuffer).toBe(shared);
        if (shared) expect(index.time.buffer).toBeInstanceOf(SharedArrayBuffer);
        expect(Array.from(index.caseStart)).toEqual([0, 3, 5]);
        // every other column moved with its event
        const channels = store.dims.channel.values();
        expect(Array.from(store.dim.channel as Int32Array, (c) => channels[c]).slice(0, 5)).toEqual(
          outOfOrder ? ['Phone', 'Phone', 'Email', 'Web', 'Web'] : ['Phone', 'Email', 'Phone', 'Web', 'Web'],
        );
        expect(Array.from(store.caseOf.subarray(0, 5), (c) => store.cases.value(c))).toEqual([
          'A',
          'A',
          'A',
          'B',
          'B',
        ]);
      });
    }
  }

  it('given a generated log with many cases, then grouping keeps file order within a case and time order', async () => {
    const { store } = await importCsv(
      chunksOf(utf8(contactLogCsv({ events: 5_000, seed: 3, openCases: 50 })), 1 << 12),
    );
    const fileOrder = Array.from(store.time.subarray(0, store.size));
    const index = buildCaseIndex(store);
    expect(index.events).toBe(fileOrder.length);
    for (let k = 0; k < index.cases; k++)
      for (let p = (index.caseStart[k] as number) + 1; p < (index.caseStart[k + 1] as number); p++)
        expect(index.time[p]).toBeGreaterThanOrEqual(index.time[p - 1] as number);
    expect([...index.time.subarray(0, index.events)].sort((a, b) => a - b)).toEqual(
      fileOrder.sort((a, b) => a - b),
    );
  });

  for (const shared of [false, true]) {
    it(`given a log grouped by case, as an XES trace is${shared ? ' (shared columns)' : ''}, then its index equals that of the same events interleaved`, async () => {
      const rows = {
        A1: 'A,Report,2024-03-01T09:00:00Z,Phone',
        C: 'C,Report,not a date,Web',
        A2: 'A,Chase,2024-03-03T09:00:00Z,Email',
        A3: 'A,Assess,2024-03-02T09:00:00Z,Web',
        B1: 'B,Report,2024-03-01T09:30:00Z,Web',
        B2: 'B,Close,2024-03-04T10:00:00Z,Phone',
      };
      const indexOf = async (order: (keyof typeof rows)[]) => {
        const csv = ['case,activity,timestamp,channel', ...order.map((k) => rows[k])].join('\n') + '\n';
        const { store } = await importCsv(chunksOf(utf8(csv), 11));
        const index = buildCaseIndex(store, { shared });
        const channels = store.dims.channel.values();
        const activities = store.activities.values();
        return {
          starts: Array.from(index.caseStart),
          cases: Array.from(index.caseId, (c) => store.cases.value(c)),
          outOfOrder: index.casesOutOfOrder,
          activity: Array.from(index.activity.subarray(0, index.events), (a) => activities[a]),
          time: Array.from(index.time.subarray(0, index.events)),
          channel: Array.from(
            (store.dim.channel as Int32Array).subarray(0, index.events),
            (c) => channels[c],
          ),
          caseOf: Array.from(store.caseOf.subarray(0, index.events), (c) => store.cases.value(c)),
        };
      };
      const grouped = await indexOf(['A1', 'C', 'A2', 'A3', 'B1', 'B2']);
      expect(grouped).toEqual(await indexOf(['A1', 'B1', 'C', 'A2', 'B2', 'A3']));
      expect(grouped.cases).toEqual(['A', 'B']);
      expect(grouped.starts).toEqual([0, 3, 5]);
      expect(grouped.outOfOrder).toBe(1);
      expect(grouped.activity).toEqual(['Report', 'Assess', 'Chase', 'Report', 'Close']);
      expect(grouped.channel).toEqual(['Phone', 'Web', 'Email', 'Web', 'Phone']);
      expect(grouped.caseOf).toEqual(['A', 'A', 'A', 'B', 'B']);
    });
  }

  for (const shared of [false, true])
    it(`given a log with start times, costs and two dimensions out of case order${shared ? ' (shared columns)' : ''}, then every column moves with its event and later events start with no dimension`, async () => {
      const { store } = await importCsv(
        chunksOf(
          utf8(
            [
              'case,activity,timestamp,start_timestamp,cost,channel,team',
              'A,Report,2024-03-01T09:00:00Z,2024-03-01T08:00:00Z,1.5,Phone,T1',
              'B,Report,2024-03-01T09:30:00Z,2024-03-01T09:10:00Z,2,Web,T2',
              'A,Assess,2024-03-02T09:00:00Z,,3,Email,',
              'B,Close,2024-03-04T10:00:00Z,2024-03-04T09:00:00Z,,Web,T3',
            ].join('\n') + '\n',
          ),
          9,
        ),
      );
      const index = buildCaseIndex(store, { shared });
      const h = (iso: string) => Date.parse(iso);
      expect(Array.from((store.startTime as Float64Array).subarray(0, 4))).toEqual([
        h('2024-03-01T08:00:00Z'),
        Number.NaN,
        h('2024-03-01T09:10:00Z'),
        h('2024-03-04T09:00:00Z'),
      ]);
      expect(Array.from((store.cost as Float64Array).subarray(0, 4))).toEqual([1.5, 3, 2, Number.NaN]);
      const teams = store.dims.org.values();
      expect(
        Array.from((store.dim.org as Int32Array).subarray(0, 4), (t) => (t < 0 ? null : teams[t])),
      ).toEqual(['T1', null, 'T2', 'T3']);
      expect(index.casesOutOfOrder).toBe(0);
      // an event added after indexing has no channel or team until one is set
      const at = store.add(
        store.caseOf[0] as number,
        store.activityOf[0] as number,
        h('2024-03-05T00:00:00Z'),
      );
      expect([store.dim.channel?.[at], store.dim.org?.[at]]).toEqual([-1, -1]);
    });
});
