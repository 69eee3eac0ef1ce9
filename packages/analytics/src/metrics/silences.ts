import type { CaseIndex } from '../model/case-index';
import { summarise, type Summary } from './stats';

export interface Silences {
  readonly thresholdSeconds: number;
  /** Longest gap between consecutive events, per case. */
  readonly longestGapSeconds: Summary;
  readonly casesOverThreshold: number;
  readonly shareOverThreshold: number;
  /** The cases with the longest silences (case ids pseudonymised), longest first. */
  readonly longest: readonly {
    readonly case: string;
    readonly gapSeconds: number;
    readonly after: string;
    readonly before: string;
  }[];
}

/**
 * Silences: the longest time in each case with nothing happening, and how many cases go quiet
 * for longer than the threshold (a common pain point: the citizen hears nothing).
 */
export function computeSilences(
  index: CaseIndex,
  thresholdSeconds: number,
  pseudonym: (caseName: string) => string,
  top = 10,
): Silences {
  const { time, caseStart, cases } = index;
  const gaps = new Float64Array(cases);
  const at = new Int32Array(cases);
  let over = 0;
  for (let k = 0; k < cases; k++) {
    let best = 0;
    let where = -1;
    const to = caseStart[k + 1] as number;
    for (let p = (caseStart[k] as number) + 1; p < to; p++) {
      const g = ((time[p] as number) - (time[p - 1] as number)) / 1000;
      if (g > best) {
        best = g;
        where = p;
      }
    }
    gaps[k] = best;
    at[k] = where;
    if (best > thresholdSeconds) over++;
  }
  const ranked = topK(gaps, at, top);
  const names = index.store.activities.values();
  const longest = ranked.map((k) => {
    const p = at[k] as number;
    return {
      case: pseudonym(index.store.cases.value(index.caseId[k] as number)),
      gapSeconds: gaps[k] as number,
      after: names[index.activity[p - 1] as number] as string,
      before: names[index.activity[p] as number] as string,
    };
  });
  return {
    thresholdSeconds,
    longestGapSeconds: summarise(gaps),
    casesOverThreshold: over,
    shareOverThreshold: cases ? over / cases : Number.NaN,
    longest,
  };
}

/** Indices of the k largest gaps (ties: earlier case first), without sorting every case. */
function topK(gaps: Float64Array, at: Int32Array, k: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < gaps.length; c++) {
    if ((at[c] as number) < 0) continue;
    const g = gaps[c] as number;
    if (out.length === k && g <= (gaps[out[k - 1] as number] as number)) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && (gaps[out[i - 1] as number] as number) < g) {
      out[i] = out[i - 1] as number;
      i--;
    }
    out[i] = c;
  }
  return out;
}
