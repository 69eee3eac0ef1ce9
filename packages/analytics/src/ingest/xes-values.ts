import { parseMoney } from './csv-row';
import { LimitExceeded } from './limits';
import type { CheckedInterner, ValueProblem } from './text-rules';
import { parseTimestampBytes, type TimestampFormat } from './timestamps';

/** How a mapped attribute's value is kept: an interned id, a time, or an amount. */
export type SlotKind =
  /** `few`: a column with few distinct values (activities, channels, teams), interned through a cache. */
  | { readonly kind: 'id'; readonly interner: CheckedInterner; readonly few: boolean }
  | { readonly kind: 'time' }
  | { readonly kind: 'amount' };

/**
 * The mapped values of a trace's events, turned into ids and numbers as they are read (no copy
 * of the bytes), held until the trace closes because its case id may come after its events.
 */
export class PendingValues {
  size = 0;
  line = new Int32Array(64);
  ids: Int32Array;
  nums: Float64Array;
  has: Uint8Array;
  /** Text of values that did not parse, for the rejection message. */
  readonly bad = new Map<number, string>();
  /** Why values were refused by the text rule (a control character...), by the same index as `ids`. */
  readonly refused = new Map<number, ValueProblem>();

  /** The slots' kinds as plain arrays, read once an attribute: the interner of an id slot, and flags. */
  private readonly slots: number;
  private readonly interners: readonly (CheckedInterner | undefined)[];
  private readonly few: Uint8Array;
  private readonly isTime: Uint8Array;

  constructor(
    private readonly kinds: readonly SlotKind[],
    private readonly format: TimestampFormat,
    /** Most events held at once (a trace with more is refused with `LimitExceeded`). */
    private readonly maxSize = Number.POSITIVE_INFINITY,
    private readonly limitVariable = 'WAYMARK_MAX_EVENTS',
  ) {
    this.slots = kinds.length;
    this.interners = kinds.map((k) => (k.kind === 'id' ? k.interner : undefined));
    this.few = Uint8Array.from(kinds, (k) => (k.kind === 'id' && k.few ? 1 : 0));
    this.isTime = Uint8Array.from(kinds, (k) => (k.kind === 'time' ? 1 : 0));
    this.ids = new Int32Array(64 * kinds.length);
    this.nums = new Float64Array(64 * kinds.length);
    this.has = new Uint8Array(64 * kinds.length);
  }

  begin(line: number): number {
    if (this.size >= this.maxSize)
      throw new LimitExceeded('events', 'events in one trace', this.maxSize, this.limitVariable);
    const e = this.size++;
    const S = this.kinds.length;
    if (e === this.line.length) {
      const n = this.line.length * 2;
      const line2 = new Int32Array(n);
      line2.set(this.line);
      this.line = line2;
      const ids = new Int32Array(n * S);
      ids.set(this.ids);
      this.ids = ids;
      const nums = new Float64Array(n * S);
      nums.set(this.nums);
      this.nums = nums;
      const has = new Uint8Array(n * S);
      has.set(this.has);
      this.has = has;
    }
    this.line[e] = line;
    // a loop, not has.fill: for a handful of slots the call costs more than the stores
    const has = this.has;
    for (let at = e * S, end = at + S; at < end; at++) has[at] = 0;
    return e;
  }

  set(e: number, slot: number, bytes: Uint8Array, start: number, end: number): void {
    const at = e * this.slots + slot;
    this.has[at] = 1;
    const interner = this.interners[slot];
    if (interner !== undefined) {
      const id = interner.intern(bytes, start, end, this.few[slot] === 1);
      this.ids[at] = id;
      if (id < 0) this.refused.set(at, interner.problem);
      else if (this.refused.size > 0) this.refused.delete(at);
    } else {
      const v =
        this.isTime[slot] === 1
          ? parseTimestampBytes(bytes, start, end, this.format)
          : parseMoney(new TextDecoder().decode(bytes.subarray(start, end)));
      this.nums[at] = v;
      if (Number.isNaN(v))
        this.bad.set(at, new TextDecoder().decode(bytes.subarray(start, Math.min(end, start + 60))));
    }
  }

  clear(): void {
    this.size = 0;
    if (this.bad.size > 0) this.bad.clear();
    if (this.refused.size > 0) this.refused.clear();
  }
}
