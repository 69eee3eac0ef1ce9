import { EventStore, type DimensionName } from '../model/event-store';
import { dimensionFields, type ColumnMapping, type MappedField } from './columns';
import { parseMoney } from './csv-row';
import { ImportError, RejectionLog, type ImportedLog, type ImportOptions } from './import-result';
import { parseTimestampBytes, type TimestampFormat } from './timestamps';
import { XmlError, XmlScanner, type XmlAttributes } from './xml-scanner';

/** XES keys used when a field is not mapped: PM4Py's flat names (`case:` = trace attribute). */
export const xesDefaults: Readonly<
  Record<
    'case' | 'activity' | 'timestamp' | 'org' | 'resource' | 'lifecycle' | 'channel' | 'cost' | 'outcome',
    string
  >
> = {
  case: 'case:concept:name',
  activity: 'concept:name',
  timestamp: 'time:timestamp',
  org: 'org:group',
  resource: 'org:resource',
  lifecycle: 'lifecycle:transition',
  channel: 'channel',
  cost: 'cost:total',
  outcome: 'outcome',
};

const attributeTags = ['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container'];
const fields: readonly MappedField[] = [
  'case',
  'activity',
  'timestamp',
  'start',
  'channel',
  'org',
  'resource',
  'outcome',
  'cost',
  'lifecycle',
];

/** A trace's events, held until the trace closes (its case id may come after them). */
class PendingEvents {
  size = 0;
  line = new Int32Array(64);
  /** Raw byte copies of each mapped value: slot-major offsets into `data`. */
  data = new Uint8Array(4096);
  used = 0;
  starts: Int32Array;
  ends: Int32Array;
  constructor(private readonly slots: number) {
    this.starts = new Int32Array(64 * slots).fill(-1);
    this.ends = new Int32Array(64 * slots);
  }
  begin(line: number): number {
    const e = this.size++;
    if (e === this.line.length) {
      const grow = <T extends Int32Array>(a: T, fill: number): T => {
        const b = new Int32Array(a.length * 2).fill(fill);
        b.set(a);
        return b as T;
      };
      this.line = grow(this.line, 0);
      this.starts = grow(this.starts, -1);
      this.ends = grow(this.ends, 0);
    }
    this.line[e] = line;
    this.starts.fill(-1, e * this.slots, (e + 1) * this.slots);
    return e;
  }
  set(e: number, slot: number, bytes: Uint8Array, start: number, end: number): void {
    const len = end - start;
    while (this.used + len > this.data.length) {
      const b = new Uint8Array(this.data.length * 2);
      b.set(this.data.subarray(0, this.used));
      this.data = b;
    }
    this.data.set(bytes.subarray(start, end), this.used);
    this.starts[e * this.slots + slot] = this.used;
    this.ends[e * this.slots + slot] = this.used + len;
    this.used += len;
  }
  has(e: number, slot: number): boolean {
    return (this.starts[e * this.slots + slot] as number) >= 0;
  }
  clear(): void {
    this.size = 0;
    this.used = 0;
  }
}

/**
 * Streams an IEEE 1849 XES document (already decompressed) into an EventStore with a byte-level
 * scanner (see docs/decisions/0003-analytics-xes-reader.md). Only attributes that are direct
 * children of a trace or event are read; nested and list attributes are skipped. Global defaults
 * are not applied (PM4Py's rule): an event without an activity or time is rejected with its line.
 * A DOCTYPE is refused, so no entity can be declared or expanded.
 */
