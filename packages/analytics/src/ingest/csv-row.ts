import type { DimensionName, EventStore } from '../model/event-store';
import { dimensionFields, type MappedField } from './columns';
import type { CsvEncoding } from './csv-dialect';
import type { CsvReader, CsvRecord } from './csv-reader';
import type { RejectionLog } from './import-result';
import type { RejectionProblem } from './rejection-codes';
import { CheckedInterner, valueRejection } from './text-rules';
import { parseTimestampBytes, type TimestampFormat } from './timestamps';

/** Turns one CSV record into an event, or a rejection naming the line, column and problem. */
export class RowImporter {
  rows = 0;
  filtered = 0;
  strayQuotes = 0;
  private readonly ci: number;
  private readonly ai: number;
  private readonly ti: number;
  /** Mapped dimensions: their field, interner and (refreshed when the store grows) column. */
  private readonly dimFields: number[];
  private readonly dimInterners: CheckedInterner[];
  /** Ids of the mapped dimensions of the row being read, checked before the event is added. */
  private readonly dimIds: Int32Array;
  private readonly cases: CheckedInterner;
  private readonly activities: CheckedInterner;
  private readonly dimNames: DimensionName[];
  private dimColumns: Int32Array[] = [];
  private columnsOf: Int32Array | undefined;
  private readonly lifecycleId: number;
  private readonly text = new TextDecoder();

  constructor(
    private readonly store: EventStore,
    private readonly index: Partial<Record<MappedField, number>>,
    private readonly header: readonly string[],
    private readonly format: TimestampFormat,
    private readonly rejections: RejectionLog,
    lifecycle: string | undefined,
    /** The bytes' encoding (UTF-16 arrives transcoded to UTF-8). */
    encoding: CsvEncoding = 'utf-8',
  ) {
    this.ci = index.case as number;
    this.ai = index.activity as number;
    this.ti = index.timestamp as number;
    this.dimNames = dimensionFields.filter((f) => index[f] !== undefined);
    this.dimFields = this.dimNames.map((f) => index[f] as number);
    this.dimInterners = this.dimNames.map((f) => new CheckedInterner(store.dims[f], encoding));
    this.dimIds = new Int32Array(this.dimNames.length);
    this.cases = new CheckedInterner(store.cases, encoding);
    this.activities = new CheckedInterner(store.activities, encoding);
    this.lifecycleId = lifecycle === undefined ? -2 : store.dims.lifecycle.internString(lifecycle);
  }

