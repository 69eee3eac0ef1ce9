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
  /** Rank of each case's variant: 0 = most frequent; ranks past the top list are in order of first appearance. */
  readonly variantOfCase: Int32Array;
}

/**
 * Groups cases by their exact activity sequence. Sequences are hashed as integer lists and
 * checked element by element, so no string is built per case. Ranked by cases, ties by
 * sequence in code-point order (PM4Py's reference order).
 */
export function computeVariants(index: CaseIndex, topN = 20): Variants {
  const { activity: act, caseStart, cases } = index;
  // open addressing on the sequence hash: slot → variant id, variant → representative case
  let cap = 1024;
  while (cap < cases * 2) cap *= 2;
  const mask = cap - 1;
  const table = new Int32Array(cap).fill(-1);
  const repCase = new Int32Array(Math.max(1, cases));
  const hashOf = new Int32Array(Math.max(1, cases));
  const caseCount = new Int32Array(Math.max(1, cases));
  let variants = 0;
  const rawOfCase = new Int32Array(cases);
  for (let k = 0; k < cases; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    let h = (0x811c9dc5 ^ (to - from)) | 0;
    for (let p = from; p < to; p++) {
      h = Math.imul(h ^ (act[p] as number), 0x01000193);
      h ^= h >>> 13;
    }
    let slot = h & mask;
    let id = -1;
    for (;;) {
      const v = table[slot] as number;
      if (v < 0) break;
      if (hashOf[v] === h && sameSequence(act, caseStart, repCase[v] as number, k)) {
        id = v;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = variants++;
      table[slot] = id;
      repCase[id] = k;
      hashOf[id] = h;
    }
    caseCount[id] = (caseCount[id] as number) + 1;
    rawOfCase[k] = id;
  }
  const names = index.store.activities.values();
  const seqCache = new Map<number, string[]>();
  const seqOf = (v: number): string[] => {
    let s = seqCache.get(v);
    if (!s) {
      const k = repCase[v] as number;
      s = Array.from(
        act.subarray(caseStart[k] as number, caseStart[k + 1] as number),
        (a) => names[a] as string,
      );
      seqCache.set(v, s);
    }
    return s;
  };
  // the count of the topN-th variant, from a histogram of counts (no sort of every variant)
  const byCount = new Int32Array(cases + 1);
  for (let v = 0; v < variants; v++)
    byCount[caseCount[v] as number] = (byCount[caseCount[v] as number] as number) + 1;
  let cutoff = 0;
  for (let c = cases, seen = 0; c > 0; c--) {
    seen += byCount[c] as number;
    if (seen >= topN) {
      cutoff = c;
      break;
    }
  }
  const ranked: number[] = [];
  for (let v = 0; v < variants; v++) if ((caseCount[v] as number) >= cutoff) ranked.push(v);
  ranked.sort(
    (x, y) => (caseCount[y] as number) - (caseCount[x] as number) || compareSequences(seqOf(x), seqOf(y)),
  );
  // ranks: the ranked variants first, the rest after them in order of first appearance
  const rank = new Int32Array(variants).fill(-1);
  ranked.forEach((v, r) => (rank[v] = r));
  let next = ranked.length;
  for (let v = 0; v < variants; v++) if ((rank[v] as number) < 0) rank[v] = next++;
  const variantOfCase = rawOfCase.map((v) => rank[v] as number);
  const top = ranked.slice(0, topN).map((v) => ({
    activities: seqOf(v),
    cases: caseCount[v] as number,
    coverage: (caseCount[v] as number) / cases,
  }));
  return { count: variants, top, variantOfCase };
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
