import { EventStore, type DimensionName } from '../model/event-store';
import { dimensionFields, resolveColumns, type ColumnMapping, type MappedField } from './columns';
import { sniffDialect, type CsvEncoding } from './csv-dialect';
import { CsvError, CsvReader, type CsvRecord } from './csv-reader';
import { decoderFor, type BytesDecoder } from './text-decoder';
import { ImportError, RejectionLog, type ImportedLog, type ImportOptions } from './import-result';
import { detectDateOrder, parseTimestampBytes, type TimestampFormat } from './timestamps';

const SNIFF_BYTES = 256 * 1024;

/** Reads a CSV event log from a stream of byte chunks into an EventStore. */
export async function importCsv(
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions & { readonly delimiter?: string; readonly encoding?: CsvEncoding } = {},
): Promise<ImportedLog> {
  const it = source[Symbol.asyncIterator]();
  const head = await readHead(it);
  if (head.length === 0)
    throw new ImportError('empty_file', 'the file is empty (expected a header row and events)');
  const sniffed = sniffDialect(head.subarray(0, 64 * 1024));
  const encoding = options.encoding ?? sniffed.encoding;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const chunks = utf16
    ? transcodeUtf16(head, it, encoding)
    : rest(head.subarray(encoding === sniffed.encoding ? sniffed.bom : 0), it);
  const firstBytes = utf16
    ? new TextEncoder().encode(new TextDecoder(encoding).decode(head)).subarray(0, SNIFF_BYTES)
    : head.subarray(sniffed.bom);
  const delimiter = options.delimiter !== undefined ? options.delimiter.charCodeAt(0) : sniffed.delimiter;
  const dialect = { delimiter, quote: sniffed.quote };
  const decoder = decoderFor(utf16 ? 'utf-8' : encoding);

  const sample = sampleRecords(firstBytes, dialect, decoder);
  const header = sample[0];
  if (!header) throw new ImportError('empty_file', 'no header row found (expected column names on line 1)');
  const { index, missing } = resolveColumns(header, options.mapping ?? {}, options.autoMap ?? true);
  if (missing.length > 0) {
    const m = missing[0] as { field: MappedField; column: string };
    throw new ImportError(
      'missing_column',
      `no column named "${m.column}" for ${m.field} (the header on line 1 has: ${header.map((h) => JSON.stringify(h)).join(', ')})`,
      1,
    );
  }
  for (const field of ['case', 'activity', 'timestamp'] as const) {
    if (index[field] === undefined) {
      throw new ImportError(
        'missing_column',
        `no ${field} column found on line 1 (expected one named like ${JSON.stringify(field === 'case' ? 'case:concept:name' : field === 'activity' ? 'concept:name' : 'time:timestamp')} or chosen with --${field}; the header has: ${header.map((h) => JSON.stringify(h)).join(', ')})`,
        1,
      );
    }
  }
  const tsCol = index.timestamp as number;
  const detected = detectDateOrder(sample.slice(1, 500).map((r) => r[tsCol] ?? ''));
  const format: TimestampFormat = { order: options.dateOrder ?? detected.order, zone: options.zone ?? 'UTC' };
  const warnings: string[] = [];
  if (!options.dateOrder && detected.ambiguous && detected.order !== 'iso')
    warnings.push(
      `dates in column "${header[tsCol]}" could be day-first or month-first; read as day-first (UK). Pass --date-format mdy if they are month-first`,
    );

  const dims = dimensionFields.filter((f) => index[f] !== undefined) as DimensionName[];
  const sampleLines = countLines(firstBytes);
  const capacity =
    options.sizeHint && sampleLines > 1
      ? Math.ceil((options.sizeHint / (firstBytes.length / sampleLines)) * 1.05) + 16
      : undefined;
  const store = new EventStore(decoder, {
    dims,
    startTime: index.start !== undefined,
    cost: index.cost !== undefined,
    ...(capacity ? { capacity } : {}),
  });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const mapping: Record<string, string> = {};
  for (const [f, i] of Object.entries(index)) mapping[f] = header[i as number] as string;
  const row = new RowImporter(store, index, header, format, rejections, options.lifecycle);
  let first = true;
  const reader: CsvReader = new CsvReader(dialect, (rec) => {
    if (first) first = false;
    else row.take(rec, reader);
  });
  try {
    for await (const chunk of chunks) reader.push(chunk);
    reader.finish();
  } catch (e) {
    if (e instanceof CsvError) throw new ImportError(e.code, e.message, e.line);
    throw e;
  }
  if (row.rows === 0) warnings.push('the file has a header but no events');
  if (row.strayQuotes > 0)
    warnings.push(`${row.strayQuotes} rows had characters after a closing quote (kept as part of the field)`);
  return {
    store,
    report: {
      format: 'csv',
      mapping: mapping as ColumnMapping,
      rows: row.rows,
      rejectedRows: rejections.count,
      rejections: rejections.listed,
      filteredRows: row.filtered,
      warnings,
      encoding,
      delimiter: String.fromCharCode(delimiter),
      dateOrder: format.order,
    },
  };
}

