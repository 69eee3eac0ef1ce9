import { sniffDialect } from '../ingest/csv-dialect';
import { CsvError, CsvReader } from '../ingest/csv-reader';

/**
 * A survey export as a header and rows of text, whatever the file: CSV (read as a stream with the event-log
 * CSV reader, so a million rows take the memory of one chunk) or an XLSX workbook (its first sheet).
 */
export interface SurveyRow {
  /** 1-based row of the file: the header is row 1. */
  readonly row: number;
  readonly cells: readonly string[];
}

export interface SurveyTable {
  readonly format: 'csv' | 'xlsx';
  readonly header: readonly string[];
  readonly rows: AsyncIterable<SurveyRow>;
}

export type SurveyFileProblemCode =
  'empty_file' | 'not_utf8' | 'invalid_utf16' | 'unclosed_quote' | 'record_too_long' | 'not_a_workbook';

/**
 * The specifics of a SurveyFileError that its English `message` states, for the message catalogue to say them in
 * its own words: the `column` (1-based) where there is one, and for each code what it selects on —
 * empty_file `where` (file, sheet); invalid_utf16 `reason` (noBom, halfPair); unclosed_quote `quote`;
 * record_too_long `reason` (fields: `limit`; bytes: `limitMb`, `quoteOpen`, `quote`); not_a_workbook `reason`
 * (unreadable; tooLarge: `limitMb`).
 */
export type SurveyFileErrorValues = Readonly<Record<string, string | number>>;

/**
 * A file that cannot be read at all: `code`, `row` when the problem has a place, and `values`, for the catalogue's
 * words; `message` in English for logs and the API's message.
 */
export class SurveyFileError extends Error {
  constructor(
    readonly code: SurveyFileProblemCode,
    message: string,
    readonly row?: number,
    readonly values: SurveyFileErrorValues = {},
  ) {
    super(message);
  }
}

/** XLSX (a zip: "PK\x03\x04") or CSV, from the first bytes. */
export function isWorkbook(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Reads CSV text from chunks of bytes as rows of strings. UTF-8 (with or without a mark) or UTF-16 with a mark. */
export async function readCsvTable(chunks: AsyncIterable<Uint8Array>): Promise<SurveyTable> {
  const it = chunks[Symbol.asyncIterator]();
  // enough of the start to sniff the delimiter from
  const parts: Uint8Array[] = [];
  let size = 0;
  let done = false;
  while (size < 64 * 1024) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    parts.push(r.value);
    size += r.value.length;
  }
  const head = concat(parts, size);
  const dialect = sniffDialect(head.subarray(0, 64 * 1024));
  let bytes: AsyncIterable<Uint8Array> = restOf(head.subarray(dialect.bom), it, done);
  if (dialect.encoding === 'utf-16le' || dialect.encoding === 'utf-16be') {
    if (dialect.bom === 0)
      throw new SurveyFileError(
        'invalid_utf16',
        'the file looks like UTF-16 text without a byte-order mark; save it as UTF-8 (CSV UTF-8 in Excel) and try again',
        undefined,
        { reason: 'noBom' },
      );
    bytes = transcode(bytes, dialect.encoding);
  }
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const queue: SurveyRow[] = [];
  const reader: CsvReader = new CsvReader(dialect, (rec) => {
    const cells: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      try {
        cells.push(text.decode(v.bytes.subarray(v.start, v.end)));
      } catch {
        throw new SurveyFileError(
          'not_utf8',
          `row ${rec.line}, column ${f + 1}: the bytes are not UTF-8 text (probably saved as Windows-1252 or Latin-1); expected a CSV saved as UTF-8 ("CSV UTF-8" in Excel)`,
          rec.line,
          { column: f + 1 },
        );
      }
    }
    queue.push({ row: rec.line, cells });
  });
  const source = bytes[Symbol.asyncIterator]();
  const pull = async (): Promise<boolean> => {
    const r = await source.next();
    try {
      if (r.done) reader.finish();
      else reader.push(r.value);
    } catch (e) {
      if (e instanceof CsvError) {
        // the reader's field is the survey's column
        const { field, ...values } = e.values ?? {};
        throw new SurveyFileError(e.code, `row ${e.line}: ${e.message}`, e.line, {
          ...values,
          ...(field === undefined ? {} : { column: field }),
        });
      }
      throw e;
    }
    return !r.done;
  };
  // the header: the first record that is not blank
  let more = true;
  let header: string[] | undefined;
  while (header === undefined) {
    while (queue.length === 0 && more) more = await pull();
    const first = queue.shift();
    if (first === undefined) break;
    if (first.cells.some((c) => c.trim() !== '')) header = first.cells.map((c) => c.trim());
  }
  if (header === undefined)
    throw new SurveyFileError(
      'empty_file',
      'the file is empty; expected a header row of column names and then one row per response',
      1,
      { where: 'file' },
    );
  async function* rows(): AsyncGenerator<SurveyRow> {
    for (;;) {
      while (queue.length > 0) yield queue.shift() as SurveyRow;
      if (!more) return;
      more = await pull();
    }
  }
  return { format: 'csv', header, rows: rows() };
}

