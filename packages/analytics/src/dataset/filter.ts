import { buildCaseIndex, type CaseIndex } from '../model/case-index';
import { EventStore, type DimensionName } from '../model/event-store';
import { computeVariants } from '../metrics/variants';

/**
 * Which cases to keep. Cases are kept or dropped whole, so every figure still describes complete
 * journeys; the labels are the ones the segments use (metrics/segments.ts): the channel and the team
 * of a case are those of its first event that has one, "(none)" when none has.
 */
export interface CaseFilter {
  /** Cases that started on or after this day (YYYY-MM-DD, UTC). */
  readonly from?: string;
  /** Cases that started on or before this day (YYYY-MM-DD, UTC). */
  readonly to?: string;
  readonly channel?: string;
  readonly org?: string;
  /** The variant by rank: 1 = the most frequent sequence of activities. */
  readonly variant?: number;
}

export const isEmptyFilter = (f: CaseFilter): boolean =>
  f.from === undefined &&
  f.to === undefined &&
  f.channel === undefined &&
  f.org === undefined &&
  f.variant === undefined;

const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The label of each case on a dimension: the first value it has, or `none`. */
function firstLabel(index: CaseIndex, d: DimensionName, none: number): Int32Array {
  const col = index.store.dim[d];
  const out = new Int32Array(index.cases).fill(none);
  if (!col) return out;
  for (let k = 0; k < index.cases; k++) {
    for (let p = index.caseStart[k] as number; p < (index.caseStart[k + 1] as number); p++) {
      const v = col[p] as number;
      if (v >= 0) {
        out[k] = v;
        break;
      }
    }
  }
  return out;
}

/** The wanted label's id: -1 for "(none)", -2 when the value never occurs (nothing matches). */
function wanted(store: EventStore, d: DimensionName, value: string): number {
  if (value === '(none)') return -1;
  const id = store.dim[d] ? store.dims[d].findString(value) : -1;
  return id >= 0 ? id : -2;
}

/**
 * A new store holding only the events of the cases that pass the filter (the input is indexed,
 * which reorders it in place). Values no kept event uses are left out of the new store's tables.
 */
export function filterCases(store: EventStore, filter: CaseFilter): EventStore {
  const index = buildCaseIndex(store);
  const keep = new Uint8Array(index.cases).fill(1);
  const from = filter.from === undefined ? -Infinity : dayMs(filter.from);
  const to = filter.to === undefined ? Infinity : dayMs(filter.to) + 86_400_000;
  for (let k = 0; k < index.cases; k++) {
    const start = index.time[index.caseStart[k] as number] as number;
    if (!(start >= from && start < to)) keep[k] = 0;
  }
  for (const d of ['channel', 'org'] as const) {
    const value = filter[d];
    if (value === undefined) continue;
    const id = wanted(store, d, value);
    const labels = firstLabel(index, d, -1);
    for (let k = 0; k < index.cases; k++) if (labels[k] !== id) keep[k] = 0;
  }
  if (filter.variant !== undefined) {
    const rank = computeVariants(index, Math.max(20, filter.variant)).variantOfCase;
    for (let k = 0; k < index.cases; k++) if (rank[k] !== filter.variant - 1) keep[k] = 0;
  }
  return copyCases(index, keep);
}

function copyCases(index: CaseIndex, keep: Uint8Array): EventStore {
  const src = index.store;
  const dims = src.presentDims();
  let size = 0;
  for (let k = 0; k < index.cases; k++)
    if (keep[k]) size += (index.caseStart[k + 1] as number) - (index.caseStart[k] as number);
  const out = new EventStore(undefined, {
    dims,
    startTime: src.startTime !== undefined,
    cost: src.cost !== undefined,
    capacity: Math.max(1, size),
  });
  const remap = (from: EventStore['cases'], to: EventStore['cases']) => {
    const map = new Int32Array(from.size).fill(-1);
    return (id: number): number => {
      if (id < 0) return -1;
      let m = map[id] as number;
      if (m < 0) map[id] = m = to.internString(from.value(id));
      return m;
    };
  };
  const caseOf = remap(src.cases, out.cases);
  const activityOf = remap(src.activities, out.activities);
  const dimOf = Object.fromEntries(dims.map((d) => [d, remap(src.dims[d], out.dims[d])])) as Record<
    DimensionName,
    (id: number) => number
  >;
  for (let k = 0; k < index.cases; k++) {
    if (!keep[k]) continue;
    for (let p = index.caseStart[k] as number; p < (index.caseStart[k + 1] as number); p++) {
      const i = out.add(
        caseOf(src.caseOf[p] as number),
        activityOf(src.activityOf[p] as number),
        src.time[p] as number,
      );
      if (out.startTime && src.startTime) out.startTime[i] = src.startTime[p] as number;
      if (out.cost && src.cost) out.cost[i] = src.cost[p] as number;
      for (const d of dims) (out.dim[d] as Int32Array)[i] = dimOf[d]((src.dim[d] as Int32Array)[p] as number);
    }
  }
  return out;
}
