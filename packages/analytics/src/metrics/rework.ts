import type { CaseIndex } from '../model/case-index';

export interface Rework {
  /** Events whose activity already happened earlier in the same case. */
  readonly repeatedEvents: number;
  readonly casesWithRework: number;
  readonly shareOfCases: number;
  /** Activities most often repeated, with how many repeats and in how many cases. */
  readonly byActivity: readonly {
    readonly activity: string;
    readonly repeats: number;
    readonly cases: number;
  }[];
  readonly reworkOfCase: Int32Array;
}

/** Rework: repeated activities within a case (a loop back to an earlier step). */
export function computeRework(index: CaseIndex, top = 20): Rework {
  const A = index.store.activities.size;
  const lastCase = new Int32Array(A).fill(-1);
  const countedCase = new Int32Array(A).fill(-1);
  const repeats = new Float64Array(A);
  const cases = new Float64Array(A);
  const reworkOfCase = new Int32Array(index.cases);
  let repeatedEvents = 0;
  let casesWithRework = 0;
  const act = index.activity;
  for (let k = 0; k < index.cases; k++) {
    let n = 0;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      const a = act[p] as number;
      if (lastCase[a] === k) {
        n++;
        repeats[a] = (repeats[a] as number) + 1;
        if (countedCase[a] !== k) {
          countedCase[a] = k;
          cases[a] = (cases[a] as number) + 1;
        }
      } else lastCase[a] = k;
    }
    reworkOfCase[k] = n;
    repeatedEvents += n;
    if (n > 0) casesWithRework++;
  }
  const names = index.store.activities.values();
  const byActivity = names
    .map((activity, a) => ({ activity, repeats: repeats[a] as number, cases: cases[a] as number }))
    .filter((r) => r.repeats > 0)
    .sort((x, y) => y.repeats - x.repeats || (x.activity < y.activity ? -1 : 1))
    .slice(0, top);
  return {
    repeatedEvents,
    casesWithRework,
    shareOfCases: index.cases ? casesWithRework / index.cases : Number.NaN,
    byActivity,
    reworkOfCase,
  };
}
