import type { CaseIndex } from '../model/case-index';
import { summarise, type Summary } from './stats';

export interface CaseFigures {
  readonly cases: number;
  readonly events: number;
  readonly activities: number;
  /** First and last event time, epoch ms (NaN when empty). */
  readonly start: number;
  readonly end: number;
  readonly eventsPerCase: Summary;
  readonly durationSeconds: Summary;
  /** Per case, for segments. */
  readonly eventsOfCase: Int32Array;
  readonly durationOfCase: Float64Array;
  readonly startOfCase: Float64Array;
}

/** Counts, period covered, events per case and end-to-end time (last event minus first). */
export function computeCaseFigures(index: CaseIndex): CaseFigures {
  const { caseStart, cases, time } = index;
  const eventsOfCase = new Int32Array(cases);
  const durationOfCase = new Float64Array(cases);
  const startOfCase = new Float64Array(cases);
  let start = Infinity;
  let end = -Infinity;
  for (let k = 0; k < cases; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    const t0 = time[from] as number;
    const t1 = time[to - 1] as number;
    eventsOfCase[k] = to - from;
    durationOfCase[k] = (t1 - t0) / 1000;
    startOfCase[k] = t0;
    if (t0 < start) start = t0;
    if (t1 > end) end = t1;
  }
  const seen = new Uint8Array(index.store.activities.size);
  let activities = 0;
  for (let p = 0; p < index.events; p++) {
    const a = index.activity[p] as number;
    if (seen[a] === 0) {
      seen[a] = 1;
      activities++;
    }
  }
  return {
    cases,
    events: index.events,
    activities,
    start: cases ? start : Number.NaN,
    end: cases ? end : Number.NaN,
    eventsPerCase: summarise(eventsOfCase),
    durationSeconds: summarise(durationOfCase),
    eventsOfCase,
    durationOfCase,
    startOfCase,
  };
}
