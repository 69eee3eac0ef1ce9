import { firstInvalidUtf8, positionOfByte } from '@waymark/core/text';
import { open } from 'node:fs/promises';
import { columnSynonyms, resolveColumns, type ColumnMapping, type MappedField } from '../ingest/columns';
import { sniffDialect } from '../ingest/csv-dialect';
import { checkEncoding, checkHeader, headerOrWhyNot } from '../ingest/csv-header';
import { CsvReader } from '../ingest/csv-reader';
import { ImportError } from '../ingest/import-result';
import { detectFormat, readFileChunks, type LogFormat } from '../ingest/read-source';
import { decoderFor } from '../ingest/text-decoder';
import { refuseNotUtf8 as refuseNotUtf8InRow, strictStrings } from '../ingest/parquet';
import { notUtf8Error } from '../ingest/text-rules';
import { xesDefaults } from '../ingest/xes';

/** What the mapping step shows before anything is imported: the columns, the first rows, a suggested mapping. */
export interface LogPreview {
  readonly format: LogFormat;
  readonly gzip: boolean;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly columns: readonly string[];
  /** The first rows, as text, one cell per column. */
  readonly rows: readonly (readonly string[])[];
  readonly suggested: ColumnMapping;
}

const SAMPLE_BYTES = 256 * 1024;
const PREVIEW_ROWS = 10;

/** The first bytes of the file's text; a gzip file is decompressed only that far, whatever it expands to. */
async function head(path: string, gzip: boolean): Promise<Uint8Array> {
  if (!gzip) {
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(SAMPLE_BYTES);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }
  const parts: Uint8Array[] = [];
  let n = 0;
  try {
    for await (const chunk of readFileChunks(path, true)) {
      parts.push(chunk.subarray(0, SAMPLE_BYTES - n));
      n += Math.min(chunk.length, SAMPLE_BYTES - n);
      if (n >= SAMPLE_BYTES) break;
    }
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    // a file shorter than the sample but cut off: show what there is (the import reports the truncation)
    if (!(e.code === 'corrupt_gzip' && /truncated/.test(e.message) && n > 0))
      throw new ImportError(e.code, e.message.replace(`${path}: `, '')); // the server's path is not the user's
  }
  return Buffer.concat(parts, n);
}

const fields = Object.keys(columnSynonyms) as MappedField[];

/** The columns a header maps to by the usual names (nothing is chosen that the file lacks). */
function suggest(columns: readonly string[]): ColumnMapping {
  const { index } = resolveColumns(columns, {}, true);
  const out: Record<string, string> = {};
  for (const f of fields)
    if (index[f] !== undefined && f !== 'lifecycle') out[f] = columns[index[f]] as string;
  return out;
}

function previewCsv(bytes: Uint8Array): Omit<LogPreview, 'format' | 'gzip'> {
  if (bytes.length === 0)
    throw new ImportError('empty_file', 'the file is empty (expected a header row and events)');
  const sniffed = sniffDialect(bytes.subarray(0, 64 * 1024));
  // the same verdicts as the import (decision 0011): the encoding, then the header
  checkEncoding(bytes, sniffed, undefined);
  if (sniffed.encoding === 'utf-8') refuseNotUtf8(bytes, sniffed.bom);
  const decoder = decoderFor(sniffed.encoding);
  const text = sniffed.encoding.startsWith('utf-16')
    ? new TextEncoder().encode(decoder.decode(bytes.subarray(sniffed.bom)))
    : bytes.subarray(sniffed.bom);
  const rowDecoder = decoderFor(sniffed.encoding.startsWith('utf-16') ? 'utf-8' : sniffed.encoding);
  const rows: string[][] = [];
  const reader: CsvReader = new CsvReader({ delimiter: sniffed.delimiter, quote: sniffed.quote }, (rec) => {
    if (rows.length > PREVIEW_ROWS) return;
    const row: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      row.push(rowDecoder.decode(v.bytes.subarray(v.start, v.end)));
    }
    rows.push(row);
  });
  let error: unknown;
  try {
    reader.push(text);
  } catch (e) {
    // a long or unclosed record after the header is reported, with its line, by the import itself
    error = e;
  }
  const header = headerOrWhyNot(rows.shift(), error, text.length, SAMPLE_BYTES);
  checkHeader(header);
  return {
    encoding: sniffed.encoding,
    delimiter: String.fromCharCode(sniffed.delimiter),
    columns: header,
    rows,
    suggested: suggest(header),
  };
}

