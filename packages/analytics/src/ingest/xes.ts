import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { EventStore, type DimensionName } from '../model/event-store';
import { dimensionFields, type ColumnMapping, type MappedField } from './columns';
import { parseMoney } from './csv-import';
import { ImportError, RejectionLog, type ImportedLog, type ImportOptions } from './import-result';
import { parseTimestampString, type TimestampFormat } from './timestamps';

/** XES keys used when a field is not mapped: PM4Py's flat names (`case:` = trace attribute). */
export const xesDefaults: Required<
  Pick<
    ColumnMapping,
    'case' | 'activity' | 'timestamp' | 'org' | 'resource' | 'lifecycle' | 'channel' | 'cost' | 'outcome'
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

const attributeTags = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

interface PendingEvent {
  line: number;
  values: (string | undefined)[];
}

/**
 * Streams an IEEE 1849 XES document (already decompressed) into an EventStore. Only attributes
 * that are direct children of a trace or event are read; nested and list attributes are skipped.
 * Global defaults are not applied (PM4Py's rule): an event without an activity or time is rejected.
 * A DOCTYPE is refused, so no entity can be declared or expanded.
 */
export async function importXes(
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions = {},
): Promise<ImportedLog> {
  const m = { ...xesDefaults, ...(options.mapping ?? {}) } as Record<MappedField, string | undefined>;
  const auto = options.autoMap ?? true;
  const explicit = options.mapping ?? {};
  const fields: MappedField[] = [
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
  const active = fields.filter(
    (f) =>
      m[f] !== undefined &&
      (auto || f === 'case' || f === 'activity' || f === 'timestamp' || explicit[f] !== undefined),
  );
  const eventKey = new Map<string, number>();
  const traceKey = new Map<string, number>();
  active.forEach((f, slot) => {
    const name = m[f] as string;
    if (name.startsWith('case:')) traceKey.set(name.slice(5), slot);
    else {
      eventKey.set(name, slot);
      if (!traceKey.has(name) && f !== 'activity' && f !== 'timestamp') traceKey.set(name, slot + 100);
    }
  });
  const slotOf = (f: MappedField): number => active.indexOf(f);
  const dims = dimensionFields.filter((f) => slotOf(f) >= 0) as DimensionName[];
  const store = new EventStore(new TextDecoder(), {
    dims,
    startTime: slotOf('start') >= 0,
    cost: slotOf('cost') >= 0,
  });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const format: TimestampFormat = { order: 'iso', zone: options.zone ?? 'UTC' };
  const lifecycleSlot = slotOf('lifecycle');
  const seen = new Set<MappedField>();
  let rows = 0;
  let filtered = 0;
  let traces = 0;

  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: string[] = [];
  let traceValues: (string | undefined)[] = [];
  let traceLine = 0;
  let pending: PendingEvent[] = [];
  let current: PendingEvent | undefined;
  let failure: Error | undefined;

  parser.on('doctype', () => {
    throw new ImportError(
      'xml_refused',
      `line ${parser.line}: the XES file declares a DOCTYPE; refused (DTDs and entities are not allowed, they can expand without bound or read other files)`,
      parser.line,
    );
  });
  parser.on('processinginstruction', () => undefined);
  parser.on('error', (e) => {
    failure ??= new ImportError(
      'xml_malformed',
      `line ${parser.line}: the XES file is not well-formed XML (${e.message.replace(/^[^:]*:\d+:\d+: /, '')})`,
      parser.line,
    );
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = tag.name;
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (name === 'trace' && parent === 'log') {
      traceValues = [];
      traceLine = parser.line;
      pending = [];
      traces++;
    } else if (name === 'event' && parent === 'trace') {
      current = { line: parser.line, values: [] };
    } else if (attributeTags.has(name) && (parent === 'event' || parent === 'trace')) {
      const key = tag.attributes.key;
      const value = tag.attributes.value;
      if (key === undefined || value === undefined) return;
      if (parent === 'event' && current) {
        const slot = eventKey.get(key);
        if (slot !== undefined) current.values[slot] = value;
      } else if (parent === 'trace' && stack.length === 3) {
        const slot = traceKey.get(key);
        if (slot !== undefined) traceValues[slot] = value;
      }
    }
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    stack.pop();
    if (tag.name === 'event' && current && stack[stack.length - 1] === 'trace') {
      pending.push(current);
      current = undefined;
    } else if (tag.name === 'trace' && stack[stack.length - 1] === 'log') {
      flushTrace();
    }
  });

  const caseSlot = slotOf('case');
  const actSlot = slotOf('activity');
  const tsSlot = slotOf('timestamp');
  const startSlot = slotOf('start');
  const costSlot = slotOf('cost');
  const valueOf = (e: PendingEvent, slot: number): string | undefined => {
    if (slot < 0) return undefined;
    const v = e.values[slot];
    return v !== undefined ? v : traceValues[slot + 100];
  };

  function flushTrace(): void {
    const caseName = traceValues[caseSlot] ?? pending[0]?.values[caseSlot];
    for (const e of pending) {
      rows++;
      if (caseName === undefined || caseName === '') {
        rejections.add(
          e.line,
          `the trace starting on line ${traceLine} has no ${m.case} (expected a case id)`,
          m.case,
        );
        continue;
      }
      const act = e.values[actSlot];
      if (act === undefined) {
        rejections.add(
          e.line,
          `event has no ${m.activity} attribute (expected the activity name)`,
          m.activity,
        );
        continue;
      }
      const ts = e.values[tsSlot];
      const time = ts === undefined ? Number.NaN : parseTimestampString(ts, format);
      if (Number.isNaN(time)) {
        rejections.add(
          e.line,
          ts === undefined
            ? `event has no ${m.timestamp} attribute (expected a date)`
            : `"${ts.slice(0, 60)}" is not an xs:dateTime (expected e.g. 2011-10-11T13:45:40.276+02:00)`,
          m.timestamp,
        );
        continue;
      }
      if (options.lifecycle !== undefined && valueOf(e, lifecycleSlot) !== options.lifecycle) {
        filtered++;
        continue;
      }
      const i = store.add(store.cases.internString(caseName), store.activities.internString(act), time);
      for (const d of dims) {
        const v = valueOf(e, slotOf(d));
        if (v !== undefined && v !== '') {
          (store.dim[d] as Int32Array)[i] = store.dims[d].internString(v);
          seen.add(d);
        }
      }
      if (store.startTime) {
        const v = valueOf(e, startSlot);
        store.startTime[i] = v === undefined ? Number.NaN : parseTimestampString(v, format);
      }
      if (store.cost) {
        const v = valueOf(e, costSlot);
        store.cost[i] = v === undefined ? Number.NaN : parseMoney(v);
        if (v !== undefined) seen.add('cost');
      }
    }
    pending = [];
  }

  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of source) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) throw failure;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw failure ?? e;
  }
  if (failure) throw failure;
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