/** Turns one CSV record into an event, or a rejection naming the line, column and problem. */
class RowImporter {
  rows = 0;
  filtered = 0;
  strayQuotes = 0;
  private readonly ci: number;
  private readonly ai: number;
  private readonly ti: number;
  private readonly dimCols: [DimensionName, number][];
  private readonly lifecycleId: number;
  private readonly text = new TextDecoder();

  constructor(
    private readonly store: EventStore,
    private readonly index: Partial<Record<MappedField, number>>,
    private readonly header: readonly string[],
    private readonly format: TimestampFormat,
    private readonly rejections: RejectionLog,
    lifecycle: string | undefined,
  ) {
    this.ci = index.case as number;
    this.ai = index.activity as number;
    this.ti = index.timestamp as number;
    this.dimCols = dimensionFields.filter((f) => index[f] !== undefined).map((f) => [f, index[f] as number]);
    this.lifecycleId = lifecycle === undefined ? -2 : store.dims.lifecycle.internString(lifecycle);
  }

  take(rec: CsvRecord, reader: CsvReader): void {
    this.rows++;
    if (rec.strayAfterQuote) this.strayQuotes++;
    const width = this.header.length;
    if (rec.count !== width) {
      this.rejections.add(rec.line, `${rec.count} fields, expected ${width} as in the header`);
      return;
    }
    const s = this.store;
    const c = reader.field(rec, this.ci);
    if (c.end === c.start) return this.reject(rec.line, this.ci, 'empty case id (expected a value)');
    const caseId = s.cases.intern(c.bytes, c.start, c.end);
    const a = reader.field(rec, this.ai);
    if (a.end === a.start) return this.reject(rec.line, this.ai, 'empty activity (expected a value)');
    const activity = s.activities.intern(a.bytes, a.start, a.end);
    const t = reader.field(rec, this.ti);
    const time = parseTimestampBytes(t.bytes, t.start, t.end, this.format);
    if (Number.isNaN(time))
      return this.reject(
        rec.line,
        this.ti,
        t.end === t.start
          ? 'empty timestamp (expected a date-time)'
          : `"${this.text.decode(t.bytes.subarray(t.start, Math.min(t.end, t.start + 60)))}" is not a date-time (expected ${exampleFor(this.format)})`,
      );
    if (this.lifecycleId !== -2 && this.index.lifecycle !== undefined) {
      const l = reader.field(rec, this.index.lifecycle);
      const lifecycle = s.dims.lifecycle.intern(l.bytes, l.start, l.end);
      if (lifecycle !== this.lifecycleId) {
        this.filtered++;
        return;
      }
    }
    const i = s.add(caseId, activity, time);
    for (const [d, col] of this.dimCols) {
      const f = reader.field(rec, col);
      if (f.end > f.start) (s.dim[d] as Int32Array)[i] = s.dims[d].intern(f.bytes, f.start, f.end);
    }
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

  private reject(line: number, col: number, reason: string): void {
    this.rejections.add(line, reason, this.header[col]);
  }
}

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

async function readHead(it: AsyncIterator<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  while (n < SNIFF_BYTES) {
    const r = await it.next();
    if (r.done) break;
    parts.push(r.value);
    n += r.value.length;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function* rest(head: Uint8Array, it: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  yield head;
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    yield r.value;
  }
}

async function* transcodeUtf16(
  head: Uint8Array,
  it: AsyncIterator<Uint8Array>,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<Uint8Array> {
  const dec = new TextDecoder(encoding);
  const enc = new TextEncoder();
  yield enc.encode(dec.decode(head, { stream: true }));
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    yield enc.encode(dec.decode(r.value, { stream: true }));
  }
  yield enc.encode(dec.decode());
}

/** Header and first records of the sample, as strings, for mapping and date-order detection. */
function sampleRecords(
  bytes: Uint8Array,
  dialect: { delimiter: number; quote: number },
  decoder: BytesDecoder,
): string[][] {
  const out: string[][] = [];
  const reader: CsvReader = new CsvReader(dialect, (rec) => {
    if (out.length >= 500) return;
    const row: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      row.push(decoder.decode(v.bytes.subarray(v.start, v.end)));
    }
    out.push(row);
  });
  try {
    reader.push(bytes);
  } catch {
    // an unclosed quote in the sample is reported by the full read
  }
  return out;
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
