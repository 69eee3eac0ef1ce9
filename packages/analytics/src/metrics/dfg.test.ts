import { describe, expect, it } from 'vitest';
import { analyseLog } from '../analyse';
import { importCsv } from '../ingest/csv-import';
import { chunksOf, median, naiveAnalysis, randomLog, toCsv, utf8 } from '../testing/fixtures';

describe('directly-follows graph, variants and case figures against a naive implementation', () => {
  for (const seed of [1, 2, 3, 42, 1234]) {
    it(`given random log ${seed} with interleaved cases, ties and disorder, when analysed, then every edge, variant and duration agrees`, async () => {
      const events = randomLog(seed);
      const { store } = await importCsv(chunksOf(utf8(toCsv(events)), 97));
      const a = analyseLog(store);
      const naive = naiveAnalysis(events);
      expect(a.dfg.edges.length).toBe(naive.edges.size);
      for (const e of a.dfg.edges) {
        const gaps = naive.edges.get(`${e.from}→${e.to}`) ?? [];
        expect(e.count).toBe(gaps.length);
        expect(e.minSeconds).toBe(Math.min(...gaps));
        expect(e.maxSeconds).toBe(Math.max(...gaps));
        expect(e.medianSeconds).toBeCloseTo(median(gaps), 6);
        expect(e.meanSeconds).toBeCloseTo(gaps.reduce((s, x) => s + x, 0) / gaps.length, 6);
      }
      expect(a.variants.count).toBe(naive.variants.size);
      for (const v of a.variants.top) expect(naive.variants.get(v.activities.join('→'))).toBe(v.cases);
      const counts = a.variants.top.map((v) => v.cases);
      expect(counts).toEqual([...counts].sort((x, y) => y - x));
      expect(a.cases.cases).toBe(new Set(events.map((e) => e.case)).size);
      expect(a.cases.durationSeconds.median).toBeCloseTo(median(naive.durations), 6);
      expect(new Map(Object.entries(a.dfg.startActivities))).toEqual(naive.starts);
    });
  }

  it('given tied variant counts, when ranked, then ties are in code-point order of the sequence', async () => {
    const csv =
      'case,activity,timestamp\n1,b,2024-01-01T00:00:00Z\n2,a,2024-01-01T00:00:00Z\n3,B,2024-01-01T00:00:00Z\n4,a,2024-01-01T00:00:00Z\n4,b,2024-01-02T00:00:00Z\n';
    const { store } = await importCsv(chunksOf(utf8(csv)));
    const a = analyseLog(store);
    expect(a.variants.top.map((v) => v.activities.join(','))).toEqual(['B', 'a', 'a,b', 'b']);
  });

  it('given equal timestamps within a case, when ordered, then file order breaks the tie', async () => {
    const csv =
      'case,activity,timestamp\nX,second,2024-01-01T10:00:00Z\nX,first,2024-01-01T09:00:00Z\nX,third,2024-01-01T10:00:00Z\n';
    const { store } = await importCsv(chunksOf(utf8(csv)));
    const a = analyseLog(store);
    expect(a.variants.top[0]?.activities).toEqual(['first', 'second', 'third']);
    expect(a.index.casesOutOfOrder).toBe(1);
    expect(a.dfg.edges.find((e) => e.from === 'second')?.meanSeconds).toBe(0);
  });
});