  take(rec: CsvRecord, reader: CsvReader): void {
    this.rows++;
    if (rec.strayAfterQuote) this.strayQuotes++;
    const width = this.header.length;
    if (rec.count !== width) {
      this.rejections.add(rec.line, {
        code: 'wrong_field_count',
        values: { count: rec.count, expected: width },
        reason: `${rec.count} fields, expected ${width} as in the header`,
      });
      return;
    }
    const s = this.store;
    const ci = this.ci;
    const caseId = internField(rec, reader, ci, this.cases, false);
    if (caseId === EMPTY) return this.reject(rec.line, ci, emptyCase);
    if (caseId < 0) return this.reject(rec.line, ci, valueRejection('case', this.cases.problem));
    const ai = this.ai;
    const activity = internField(rec, reader, ai, this.activities, true);
    if (activity === EMPTY) return this.reject(rec.line, ai, emptyActivity);
    if (activity < 0) return this.reject(rec.line, ai, valueRejection('activity', this.activities.problem));
    const t = reader.field(rec, this.ti);
    const time = parseTimestampBytes(t.bytes, t.start, t.end, this.format);
    if (Number.isNaN(time)) {
      if (t.end === t.start) return this.reject(rec.line, this.ti, emptyTimestamp);
      const value = this.text.decode(t.bytes.subarray(t.start, Math.min(t.end, t.start + 60)));
      return this.reject(rec.line, this.ti, {
        code: 'bad_timestamp',
        values: { value, expected: this.format.order },
        reason: `"${value}" is not a date-time (expected ${exampleFor(this.format)})`,
      });
    }
    if (this.lifecycleId !== -2 && this.index.lifecycle !== undefined) {
      const l = reader.field(rec, this.index.lifecycle);
      const lifecycle = s.dims.lifecycle.intern(l.bytes, l.start, l.end);
      if (lifecycle !== this.lifecycleId) {
        this.filtered++;
        return;
      }
    }
    const dimIds = this.dimIds;
    const dimFields = this.dimFields;
    for (let k = 0; k < dimFields.length; k++) {
      const df = dimFields[k] as number;
      const values = this.dimInterners[k] as CheckedInterner;
      const id = internField(rec, reader, df, values, true);
      if (id === EMPTY) {
        dimIds[k] = -2;
        continue;
      }
      if (id < 0)
        return this.reject(
          rec.line,
          this.dimFields[k] as number,
          valueRejection(this.dimNames[k] as string, values.problem),
        );
      dimIds[k] = id;
    }
    const i = s.add(caseId, activity, time);
    if (this.columnsOf !== s.caseOf) {
      this.columnsOf = s.caseOf;
      this.dimColumns = this.dimNames.map((d) => s.dim[d] as Int32Array);
    }
    for (let k = 0; k < this.dimFields.length; k++)
      if ((dimIds[k] as number) >= 0) (this.dimColumns[k] as Int32Array)[i] = dimIds[k] as number;
    if (s.startTime && this.index.start !== undefined) {
      const f = reader.field(rec, this.index.start);
      s.startTime[i] =
        f.end > f.start ? parseTimestampBytes(f.bytes, f.start, f.end, this.format) : Number.NaN;
    }
    if (s.cost && this.index.cost !== undefined) {
      const f = reader.field(rec, this.index.cost);
      s.cost[i] = parseMoney(this.text.decode(f.bytes.subarray(f.start, f.end)));
    }
  }

  private reject(line: number, col: number, problem: RejectionProblem): void {
    this.rejections.add(line, problem, this.header[col]);
  }
}

/** What `internField` gives for an empty field (a refused value is -1). */
const EMPTY = -2;

/**
 * The id of field f's value, EMPTY when the field is empty, -1 when the interner's rule refuses it. A field
 * without doubled quotes is read where it is (no view object on the hot path); another through `field`.
 */
function internField(
  rec: CsvRecord,
  reader: CsvReader,
  f: number,
  values: CheckedInterner,
  few: boolean,
): number {
  if (rec.escaped[f] === 0) {
    const from = rec.starts[f] as number;
    const to = rec.ends[f] as number;
    return to === from ? EMPTY : values.intern(rec.bytes, from, to, few);
  }
  const v = reader.field(rec, f);
  return v.end === v.start ? EMPTY : values.intern(v.bytes, v.start, v.end, few);
}

export const emptyCase: RejectionProblem = { code: 'empty_case', reason: 'empty case id (expected a value)' };
export const emptyActivity: RejectionProblem = {
  code: 'empty_activity',
  reason: 'empty activity (expected a value)',
};
const emptyTimestamp: RejectionProblem = {
  code: 'empty_timestamp',
  reason: 'empty timestamp (expected a date-time)',
};

function exampleFor(format: TimestampFormat): string {
  return format.order === 'iso'
    ? 'e.g. 2024-03-01T09:30:00Z or 2024-03-01 09:30:00+01:00'
    : format.order === 'dmy'
      ? 'day-first, e.g. 01/03/2024 09:30'
      : 'month-first, e.g. 03/01/2024 09:30';
}

/** "£1,234.50" → 1234.5; empty or unreadable → NaN. */
export function parseMoney(s: string): number {
  const t = s.replace(/[£$€,\s]/g, '');
  return t === '' ? Number.NaN : Number(t);
}
