import { inCaseOrder, type CaseIndex } from '../model/case-index';

/** What one activity looks like across the cases of a log, for turning a log into a map. */
export interface ActivityProfile {
  readonly activity: string;
  /** Cases in which it happens at least once. */
  readonly cases: number;
  readonly occurrences: number;
  /** Median position in its cases, 0 = first event, 1 = last. */
  readonly position: number;
  /** Median wait from the previous event of the case, in days (undefined when always first). */
  readonly waitDays?: number;
  readonly channel?: string;
  readonly org?: string;
}

/** One pass over the cases: per activity, its cases, position, wait before it, and its most common channel and owner. */
export function profileActivities(index: CaseIndex): ActivityProfile[] {
  const store = index.store;
  const A = store.activities.size;
  const names = store.activities.values();
  const positions: number[][] = Array.from({ length: A }, () => []);
  const waits: number[][] = Array.from({ length: A }, () => []);
  const occurrences = new Float64Array(A);
  const cases = new Float64Array(A);
  const lastCase = new Int32Array(A).fill(-1);
  const chan = store.dim.channel ? inCaseOrder(index, store.dim.channel) : undefined;
  const org = store.dim.org ? inCaseOrder(index, store.dim.org) : undefined;
  const chanCount = new Map<number, number>();
  const orgCount = new Map<number, number>();
  const C = store.dims.channel.size + 1;
  const O = store.dims.org.size + 1;
  for (let k = 0; k < index.cases; k++) {
    const from = index.caseStart[k] as number;
    const to = index.caseStart[k + 1] as number;
    for (let p = from; p < to; p++) {
      const a = index.activity[p] as number;
      occurrences[a] = (occurrences[a] as number) + 1;
      if (lastCase[a] !== k) {
        lastCase[a] = k;
        cases[a] = (cases[a] as number) + 1;
        (positions[a] as number[]).push(to - from > 1 ? (p - from) / (to - from - 1) : 0);
      }
      if (p > from)
        (waits[a] as number[]).push(((index.time[p] as number) - (index.time[p - 1] as number)) / 86_400_000);
      const c = chan?.[p] ?? -1;
      if (c >= 0) chanCount.set(a * C + c, (chanCount.get(a * C + c) ?? 0) + 1);
      const o = org?.[p] ?? -1;
      if (o >= 0) orgCount.set(a * O + o, (orgCount.get(a * O + o) ?? 0) + 1);
    }
  }
  const mostCommon = (
    counts: Map<number, number>,
    width: number,
    a: number,
    values: string[],
  ): string | undefined => {
    let best = -1;
    let bestCount = 0;
    for (const [key, n] of counts)
      if (Math.floor(key / width) === a && n > bestCount) [best, bestCount] = [key % width, n];
    return best >= 0 ? values[best] : undefined;
  };
  const chanNames = store.dims.channel.values();
  const orgNames = store.dims.org.values();
  const median = (xs: number[]): number => {
    const s = [...xs].sort((x, y) => x - y);
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
  };
  const out: ActivityProfile[] = [];
  for (let a = 0; a < A; a++) {
    if ((cases[a] as number) === 0) continue;
    const w = waits[a] as number[];
    const channel = mostCommon(chanCount, C, a, chanNames);
    const owner = mostCommon(orgCount, O, a, orgNames);
    out.push({
      activity: names[a] as string,
      cases: cases[a] as number,
      occurrences: occurrences[a] as number,
      position: median(positions[a] as number[]),
      ...(w.length > 0 ? { waitDays: median(w) } : {}),
      ...(channel !== undefined ? { channel } : {}),
      ...(owner !== undefined ? { org: owner } : {}),
    });
  }
  return out;
}
