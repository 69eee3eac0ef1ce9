import type { EventStore } from './event-store';

/**
 * Events grouped into cases and ordered within each case by time, ties in file order
 * (PM4Py's ordering). Building it reorders the store's columns in place into that order, so
 * metrics read every column sequentially and no copy of a column is ever made.
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
  /** The store's activity and time columns (in case order once indexed). */
  readonly activity: Int32Array;
  readonly time: Float64Array;
  /** Cases whose events were not in time order in the file. */
  readonly casesOutOfOrder: number;
}

/**
 * A second thread that gathers the time column into case order while this one gathers the activity and
 * moves the other columns (the analysis's metrics worker, `MetricsInWorker`): on the 10M-event test CSV the
 * time column is the slowest to gather.
 */
export interface TimeGatherer {
  /**
   * Offers the job: write `source[order[p]]` (`source[p]` without an order) into `into[p]` for p < events,
   * all of them SharedArrayBuffer-backed. `caseStart` is final as offered; `activity` only once `ready` is
   * called, and the gathered time too unless `gathered` said 'in order' (then no case is sorted).
   */
  offer(job: TimeGatherJob): void;
  /** Waits for the helper: the time gathered (and whether a case is out of time order), or not taken. */
  gathered(): 'in order' | 'out of order' | 'not taken';
  /** Every column is final (cases out of time order sorted): the helper may read them. */
  ready(): void;
}

export interface TimeGatherJob {
  readonly source: Float64Array;
  readonly order: Int32Array | undefined;
  readonly into: Float64Array;
  readonly activity: Int32Array;
  readonly caseStart: Int32Array;
  readonly cases: number;
  readonly events: number;
}

/**
 * With `shared`, the activity and time columns (and the case starts) end up in SharedArrayBuffers, so a
 * worker thread can read them without a copy (the gather writes into them instead of copying back); with
 * a `timeGatherer` too, that thread gathers the time column while this one moves the others.
 */
export function buildCaseIndex(
  store: EventStore,
  options: {
    readonly shared?: boolean;
    /** Only with `shared`: gathers the time column on another thread. */
    readonly timeGatherer?: TimeGatherer;
  } = {},
): CaseIndex {
  const n = store.size;
  const caseCount = store.cases.size;
  const counts = new Int32Array(caseCount + 1);
  const caseOf = store.caseOf;
  // a log whose cases each come in one run (an XES trace, a CSV grouped by case) is already in case order:
  // case ids are interned in order of first appearance, so the case column never decreases
  let grouped = true;
  for (let i = 0, previous = -1; i < n; i++) {
    const c = caseOf[i] as number;
    counts[c + 1] = (counts[c + 1] as number) + 1;
    if (c < previous) grouped = false;
    previous = c;
  }
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
  const shared = options.shared === true;
  const helper = shared ? options.timeGatherer : undefined;
  // the position each event moves to (none when the log is already grouped: every event stays where it is)
  const order = grouped
    ? undefined
    : helper
      ? new Int32Array(new SharedArrayBuffer(n * 4))
      : new Int32Array(n);
  if (order) {
    const fill = slot;
    for (let i = 0; i < n; i++) {
      const c = caseOf[i] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      order[at] = i;
    }
  }
  if (helper) return withHelper(store, helper, order, caseId, starts);
  // group by case (file order kept): the activity and time columns first
  if (shared) {
    // exactly n long (the store's capacity shrinks to its size; it grows again if events are added)
    store.replaceColumns(gatherInts(store.activityOf, order, n), gatherFloats(store.time, order, n));
  } else if (order) {
    permuteInPlace([store.activityOf], [store.time], order, n);
  }
  const caseStart = startsOf(starts, shared);
  // the cases whose events were not in time order in the file: sorted once every column is in case order
  const outOfOrder = casesOutOfTimeOrder(store.time, caseStart, caseId.length);
  // then the other columns
  moveTheRest(store, order, caseStart, caseId);
  for (const k of outOfOrder) sortCase(store, caseStart[k] as number, caseStart[k + 1] as number);
  return indexOf(store, caseStart, caseId, outOfOrder.length);
}

/** `buildCaseIndex` with the time column gathered by another thread while this one moves the others. */
function withHelper(
  store: EventStore,
  helper: TimeGatherer,
  order: Int32Array | undefined,
  caseId: number[],
  starts: number[],
): CaseIndex {
  const n = store.size;
  const source = store.time;
  const activity = new Int32Array(new SharedArrayBuffer(n * 4));
  const time = new Float64Array(new SharedArrayBuffer(n * 8));
  const caseStart = startsOf(starts, true);
  helper.offer({ source, order, into: time, activity, caseStart, cases: caseId.length, events: n });
  gatherIntsInto(activity, store.activityOf, order, n);
  moveTheRest(store, order, caseStart, caseId);
  const gathered = helper.gathered();
  if (gathered === 'not taken') gatherFloatsInto(time, source, order, n);
  // exactly n long (the store's capacity shrinks to its size; it grows again if events are added)
  store.replaceColumns(activity, time);
  const outOfOrder = gathered === 'in order' ? [] : casesOutOfTimeOrder(time, caseStart, caseId.length);
  for (const k of outOfOrder) sortCase(store, caseStart[k] as number, caseStart[k + 1] as number);
  helper.ready();
  return indexOf(store, caseStart, caseId, outOfOrder.length);
}

