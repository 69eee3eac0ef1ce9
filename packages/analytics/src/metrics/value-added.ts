import { inCaseOrder, type CaseIndex } from '../model/case-index';

export type ValueClass = 'value-added' | 'necessary' | 'waste';

export interface ValueAdded {
  /** Share of classified events that are value-added. */
  readonly byCount: number;
  /** Value-added processing time / total lead time (process cycle efficiency), when events have start times. */
  readonly byTime?: number;
  readonly events: Readonly<Record<ValueClass | 'unclassified', number>>;
  /** Above 25 % is called lean; about 5 % is common (domain.md §6). */
  readonly lean: boolean;
}

/** Value-added ratio from a classification of activities (from the citizen's point of view). */
export function computeValueAdded(
  index: CaseIndex,
  classes: Readonly<Record<string, ValueClass>>,
): ValueAdded | undefined {
  if (Object.keys(classes).length === 0) return undefined;
  const cls = index.store.activities.values().map((n) => classes[n]);
  const events = { 'value-added': 0, necessary: 0, waste: 0, unclassified: 0 };
  const start = index.store.startTime ? inCaseOrder(index, index.store.startTime) : undefined;
  let vaTime = 0;
  let lead = 0;
  for (let k = 0; k < index.cases; k++) {
    const from = index.caseStart[k] as number;
    const to = index.caseStart[k + 1] as number;
    let first = index.time[from] as number;
    for (let p = from; p < to; p++) {
      const c = cls[index.activity[p] as number];
      events[c ?? 'unclassified']++;
      if (start) {
        const s = start[p] as number;
        if (!Number.isNaN(s)) {
          if (s < first) first = s;
          if (c === 'value-added') vaTime += (index.time[p] as number) - s;
        }
      }
    }
    lead += (index.time[to - 1] as number) - first;
  }
  const classified = events['value-added'] + events.necessary + events.waste;
  const byCount = classified ? events['value-added'] / classified : Number.NaN;
  const byTime = start && lead > 0 ? vaTime / lead : undefined;
  return { byCount, ...(byTime === undefined ? {} : { byTime }), events, lean: (byTime ?? byCount) > 0.25 };
}
