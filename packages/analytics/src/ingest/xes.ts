import { positionOfByte } from '@waymark/core/text';
import { EventStore, type DimensionName } from '../model/event-store';
import { StreamingStore } from '../stream/streaming-figures';
import { dimensionFields, type ColumnMapping, type MappedField } from './columns';
import {
  ImportError,
  limitReached,
  RejectionLog,
  type ImportedLog,
  type ImportOptions,
} from './import-result';
import { defaultImportLimits, LimitExceeded, storeLimits } from './limits';
import type { TimestampFormat } from './timestamps';
import { decoderFor } from './text-decoder';
import type { RejectionProblem } from './rejection-codes';
import { notUtf8Error, CheckedInterner, Utf8Stream, valueRejection } from './text-rules';
import { PendingValues, type SlotKind } from './xes-values';
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

/** The fields an XES import reads, in the order of its report's mapping, and the attribute key of each (`m`). */
export function xesFields(options: ImportOptions): {
  m: Record<string, string | undefined>;
  active: MappedField[];
} {
  const m: Record<string, string | undefined> = { ...xesDefaults, ...(options.mapping ?? {}) };
  const auto = options.autoMap ?? true;
  const explicit: ColumnMapping = options.mapping ?? {};
  const active = fields.filter(
    (f) =>
      m[f] !== undefined &&
      (auto ||
        f === 'case' ||
        f === 'activity' ||
        f === 'timestamp' ||
        explicit[f] !== undefined ||
        (f === 'lifecycle' && options.lifecycle !== undefined)),
  );
  return { m, active };
}

/**
 * One of the two parts of an XES log read on two threads (see xes-split.ts): the head, from the start of the
 * log to the end of a trace, or the tail, from there to the end.
 */