export async function importXes(
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportedLog> {
  const m: Record<string, string | undefined> = { ...xesDefaults, ...(options.mapping ?? {}) };
  const auto = options.autoMap ?? true;
  const explicit: ColumnMapping = options.mapping ?? {};
  const active = fields.filter(
    (f) =>
      m[f] !== undefined &&
      (auto || f === 'case' || f === 'activity' || f === 'timestamp' || explicit[f] !== undefined),
  );
  const S = active.length;
  const slotOf = (f: MappedField): number => active.indexOf(f);
  const dims = dimensionFields.filter((f) => slotOf(f) >= 0) as DimensionName[];
  const store = new EventStore(new TextDecoder(), {
    dims,
    startTime: slotOf('start') >= 0,
    cost: slotOf('cost') >= 0,
  });
  const scanner: XmlScanner = new XmlScanner({
    open: (tag, attrs) => onOpen(tag, attrs),
    close: (tag) => onClose(tag),
  });
  const names = scanner.names;
  const tagLog = names.internString('log');
  const tagTrace = names.internString('trace');
  const tagEvent = names.internString('event');
  const isAttr = new Set(attributeTags.map((t) => names.internString(t)));
  const keyName = names.internString('key');
  const valueName = names.internString('value');
  // attribute key (interned in the scanner's names) → slot, for events and for traces
  const eventSlot = new Map<number, number>();
  const traceSlot = new Map<number, number>();
  active.forEach((f, slot) => {
    const name = m[f] as string;
    if (name.startsWith('case:')) traceSlot.set(names.internString(name.slice(5)), slot);
    else {
      eventSlot.set(names.internString(name), slot);
      // events inherit trace attributes of the same key (a channel recorded once per case)
      if (f !== 'activity' && f !== 'timestamp' && !traceSlot.has(names.internString(name)))
        traceSlot.set(names.internString(name), slot);
    }
  });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const format: TimestampFormat = { order: 'iso', zone: options.zone ?? 'UTC' };
  const pending = new PendingEvents(S);
  const trace = new PendingEvents(S);
  const seen = new Set<MappedField>();
  const stack: number[] = [];
  let inEvent = -1;
  let traceLine = 0;
  let rows = 0;
  let filtered = 0;
  let traces = 0;

  function attrValueIndex(attrs: XmlAttributes, name: number): number {
    for (let i = 0; i < attrs.count; i++) if (attrs.nameId[i] === name) return i;
    return -1;
  }

  function onOpen(tag: number, attrs: XmlAttributes): void {
    const parent = stack.length ? (stack[stack.length - 1] as number) : -1;
    stack.push(tag);
    if (tag === tagTrace && parent === tagLog) {
      traces++;
      traceLine = scanner.line;
      trace.clear();
      trace.begin(traceLine);
      pending.clear();
    } else if (tag === tagEvent && parent === tagTrace) {
      inEvent = pending.begin(scanner.line);
    } else if ((parent === tagEvent || parent === tagTrace) && isAttr.has(tag)) {
      const k = attrValueIndex(attrs, keyName);
      const v = attrValueIndex(attrs, valueName);
      if (k < 0 || v < 0) return;
      const key = scanner.nameId(attrs.bytes, attrs.valueStart[k] as number, attrs.valueEnd[k] as number);
      if (key < 0) return;
      const slot = parent === tagEvent ? eventSlot.get(key) : traceSlot.get(key);
      if (slot === undefined) return;
      const val = scanner.value(attrs, v);
      if (parent === tagEvent && inEvent >= 0) pending.set(inEvent, slot, val.bytes, val.start, val.end);
      else if (parent === tagTrace) trace.set(0, slot, val.bytes, val.start, val.end);
    }
  }

  function onClose(tag: number): void {
    stack.pop();
    if (tag === tagEvent && stack[stack.length - 1] === tagTrace) inEvent = -1;
    else if (tag === tagTrace && stack[stack.length - 1] === tagLog) flushTrace();
  }

  const caseSlot = slotOf('case');
  const actSlot = slotOf('activity');
  const tsSlot = slotOf('timestamp');
  const lifecycleSlot = slotOf('lifecycle');
  const wantLifecycle =
    options.lifecycle === undefined ? undefined : new TextEncoder().encode(options.lifecycle);
  const caseIsEvent = !(m.case as string).startsWith('case:');

  /** Where an event's value for a slot lives: its own attribute, else the trace's. */
  function where(e: number, slot: number): { src: PendingEvents; i: number } | undefined {
    if (slot < 0) return undefined;
    if (pending.has(e, slot)) return { src: pending, i: e * S + slot };
    if (trace.has(0, slot)) return { src: trace, i: slot };
    return undefined;
  }

  function flushTrace(): void {
    const traceCase = trace.has(0, caseSlot)
      ? store.cases.intern(trace.data, trace.starts[caseSlot] as number, trace.ends[caseSlot] as number)
      : -1;
    for (let e = 0; e < pending.size; e++) {
      rows++;
      const line = pending.line[e] as number;
      let caseId = traceCase;
      if (caseIsEvent) {
        const w = where(e, caseSlot);
        caseId = w
          ? store.cases.intern(w.src.data, w.src.starts[w.i] as number, w.src.ends[w.i] as number)
          : -1;
      }
      if (caseId < 0 || store.cases.value(caseId) === '') {
        rejections.add(
          line,
          `the trace starting on line ${traceLine} has no ${m.case} (expected a case id)`,
          m.case,
        );
        continue;
      }
      if (!pending.has(e, actSlot)) {
        rejections.add(line, `event has no ${m.activity} attribute (expected the activity name)`, m.activity);
        continue;
      }
      const ti = e * S + tsSlot;
      const time = pending.has(e, tsSlot)
        ? parseTimestampBytes(pending.data, pending.starts[ti] as number, pending.ends[ti] as number, format)
        : Number.NaN;
      if (Number.isNaN(time)) {
        const text = pending.has(e, tsSlot)
          ? new TextDecoder().decode(
              pending.data.subarray(
                pending.starts[ti] as number,
                Math.min(pending.ends[ti] as number, (pending.starts[ti] as number) + 60),
              ),
            )
          : undefined;
        rejections.add(
          line,
          text === undefined
            ? `event has no ${m.timestamp} attribute (expected a date)`
            : `"${text}" is not an xs:dateTime (expected e.g. 2011-10-11T13:45:40.276+02:00)`,
          m.timestamp,
        );
        continue;
      }
      if (wantLifecycle) {
        const w = where(e, lifecycleSlot);
        if (
          !w ||
          !sameBytes(w.src.data, w.src.starts[w.i] as number, w.src.ends[w.i] as number, wantLifecycle)
        ) {
          filtered++;
          continue;
        }
      }
      const ai = e * S + actSlot;
      const i = store.add(
        caseId,
        store.activities.intern(pending.data, pending.starts[ai] as number, pending.ends[ai] as number),
        time,
      );
      for (const d of dims) {
        const w = where(e, slotOf(d));
        if (w && (w.src.ends[w.i] as number) > (w.src.starts[w.i] as number)) {
          (store.dim[d] as Int32Array)[i] = store.dims[d].intern(
            w.src.data,
            w.src.starts[w.i] as number,
            w.src.ends[w.i] as number,
          );
          seen.add(d);
        }
      }
      if (store.startTime) {
        const w = where(e, slotOf('start'));
        store.startTime[i] = w
          ? parseTimestampBytes(w.src.data, w.src.starts[w.i] as number, w.src.ends[w.i] as number, format)
          : Number.NaN;
      }
      if (store.cost) {
        const w = where(e, slotOf('cost'));
        store.cost[i] = w
          ? parseMoney(
              new TextDecoder().decode(
                w.src.data.subarray(w.src.starts[w.i] as number, w.src.ends[w.i] as number),
              ),
            )
          : Number.NaN;
        if (w) seen.add('cost');
      }
    }
    pending.clear();
  }

  try {
    for await (const chunk of source) scanner.push(chunk);
    scanner.finish();
  } catch (e) {
    if (e instanceof XmlError)
      throw new ImportError(
        e.code,
        e.code === 'xml_refused'
          ? `${e.message.replace(/^line (\d+): the file/, 'line $1: the XES file')}`
          : `${e.message.replace(/^(line \d+): /, '$1: the XES file is not well-formed XML: ')}`,
        e.line,
      );
    throw e;
  }
  if (traces === 0)
    throw new ImportError(
      'xml_malformed',
      'the XES file has no <trace> inside <log> (expected an IEEE 1849 event log)',
    );
  const mapping: Record<string, string> = {};
  for (const f of active)
    if (f === 'case' || f === 'activity' || f === 'timestamp' || seen.has(f)) mapping[f] = m[f] as string;
  return {
    store,
    report: {
      format: 'xes',
      mapping: mapping as ColumnMapping,
      rows,
      rejectedRows: rejections.count,
      rejections: rejections.listed,
      filteredRows: filtered,
      warnings: [],
      encoding: 'utf-8',
      dateOrder: 'iso',
    },
  };
}

function sameBytes(a: Uint8Array, start: number, end: number, b: Uint8Array): boolean {
  if (end - start !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (a[start + i] !== b[i]) return false;
  return true;
}
