import type { EventStore } from './event-store';

/**
 * Events grouped into cases and ordered within each case by time, ties in file order
 * (PM4Py's ordering). Columns are copied into that order so metrics read them sequentially.
 */
export interface CaseIndex {
  readonly store: EventStore;
  /** Number of cases with at least one event. */
  readonly cases: number;
  readonly events: number;
  /** Case k holds sorted positions caseStart[k] .. caseStart[k+1]-1. */
  readonly caseStart: Int32Array;
  /** The interned case id of case k. */
  readonly caseId: Int32Array;
  /** Event index (in the store) at each sorted position. */
  readonly order: Int32Array;
  readonly activity: Int32Array;
  readonly time: Float64Array;
  /** Cases whose events were not in time order in the file. */
  readonly casesOutOfOrder: number;
}

export function buildCaseIndex(store: EventStore): CaseIndex {
  const n = store.size;
  const caseCount = store.cases.size;
  const counts = new Int32Array(caseCount + 1);
  const caseOf = store.caseOf;
  for (let i = 0; i < n; i++)
    counts[(caseOf[i] as number) + 1] = (counts[(caseOf[i] as number) + 1] as number) + 1;
  // compact away interned cases that ended up with no events (all their rows rejected)
  const caseId: number[] = [];
  const slot = new Int32Array(caseCount);
  let offset = 0;
  const starts: number[] = [];
  for (let c = 0; c < caseCount; c++) {
    const k = counts[c + 1] as number;
    slot[c] = offset;
    if (k > 0) {
      caseId.push(c);
      starts.push(offset);
    }
    offset += k;
  }
  starts.push(offset);
  const order = new Int32Array(n);
  const fill = slot;
  for (let i = 0; i < n; i++) {
    const c = caseOf[i] as number;
    const at = fill[c] as number;
    fill[c] = at + 1;
    order[at] = i;
  }
  const activity = new Int32Array(n);
  const time = new Float64Array(n);
  const storeTime = store.time;
  let outOfOrder = 0;
  const caseStart = Int32Array.from(starts);
  for (let k = 0; k < caseId.length; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    let sorted = true;
    for (let p = from + 1; p < to; p++) {
      if ((storeTime[order[p] as number] as number) < (storeTime[order[p - 1] as number] as number)) {
        sorted = false;
        break;
      }
    }
    if (!sorted) {
      outOfOrder++;
      const part = Array.from(order.subarray(from, to)).sort(
        (a, b) => (storeTime[a] as number) - (storeTime[b] as number) || a - b,
      );
      order.set(part, from);
    }
  }
  const act = store.activityOf;
  for (let p = 0; p < n; p++) {
    const i = order[p] as number;
    activity[p] = act[i] as number;
    time[p] = storeTime[i] as number;
  }
  return {
    store,
    cases: caseId.length,
    events: n,
    caseStart,
    caseId: Int32Array.from(caseId),
    order,
    activity,
    time,
    casesOutOfOrder: outOfOrder,
  };
}

const gathered = new WeakMap<CaseIndex, Map<Int32Array | Float64Array, Int32Array | Float64Array>>();

/**
 * A store column (dimension ids or numbers) copied into case order. Memoised per index, so the
 * metrics that read the same column (channel: contacts, cost, segments) gather it once.
 */
export function inCaseOrder<T extends Int32Array | Float64Array>(index: CaseIndex, column: T): T {
  let cache = gathered.get(index);
  if (!cache) gathered.set(index, (cache = new Map()));
  const hit = cache.get(column);
  if (hit) return hit as T;
  const out = new (column.constructor as { new (n: number): T })(index.events);
  const order = index.order;
  for (let p = 0; p < index.events; p++) out[p] = column[order[p] as number] as number;
  cache.set(column, out);
  return out;
}