export interface XesSplit {
  readonly part: 'head' | 'tail';
  /** Head: asked at its end; true when the log ended before a split was found (the head is the whole log). */
  readonly whole?: () => boolean;
  /** Tail: its first line, the characters before it on that line, and its offset in the file. */
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/** The head did not end between two traces of the log (a "</trace>" inside a comment, say): it is read again whole. */
export class SplitNotBetweenTraces extends Error {}

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
  split?: XesSplit,
): Promise<ImportedLog> {
  const { m, active } = xesFields(options);
  const S = active.length;
  const slotOf = (f: MappedField): number => active.indexOf(f);
  const dims = dimensionFields.filter((f) => slotOf(f) >= 0) as DimensionName[];
  const limits = storeLimits(options.limits);
  const storeOptions = { dims, startTime: slotOf('start') >= 0, cost: slotOf('cost') >= 0, ...limits };
  const store = options.streaming
    ? new StreamingStore(decoderFor('utf-8'), storeOptions)
    : new EventStore(decoderFor('utf-8'), { ...storeOptions, sharedTime: true });
  const scanner: XmlScanner = new XmlScanner({
    open: (tag, attrs) => onOpen(tag, attrs),
    close: (tag) => onClose(tag),
    keyValue: (tag, key, bytes, vs, ve) => onKeyValue(tag, key, bytes, vs, ve),
  });
  const names = scanner.names;
  const tagLog = names.internString('log');
  const tagTrace = names.internString('trace');
  const tagEvent = names.internString('event');
  const tail = split?.part === 'tail';
  if (tail) scanner.resumeInside('log', split.line ?? 1);
  // tag and key ids → what they are, in arrays indexed by the id (names interned later are never mapped)
  const isAttr = new Uint8Array(names.size + attributeTags.length);
  for (const t of attributeTags) isAttr[names.internString(t)] = 1;
  const keyName = names.internString('key');
  const valueName = names.internString('value');
  // attribute key (interned in the scanner's names) → slot, for events and for traces
  const eventSlotOf = new Map<number, number>();
  const traceSlotOf = new Map<number, number>();
  active.forEach((f, slot) => {
    const name = m[f] as string;
    if (name.startsWith('case:')) traceSlotOf.set(names.internString(name.slice(5)), slot);
    else {
      eventSlotOf.set(names.internString(name), slot);
      // events inherit trace attributes of the same key (a channel recorded once per case)
      if (f !== 'activity' && f !== 'timestamp' && !traceSlotOf.has(names.internString(name)))
        traceSlotOf.set(names.internString(name), slot);
    }
  });
  const slotArray = (of: Map<number, number>): Int32Array => {
    const a = new Int32Array(names.size).fill(-1);
    for (const [key, slot] of of) a[key] = slot;
    return a;
  };
  const eventSlot = slotArray(eventSlotOf);
  const traceSlot = slotArray(traceSlotOf);
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const format: TimestampFormat = { order: 'iso', zone: options.zone ?? 'UTC' };
  const kinds: SlotKind[] = active.map((f) =>
    f === 'case'
      ? { kind: 'id', interner: new CheckedInterner(store.cases), few: false }
      : f === 'activity'
        ? { kind: 'id', interner: new CheckedInterner(store.activities), few: true }
        : f === 'timestamp' || f === 'start'
          ? { kind: 'time' }
          : f === 'cost'
            ? { kind: 'amount' }
            : { kind: 'id', interner: new CheckedInterner(store.dims[f as DimensionName]), few: true },
  );
  // a trace's events wait here until it closes: no more of them than the log may hold
  const perCase = options.limits?.maxCaseEvents ?? defaultImportLimits.maxCaseEvents;
  const pending =
    perCase < limits.maxEvents
      ? new PendingValues(kinds, format, perCase, 'WAYMARK_MAX_CASE_EVENTS')
      : new PendingValues(kinds, format, limits.maxEvents);
  const trace = new PendingValues(kinds, format);
  const stack: number[] = tail ? [tagLog] : [];
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
    } else if ((parent === tagEvent || parent === tagTrace) && isAttr[tag] === 1) {
      const k = attrValueIndex(attrs, keyName);
      const v = attrValueIndex(attrs, valueName);
      if (k < 0 || v < 0) return;
      const key = scanner.nameId(attrs.bytes, attrs.valueStart[k] as number, attrs.valueEnd[k] as number);
      if (key < 0) return;
      const slots = parent === tagEvent ? eventSlot : traceSlot;
      const slot = key < slots.length ? (slots[key] as number) : -1;
      if (slot < 0) return;
      const val = scanner.value(attrs, v);
      if (parent === tagEvent && inEvent >= 0) pending.set(inEvent, slot, val.bytes, val.start, val.end);
      else if (parent === tagTrace) trace.set(0, slot, val.bytes, val.start, val.end);
    }
  }

  /**
   * `<string key="…" value="…"/>` (any attribute tag) straight into its slot: what onOpen and onClose do for it,
   * without the attribute list. Anything else (a trace or event written that way) goes through them.
   */
  function onKeyValue(tag: number, key: number, bytes: Uint8Array, vs: number, ve: number): boolean {
    if (isAttr[tag] !== 1) return false;
    const parent = stack.length ? (stack[stack.length - 1] as number) : -1;
    if (parent === tagEvent) {
      if (inEvent < 0) return true;
      const slot = key < eventSlot.length ? (eventSlot[key] as number) : -1;
      if (slot >= 0) pending.set(inEvent, slot, bytes, vs, ve);
    } else if (parent === tagTrace) {
      const slot = key < traceSlot.length ? (traceSlot[key] as number) : -1;
      if (slot >= 0) trace.set(0, slot, bytes, vs, ve);
    }
    return true;
  }

  function onClose(tag: number): void {
    stack.pop();
    if (tag === tagEvent && stack[stack.length - 1] === tagTrace) inEvent = -1;
    else if (tag === tagTrace && stack[stack.length - 1] === tagLog) flushTrace();
  }

  const caseSlot = slotOf('case');
  const startSlot = slotOf('start');
  const costSlot = slotOf('cost');
  let costSeen = false;
  const actSlot = slotOf('activity');
  const tsSlot = slotOf('timestamp');
  const lifecycleSlot = slotOf('lifecycle');
  const wantLifecycle =
    options.lifecycle === undefined ? -2 : store.dims.lifecycle.internString(options.lifecycle);
  const caseIsEvent = !(m.case as string).startsWith('case:');
  const none = new Uint8Array(0);
  const emptyOf = (interner: { find(b: Uint8Array, start: number, end: number): number }): number =>
    interner.find(none, 0, 0);

  /** Where an event's value for a slot lives: its own attribute (e), else the trace's (-1); -2 if neither. */
  function where(e: number, slot: number): number {
    if (slot < 0) return -2;
    if (pending.has[e * S + slot] === 1) return e * S + slot;
    if (trace.has[slot] === 1) return -1 - slot;
    return -2;
  }
  const idAt = (w: number): number => (w >= 0 ? (pending.ids[w] as number) : (trace.ids[-1 - w] as number));
  const numAt = (w: number): number =>
    w >= 0 ? (pending.nums[w] as number) : (trace.nums[-1 - w] as number);

  /** The first value of event e (or of its trace, where the event takes it from there) that the text rule refused. */
  function refusal(e: number): { problem: RejectionProblem; key: string } | undefined {
    if (pending.refused.size === 0 && trace.refused.size === 0) return undefined;
    for (let slot = 0; slot < S; slot++) {
      const w = where(e, slot);
      const why = w >= 0 ? pending.refused.get(w) : w === -2 ? undefined : trace.refused.get(-1 - w);
      if (why !== undefined) {
        const field = active[slot] as MappedField;
        return { problem: valueRejection(field, why), key: m[field] as string };
      }
    }
    return undefined;
  }

  function flushTrace(): void {
    const emptyCase = emptyOf(store.cases);
    refreshEmpty();
    const traceCase = trace.has[caseSlot] === 1 ? (trace.ids[caseSlot] as number) : -1;
    for (let e = 0; e < pending.size; e++) {
      rows++;
      const line = pending.line[e] as number;
      let caseId = traceCase;
      if (caseIsEvent) {
        const w = where(e, caseSlot);
        caseId = w === -2 ? -1 : idAt(w);
      }
      const refused = refusal(e);
      if (refused) {
        rejections.add(line, refused.problem, refused.key);
        continue;
      }
      if (caseId < 0 || caseId === emptyCase) {
        rejections.add(
          line,
          {
            code: 'trace_without_case',
            values: { traceLine, attribute: m.case as string },
            reason: `the trace starting on line ${traceLine} has no ${m.case} (expected a case id)`,
          },
          m.case,
        );
        continue;
      }
      if (pending.has[e * S + actSlot] !== 1) {
        rejections.add(
          line,
          {
            code: 'event_without_activity',
            values: { attribute: m.activity as string },
            reason: `event has no ${m.activity} attribute (expected the activity name)`,
          },
          m.activity,
        );
        continue;
      }
      const ti = e * S + tsSlot;
      const time = pending.has[ti] === 1 ? (pending.nums[ti] as number) : Number.NaN;
      if (Number.isNaN(time)) {
        const text = pending.has[ti] === 1 ? (pending.bad.get(ti) ?? '') : undefined;
        rejections.add(
          line,
          text === undefined
            ? {
                code: 'event_without_timestamp',
                values: { attribute: m.timestamp as string },
                reason: `event has no ${m.timestamp} attribute (expected a date)`,
              }
            : {
                code: 'bad_timestamp',
                values: { value: text, expected: 'xes' },
                reason: `"${text}" is not an xs:dateTime (expected e.g. 2011-10-11T13:45:40.276+02:00)`,
              },
          m.timestamp,
        );
        continue;
      }
      if (wantLifecycle !== -2) {
        const w = where(e, lifecycleSlot);
        if (w === -2 || idAt(w) !== wantLifecycle) {
          filtered++;
          continue;
        }
      }
      const i = store.add(caseId, pending.ids[e * S + actSlot] as number, time);
      for (let k = 0; k < dims.length; k++) {
        const d = dims[k] as DimensionName;
        const w = where(e, dimSlots[k] as number);
        if (w === -2) continue;
        const id = idAt(w);
        if (id !== (dimEmpty[k] ?? -1)) {
          (store.dim[d] as Int32Array)[i] = id;
          dimSeen[k] = 1;
        }
      }
      if (store.startTime) {
        const w = where(e, startSlot);
        store.startTime[i] = w === -2 ? Number.NaN : numAt(w);
      }
      if (store.cost) {
        const w = where(e, costSlot);
        store.cost[i] = w === -2 ? Number.NaN : numAt(w);
        if (w !== -2) costSeen = true;
      }
    }
    pending.clear();
  }
  const dimSlots = dims.map((d) => slotOf(d));
  const dimEmpty: number[] = dims.map(() => -1);
  // which dimensions (and whether the cost) had a value in any event: only those are reported as mapped
  const dimSeen = new Uint8Array(dims.length);
  const refreshEmpty = (): void => {
    dims.forEach((d, k) => (dimEmpty[k] = emptyOf(store.dims[d])));
  };

  try {
    // the text must be UTF-8 (decision 0011): checked as it streams past, the line counted for the message
    let columns = split?.column ?? 0; // characters of the current line in the chunks before
    // the chunk before this one and where it began: a character cut by a chunk's end is refused from the
    // next chunk, at a negative offset, and its bad byte is named from here
    let prev: Uint8Array = new Uint8Array(0);
    let prevLines = split?.line ?? 1;
    let prevColumns = columns;
    const utf8 = new Utf8Stream((chunk, at, offset) => {
      // the chunk is checked before the scanner sees it, so the scanner's count of line breaks so far
      // (kept for its own messages) is where the chunk starts: the lines are not counted a second time
      let lines = scanner.lineAfterPushed;
      let before = columns;
      let bytes = chunk;
      let i = at;
      if (at < 0 && prev.length + at >= 0) {
        bytes = prev;
        i = prev.length + at;
        lines = prevLines;
        before = prevColumns;
      }
      const { line, column } = positionOfByte(bytes, Math.max(0, i), lines);
      const col = line === lines ? column + before : column;
      throw notUtf8Error(i >= 0 ? (bytes[i] as number) : 0, line, col, offset + (split?.offset ?? 0));
    });
    // The columns are sized once from the expected size (sizeHint: a plain file's, or a gzip trailer's) and
    // the bytes per event of the first megabyte, rather than doubled from 1,024 (each doubling copies every
    // column; ~0.2 s on a 560k-event log). Only a hint: a wrong one costs memory or a later doubling, and
    // never changes what is read.
    const sizeHint = options.streaming ? 0 : (options.sizeHint ?? 0);
    let toReserve = sizeHint > 0;
    let seenBytes = 0;
    for await (const chunk of source) {
      utf8.check(chunk);
      prev = chunk;
      prevLines = scanner.lineAfterPushed;
      prevColumns = columns;
      columns = columnAfter(chunk, columns);
      scanner.push(chunk);
      if (toReserve) {
        seenBytes += chunk.length;
        if (seenBytes >= reserveAfterBytes && store.size > 0) {
          toReserve = false;
          reserveFor(store, sizeHint, seenBytes);
        }
      }
    }
    if (split?.part === 'head' && split.whole?.() !== true) {
      // the head ends after a "</trace>", so at the end of a character, unless the file could not be read on
      if (!scanner.endsInside('log')) throw new SplitNotBetweenTraces();
    } else {
      utf8.finish();
      scanner.finish();
    }
  } catch (e) {
    if (e instanceof XmlError)
      throw new ImportError(
        e.code,
        e.code === 'xml_refused'
          ? `${e.message.replace(/^line (\d+): the file/, 'line $1: the XES file')}`
          : `${e.message.replace(/^(line \d+): /, '$1: the XES file is not well-formed XML: ')}`,
        e.line,
        e.code === 'xml_refused'
          ? { line: e.line, feature: e.feature ?? 'doctype' }
          : { reason: 'notXml', line: e.line },
      );
    if (e instanceof LimitExceeded) throw limitReached(e, scanner.line);
    throw e;
  }
  // a part of a split log is checked for traces as a whole (the head ends with one)
  if (traces === 0 && (split === undefined || split.whole?.() === true))
    throw new ImportError(
      'xml_malformed',
      'the XES file has no <trace> inside <log> (expected an IEEE 1849 event log)',
      undefined,
      { reason: 'noTrace' },
    );
  const mapping: Record<string, string> = {};
  for (const f of active)
    if (
      f === 'case' ||
      f === 'activity' ||
      f === 'timestamp' ||
      (f === 'cost' ? costSeen : dimSeen[dims.indexOf(f as DimensionName)] === 1)
    )
      mapping[f] = m[f] as string;
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
      warningCodes: [],
      encoding: 'utf-8',
      dateOrder: 'iso',
    },
  };
}

/**
 * The characters on the last line of `bytes`, given `columns` on it before them: where the next bytes start
 * on their line, for a message naming a column.
 */
export function columnAfter(bytes: Uint8Array, columns: number): number {
  const last = bytes.lastIndexOf(10);
  let n = last >= 0 ? 0 : columns;
  for (let i = last + 1; i < bytes.length; i++) if (((bytes[i] as number) & 0xc0) !== 0x80) n++;
  return n;
}

/** Bytes read before their bytes per event are taken as the whole log's (past its header and first traces). */
const reserveAfterBytes = 1024 * 1024;

/**
 * Makes room, in one copy, for the events `sizeHint` bytes are expected to hold at the bytes per event seen so
 * far (5 % more: the open trace's events are not in the store yet), within the store's event limit.
 */
function reserveFor(store: EventStore, sizeHint: number, seenBytes: number): void {
  const expected = Math.ceil(((sizeHint * store.size) / seenBytes) * 1.05) + 16;
  const extra = Math.min(expected, store.maxEvents) - store.size;
  if (store.size + extra > store.capacity) store.reserve(extra);
}