/** The sample's first byte that is not UTF-8, refused as the import would (a character cut at its end is not). */
function refuseNotUtf8(bytes: Uint8Array, from: number): void {
  const bad = firstInvalidUtf8(bytes, from, bytes.length, false);
  if (bad < 0) return;
  const { line, column } = positionOfByte(bytes, bad);
  throw notUtf8Error(bytes[bad] as number, line, column, bad);
}

/** XES: the attribute keys of the first events (trace attributes as `case:key`) and their values. */
function previewXes(bytes: Uint8Array): Omit<LogPreview, 'format' | 'gzip'> {
  refuseNotUtf8(bytes, 0);
  const text = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(text))
    throw new ImportError(
      'xml_refused',
      'the XES file declares a DOCTYPE; entities are refused (expected plain XES)',
    );
  const keys: string[] = [];
  const rows: Record<string, string>[] = [];
  const attr = /<(?:string|date|int|float|boolean|id)\s+key="([^"]*)"\s+value="([^"]*)"/g;
  const traces = text.split(/<trace\b/).slice(1);
  for (const trace of traces) {
    const [traceHead = '', ...events] = trace.split(/<event\b/);
    const caseAttrs: Record<string, string> = {};
    for (const m of traceHead.matchAll(attr)) caseAttrs[`case:${m[1]}`] = m[2] as string;
    for (const ev of events) {
      const row: Record<string, string> = { ...caseAttrs };
      for (const m of (ev.split('</event>')[0] ?? '').matchAll(attr)) row[m[1] as string] = m[2] as string;
      for (const k of Object.keys(row)) if (!keys.includes(k)) keys.push(k);
      rows.push(row);
      if (rows.length >= PREVIEW_ROWS) break;
    }
    if (rows.length >= PREVIEW_ROWS) break;
  }
  if (keys.length === 0)
    throw new ImportError(
      'xml_malformed',
      'no <trace> with <event> attributes found at the start of the XES file',
    );
  const suggested: Record<string, string> = {};
  for (const [f, key] of Object.entries(xesDefaults))
    if (keys.includes(key) && f !== 'lifecycle') suggested[f] = key;
  return { columns: keys, rows: rows.map((r) => keys.map((k) => r[k] ?? '')), suggested };
}

async function previewParquet(path: string): Promise<Omit<LogPreview, 'format' | 'gzip'>> {
  // loaded on use: a CSV or XES preview never needs it (see importParquet)
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } =
    await import('hyparquet');
  try {
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    const objects = (await parquetReadObjects({
      file,
      metadata,
      rowStart: 0,
      rowEnd: PREVIEW_ROWS,
      parsers: strictStrings,
    })) as Record<string, unknown>[];
    objects.forEach((o, i) => refuseNotUtf8InRow(o, i + 1));
    const cell = (v: unknown): string => (v instanceof Date ? v.toISOString() : v == null ? '' : String(v));
    return { columns, rows: objects.map((o) => columns.map((c) => cell(o[c]))), suggested: suggest(columns) };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(
      'parquet_invalid',
      `not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/** Detects the format of an uploaded file and reads its first rows; nothing is imported. */
export async function previewLogFile(path: string): Promise<LogPreview> {
  const { format, gzip } = await detectFormat(path);
  if (format === 'parquet') return { format, gzip, ...(await previewParquet(path)) };
  const bytes = await head(path, gzip);
  return { format, gzip, ...(format === 'xes' ? previewXes(bytes) : previewCsv(bytes)) };
}
