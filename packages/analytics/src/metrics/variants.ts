import type { CaseIndex } from '../model/case-index';
import { compareCodePoints } from './dfg';

export interface Variant {
  readonly activities: readonly string[];
  readonly cases: number;
  /** Share of all cases. */
  readonly coverage: number;
}

export interface Variants {
  readonly count: number;
  readonly top: readonly Variant[];
  /** Variant number of each case (0 = most frequent), for segmenting. */
  readonly variantOfCase: Int32Array;
}

/**
 * Groups cases by their exact activity sequence. Sequences are hashed as integer lists and
 * checked element by element, so no string is built per case. Ranked by cases, ties by
 * sequence in code-point order (PM4Py's reference order).
 */
export function computeVariants(index: CaseIndex, topN = 20): Variants {
  const { activity: act, caseStart, cases } = index;
  const byHash = new Map<number, number[]>();
  const repCase: number[] = [];
  const caseCount: number[] = [];
  const rawOfCase = new Int32Array(cases);
  for (let k = 0; k < cases; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    let h1 = 0x811c9dc5 | 0;
    let h2 = to - from;
    for (let p = from; p < to; p++) {
      const a = act[p] as number;
      h1 = Math.imul(h1 ^ a, 0x01000193);
      h2 = (Math.imul(h2, 31) + a + 1) | 0;
    }
    const key = (h1 >>> 0) * 2097152 + ((h2 >>> 0) & 2097151);
    let bucket = byHash.get(key);
    if (!bucket) byHash.set(key, (bucket = []));
    let id = -1;
    for (const v of bucket) {
      if (sameSequence(act, caseStart, repCase[v] as number, k)) {
        id = v;
        break;
      }
    }
    if (id < 0) {
      id = repCase.length;
      repCase.push(k);
      caseCount.push(0);
      bucket.push(id);
    }
    caseCount[id] = (caseCount[id] as number) + 1;
    rawOfCase[k] = id;
  }
  const names = index.store.activities.values();
  const sequence = (v: number): string[] => {
    const k = repCase[v] as number;
    return Array.from(
      act.subarray(caseStart[k] as number, caseStart[k + 1] as number),
      (a) => names[a] as string,
    );
  };
  const ids = repCase.map((_, v) => v);
  // rank by cases; only the ties that reach the top need their sequences compared
  ids.sort((x, y) => (caseCount[y] as number) - (caseCount[x] as number));
  const cutoff = ids.length > topN ? (caseCount[ids[topN - 1] as number] as number) : 0;
  const head = ids.filter((v) => (caseCount[v] as number) > cutoff);
  const tied = ids.filter((v) => (caseCount[v] as number) === cutoff && cutoff > 0);
  const seqCache = new Map<number, string[]>();
  const seqOf = (v: number): string[] => {
    let s = seqCache.get(v);
    if (!s) seqCache.set(v, (s = sequence(v)));
    return s;
  };
  const bySequence = (x: number, y: number): number => compareSequences(seqOf(x), seqOf(y));
  head.sort((x, y) => (caseCount[y] as number) - (caseCount[x] as number) || bySequence(x, y));
  tied.sort(bySequence);
  const ranked = [...head, ...tied, ...ids.filter((v) => (caseCount[v] as number) < cutoff)];
  const rank = new Int32Array(ranked.length);
  ranked.forEach((v, r) => (rank[v] = r));
  const variantOfCase = rawOfCase.map((v) => rank[v] as number);
  const top = ranked.slice(0, topN).map((v) => ({
    activities: seqOf(v),
    cases: caseCount[v] as number,
    coverage: (caseCount[v] as number) / cases,
  }));
  return { count: ranked.length, top, variantOfCase };
}

function sameSequence(act: Int32Array, caseStart: Int32Array, a: number, b: number): boolean {
  const fa = caseStart[a] as number;
  const fb = caseStart[b] as number;
  const len = (caseStart[a + 1] as number) - fa;
  if ((caseStart[b + 1] as number) - fb !== len) return false;
  for (let i = 0; i < len; i++) if (act[fa + i] !== act[fb + i]) return false;
  return true;
}

/** Python's list ordering with code-point string comparison. */
export function compareSequences(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareCodePoints(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
