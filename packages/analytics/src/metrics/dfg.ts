import type { CaseIndex } from '../model/case-index';
import { rangeStats } from './stats';

export interface DfgEdge {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly meanSeconds: number;
  readonly medianSeconds: number;
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

export interface Dfg {
  readonly edges: readonly DfgEdge[];
  readonly startActivities: Readonly<Record<string, number>>;
  readonly endActivities: Readonly<Record<string, number>>;
  /** Consecutive pairs counted (events minus cases). */
  readonly pairs: number;
}

/**
 * The directly-follows graph: every consecutive pair of activities within a case, with the
 * time between them (PM4Py's frequency and performance DFGs together). Edges sort by from, then to.
 */
export function computeDfg(index: CaseIndex): Dfg {
  const { activity: act, time, caseStart, cases } = index;
  const names = index.store.activities.values();
  const A = names.length;
  const dense = A * A <= 1 << 22;
  const denseIds = dense ? new Int32Array(A * A).fill(-1) : undefined;
  const sparseIds = dense ? undefined : new Map<number, number>();
  const edgeKey: number[] = [];
  const counts: number[] = [];
  const starts = new Int32Array(A);
  const ends = new Int32Array(A);
  const pairEdge = new Int32Array(Math.max(0, index.events - cases));
  let pairs = 0;
  for (let k = 0; k < cases; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    starts[act[from] as number] = (starts[act[from] as number] as number) + 1;
    ends[act[to - 1] as number] = (ends[act[to - 1] as number] as number) + 1;
    for (let p = from; p < to - 1; p++) {
      const key = (act[p] as number) * A + (act[p + 1] as number);
      let id = denseIds ? (denseIds[key] as number) : (sparseIds?.get(key) ?? -1);
      if (id < 0) {
        id = edgeKey.length;
        edgeKey.push(key);
        counts.push(0);
        if (denseIds) denseIds[key] = id;
        else sparseIds?.set(key, id);
      }
      counts[id] = (counts[id] as number) + 1;
      pairEdge[pairs++] = id;
    }
  }
  // counting sort of the gaps by edge, then O(n) statistics per edge
  const offsets = new Int32Array(edgeKey.length + 1);
  for (let e = 0; e < edgeKey.length; e++) offsets[e + 1] = (offsets[e] as number) + (counts[e] as number);
  const fill = offsets.slice(0, edgeKey.length);
  const gaps = new Float64Array(pairs);
  let q = 0;
  for (let k = 0; k < cases; k++) {
    const to = caseStart[k + 1] as number;
    for (let p = caseStart[k] as number; p < to - 1; p++) {
      const e = pairEdge[q++] as number;
      const at = fill[e] as number;
      fill[e] = at + 1;
      gaps[at] = ((time[p + 1] as number) - (time[p] as number)) / 1000;
    }
  }
  const edges: DfgEdge[] = edgeKey.map((key, e) => {
    const s = rangeStats(gaps, offsets[e] as number, offsets[e + 1] as number);
    return {
      from: names[Math.floor(key / A)] as string,
      to: names[key % A] as string,
      count: counts[e] as number,
      meanSeconds: s.mean,
      medianSeconds: s.median,
      minSeconds: s.min,
      maxSeconds: s.max,
    };
  });
  edges.sort((x, y) => compareCodePoints(x.from, y.from) || compareCodePoints(x.to, y.to));
  return {
    edges,
    startActivities: countsByName(starts, names),
    endActivities: countsByName(ends, names),
    pairs,
  };
}

export function countsByName(counts: Int32Array, names: readonly string[]): Record<string, number> {
  const entries: [string, number][] = [];
  counts.forEach((c, a) => {
    if (c > 0) entries.push([names[a] as string, c]);
  });
  entries.sort((x, y) => y[1] - x[1] || compareCodePoints(x[0], y[0]));
  return Object.fromEntries(entries);
}

/** Orders strings by Unicode code point (as Python and PM4Py do), not UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const surrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;
      if (surrogate(x) !== surrogate(y)) return surrogate(x) ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}