/** The first sheet of an XLSX workbook (read whole: workbooks are small next to what CSV can hold). */
export async function readXlsxTable(bytes: Uint8Array): Promise<SurveyTable> {
  let sheet: unknown[][];
  // loaded on use: it is large, and only a workbook needs it (a CSV survey or an event log never does)
  const { readSheet } = await import('read-excel-file/node');
  try {
    sheet = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (e) {
    throw new SurveyFileError(
      'not_a_workbook',
      `the workbook could not be read (${e instanceof Error ? e.message : String(e)}); expected an .xlsx file as Microsoft Forms or SmartSurvey exports it, or a CSV file`,
      undefined,
      { reason: 'unreadable' },
    );
  }
  const text = sheet.map((r) => r.map(cellText));
  const at = text.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (at < 0)
    throw new SurveyFileError(
      'empty_file',
      "the workbook's first sheet is empty; expected a header row of column names and then one row per response",
      1,
      { where: 'sheet' },
    );
  const header = (text[at] as string[]).map((c) => c.trim());
  async function* rows(): AsyncGenerator<SurveyRow> {
    for (let i = at + 1; i < text.length; i++) {
      const cells = text[i] as string[];
      // read-excel-file pads every row to the sheet's width; trailing blank cells are not a ragged row
      let end = cells.length;
      while (end > header.length && (cells[end - 1] ?? '') === '') end--;
      yield { row: i + 1, cells: cells.slice(0, end) };
    }
  }
  return { format: 'xlsx', header, rows: rows() };
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

async function* restOf(
  head: Uint8Array,
  it: AsyncIterator<Uint8Array>,
  done: boolean,
): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  if (done) return;
  for (;;) {
    const r = await it.next();
    if (r.done) return;
    yield r.value;
  }
}

async function* transcode(
  bytes: AsyncIterable<Uint8Array>,
  encoding: 'utf-16le' | 'utf-16be',
): AsyncGenerator<Uint8Array> {
  const dec = new TextDecoder(encoding, { fatal: true });
  const enc = new TextEncoder();
  const decode = (b?: Uint8Array) => {
    try {
      return enc.encode(b ? dec.decode(b, { stream: true }) : dec.decode());
    } catch {
      throw new SurveyFileError(
        'invalid_utf16',
        'the file is not valid UTF-16 text (half of a character pair); save it as UTF-8 and try again',
        undefined,
        { reason: 'halfPair' },
      );
    }
  };
  for await (const b of bytes) yield decode(b);
  yield decode();
}

/** Most bytes of a workbook read (a workbook is read whole; a CSV has no such limit). */
export const MAX_WORKBOOK_BYTES = 50 * 1024 * 1024;

/** An export of either kind from its bytes, as a stream: a workbook by its first bytes, otherwise CSV. */
export async function readSurveyTable(chunks: AsyncIterable<Uint8Array>): Promise<SurveyTable> {
  const it = chunks[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done)
    throw new SurveyFileError(
      'empty_file',
      'the file is empty; expected a header row of column names and then one row per response',
      1,
      { where: 'file' },
    );
  if (!isWorkbook(first.value)) return readCsvTable(restOf(first.value, it, false));
  const parts = [first.value];
  let size = first.value.length;
  for (let r = await it.next(); !r.done; r = await it.next()) {
    size += r.value.length;
    if (size > MAX_WORKBOOK_BYTES)
      throw new SurveyFileError(
        'not_a_workbook',
        `the workbook is larger than ${MAX_WORKBOOK_BYTES / 1024 / 1024} MB; export the responses as CSV instead`,
        undefined,
        { reason: 'tooLarge', limitMb: MAX_WORKBOOK_BYTES / 1024 / 1024 },
      );
    parts.push(r.value);
  }
  return readXlsxTable(concat(parts, size));
}

/** The same from bytes in memory. */
export function readSurveyBytes(bytes: Uint8Array): Promise<SurveyTable> {
  return readSurveyTable(
    (async function* () {
      if (bytes.length > 0) yield bytes;
    })(),
  );
}