function startsOf(starts: number[], shared: boolean): Int32Array {
  const caseStart = shared
    ? new Int32Array(new SharedArrayBuffer(starts.length * 4))
    : new Int32Array(starts.length);
  caseStart.set(starts);
  return caseStart;
}

function indexOf(store: EventStore, caseStart: Int32Array, caseId: number[], outOfOrder: number): CaseIndex {
  return {
    store,
    cases: caseId.length,
    events: store.size,
    caseStart,
    caseId: Int32Array.from(caseId),
    activity: store.activityOf,
    time: store.time,
    casesOutOfOrder: outOfOrder,
  };
}

/** The cases (by number) with an event earlier than the one before it. */
export function casesOutOfTimeOrder(time: Float64Array, caseStart: Int32Array, cases: number): number[] {
  const outOfOrder: number[] = [];
  for (let k = 0; k < cases; k++) {
    const from = caseStart[k] as number;
    const to = caseStart[k + 1] as number;
    for (let p = from + 1; p < to; p++) {
      if ((time[p] as number) < (time[p - 1] as number)) {
        outOfOrder.push(k);
        break;
      }
    }
  }
  return outOfOrder;
}

/** The columns other than activity and time into case order; the case column needs no gather: in case order it is each case's id repeated. */
function moveTheRest(
  store: EventStore,
  order: Int32Array | undefined,
  caseStart: Int32Array,
  caseId: number[],
): void {
  if (!order) return;
  permuteInPlace(
    store.presentDims().map((d) => store.dim[d] as Int32Array),
    [...(store.startTime ? [store.startTime] : []), ...(store.cost ? [store.cost] : [])],
    order,
    store.size,
  );
  const caseOf = store.caseOf;
  for (let k = 0; k < caseId.length; k++) {
    const id = caseId[k] as number;
    for (let p = caseStart[k] as number; p < (caseStart[k + 1] as number); p++) caseOf[p] = id;
  }
}

/**
 * Moves the given columns so that position p holds what was at order[p]: each column is gathered into one
 * scratch array and copied back, so only one column's worth of extra memory is needed at a time
 * (sequential writes; a cycle-following permutation measured slower).
 */
function permuteInPlace(ints: Int32Array[], floats: Float64Array[], order: Int32Array, n: number): void {
  const tmpInt = new Int32Array(ints.length ? n : 0);
  for (const col of ints) {
    for (let p = 0; p < n; p++) tmpInt[p] = col[order[p] as number] as number;
    col.set(tmpInt);
  }
  const tmpFloat = new Float64Array(floats.length ? n : 0);
  for (const col of floats) {
    for (let p = 0; p < n; p++) tmpFloat[p] = col[order[p] as number] as number;
    col.set(tmpFloat);
  }
}

/** A column's first n values in the given order (as they are without one), in a SharedArrayBuffer. */
function gatherInts(col: Int32Array, order: Int32Array | undefined, n: number): Int32Array {
  return gatherIntsInto(new Int32Array(new SharedArrayBuffer(n * 4)), col, order, n);
}

function gatherFloats(col: Float64Array, order: Int32Array | undefined, n: number): Float64Array {
  return gatherFloatsInto(new Float64Array(new SharedArrayBuffer(n * 8)), col, order, n);
}

/** Writes a column's first n values into `out` in the given order (as they are without one). */
function gatherIntsInto(
  out: Int32Array,
  col: Int32Array,
  order: Int32Array | undefined,
  n: number,
): Int32Array {
  if (!order) out.set(col.subarray(0, n));
  else for (let p = 0; p < n; p++) out[p] = col[order[p] as number] as number;
  return out;
}

/** The same for a column of numbers (one function a type, so that each stays monomorphic). */
export function gatherFloatsInto(
  out: Float64Array,
  col: Float64Array,
  order: Int32Array | undefined,
  n: number,
): Float64Array {
  if (!order) out.set(col.subarray(0, n));
  else for (let p = 0; p < n; p++) out[p] = col[order[p] as number] as number;
  return out;
}

/** Sorts one case's events by time, ties in their current (file) order, moving every column. */
function sortCase(store: EventStore, from: number, to: number): void {
  const time = store.time;
  const idx = Array.from({ length: to - from }, (_, i) => i).sort(
    (a, b) => (time[from + a] as number) - (time[from + b] as number) || a - b,
  );
  const cols: (Int32Array | Float64Array)[] = [
    store.caseOf,
    store.activityOf,
    store.time,
    ...store.presentDims().map((d) => store.dim[d] as Int32Array),
    ...(store.startTime ? [store.startTime] : []),
    ...(store.cost ? [store.cost] : []),
  ];
  for (const col of cols) {
    const part = col.slice(from, to);
    for (let i = 0; i < idx.length; i++) col[from + i] = part[idx[i] as number] as number;
  }
}

/** A store column in case order: once the index is built, the store's own column. */
export function inCaseOrder<T extends Int32Array | Float64Array>(_index: CaseIndex, column: T): T {
  return column;
}
