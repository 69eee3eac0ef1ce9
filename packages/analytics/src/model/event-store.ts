import { ByteInterner } from './byte-interner';
import { LimitExceeded } from '../ingest/limits';
import type { BytesDecoder } from '../ingest/text-decoder';

/** The optional per-event dimensions an import can map. */
export const dimensionNames = ['channel', 'org', 'resource', 'outcome', 'lifecycle'] as const;
export type DimensionName = (typeof dimensionNames)[number];

/**
 * An event log held as columns: ids are interned integers, times are epoch milliseconds.
 * About 30 bytes an event, whatever the width of the source file; the raw file is never kept.
 */
export class EventStore {
  readonly cases: ByteInterner;
  readonly activities: ByteInterner;
  readonly dims: Record<DimensionName, ByteInterner>;
  size = 0;
  private room: number;
  caseOf: Int32Array;
  activityOf: Int32Array;
  time: Float64Array;
  /** Start time when the log has intervals (start and end columns); NaN otherwise. */
  startTime: Float64Array | undefined;
  cost: Float64Array | undefined;
  dim: Record<DimensionName, Int32Array | undefined>;
  private readonly sharedTime: boolean;
  /** Most events; one more is refused with `LimitExceeded` (the columns never grow past it). */
  readonly maxEvents: number;

  constructor(
    decoder: BytesDecoder = new TextDecoder('utf-8'),
    options: {
      readonly dims?: readonly DimensionName[];
      readonly startTime?: boolean;
      readonly cost?: boolean;
      readonly capacity?: number;
      /**
       * The time column in a SharedArrayBuffer (and again whenever it grows), so that a worker thread can
       * read it where it is: the analysis gathers it into case order on the second core (`buildCaseIndex`).
       */
      readonly sharedTime?: boolean;
      /** Limits (none by default): most events, most distinct activities, most distinct values a dimension. */
      readonly maxEvents?: number;
      readonly maxActivities?: number;
      readonly maxValues?: number;
    } = {},
  ) {
    this.maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const cap = Math.max(1, Math.min(options.capacity ?? 1024, this.maxEvents));
    this.room = cap;
    this.cases = new ByteInterner(decoder);
    this.activities = new ByteInterner(decoder);
    this.dims = {
      channel: new ByteInterner(decoder),
      org: new ByteInterner(decoder),
      resource: new ByteInterner(decoder),
      outcome: new ByteInterner(decoder),
      lifecycle: new ByteInterner(decoder),
    };
    this.caseOf = new Int32Array(cap);
    this.activityOf = new Int32Array(cap);
    this.sharedTime = options.sharedTime === true;
    this.time = floats(cap, this.sharedTime);
    this.startTime = options.startTime ? new Float64Array(cap) : undefined;
    this.cost = options.cost ? new Float64Array(cap) : undefined;
    const want = new Set(options.dims ?? []);
    this.dim = {
      channel: undefined,
      org: undefined,
      resource: undefined,
      outcome: undefined,
      lifecycle: undefined,
    };
    for (const d of dimensionNames) if (want.has(d)) this.dim[d] = new Int32Array(cap).fill(-1);
    if (options.maxActivities !== undefined) {
      this.activities.maxSize = options.maxActivities;
      this.activities.limitLabel = 'distinct activities';
    }
    if (options.maxValues !== undefined)
      for (const d of dimensionNames) {
        this.dims[d].maxSize = options.maxValues;
        this.dims[d].limitLabel = `distinct values of ${d === 'org' ? 'team' : d}`;
      }
  }

  /** Events that fit without growing (every column is at least this long). */
  get capacity(): number {
    return this.room;
  }

  /**
   * Replaces the activity and time columns by others holding the same events (in another order, or
   * in SharedArrayBuffers), which may be shorter than the other columns: the capacity shrinks to match.
   */
  replaceColumns(activityOf: Int32Array, time: Float64Array): void {
    this.activityOf = activityOf;
    this.time = time;
    this.room = Math.min(this.room, activityOf.length, time.length);
  }

  /** Appends an event and returns its index; optional columns default to absent (-1 / NaN). */
  add(caseId: number, activity: number, time: number): number {
    const i = this.size;
    if (i >= this.room) this.grow();
    this.caseOf[i] = caseId;
    this.activityOf[i] = activity;
    this.time[i] = time;
    if (this.startTime) this.startTime[i] = Number.NaN;
    if (this.cost) this.cost[i] = Number.NaN;
    this.size = i + 1;
    return i;
  }

  /** Grows the columns so `extra` more events fit without further copies (one copy, to that length). */
  reserve(extra: number): void {
    if (this.size + extra > this.maxEvents) throw new LimitExceeded('events', 'events', this.maxEvents);
    if (this.size + extra > this.room) this.grow(this.size + extra);
  }

  /** Names of the dimensions this store carries. */
  presentDims(): DimensionName[] {
    return dimensionNames.filter((d) => this.dim[d] !== undefined);
  }

  private grow(atLeast = 0): void {
    const n = Math.min(Math.max(1024, this.room * 2, atLeast), this.maxEvents);
    if (n <= this.room) throw new LimitExceeded('events', 'events', this.maxEvents);
    this.room = n;
    const size = this.size;
    this.caseOf = growInt(this.caseOf, n, size, 0);
    this.activityOf = growInt(this.activityOf, n, size, 0);
    this.time = growFloat(this.time, n, size, this.sharedTime);
    if (this.startTime) this.startTime = growFloat(this.startTime, n, size);
    if (this.cost) this.cost = growFloat(this.cost, n, size);
    for (const d of dimensionNames) {
      const col = this.dim[d];
      if (col) this.dim[d] = growInt(col, n, size, -1);
    }
  }
}

/** A column of n entries holding the first `size` of a (the rest `fill`). */
function growInt(a: Int32Array, n: number, size: number, fill: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a.subarray(0, size));
  if (fill !== 0) b.fill(fill, size);
  return b;
}

function growFloat(a: Float64Array, n: number, size: number, shared = false): Float64Array {
  const b = floats(n, shared);
  b.set(a.subarray(0, size));
  return b;
}

function floats(n: number, shared: boolean): Float64Array {
  return shared ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n);
}
