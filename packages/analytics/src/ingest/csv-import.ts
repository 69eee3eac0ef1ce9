import { EventStore, type DimensionName } from '../model/event-store';
import { StreamingStore } from '../stream/streaming-figures';
import { dimensionFields, resolveColumns, type ColumnMapping, type MappedField } from './columns';
import { sniffDialect, type CsvEncoding } from './csv-dialect';
import { checkEncoding, checkHeader, headerOrWhyNot, quotedList } from './csv-header';
import { CsvError, CsvReader } from './csv-reader';
import { notUtf8Error, Utf8Stream } from './text-rules';
import { decoderFor, type BytesDecoder } from './text-decoder';
import {
  ImportError,
  limitReached,
  RejectionLog,
  warningLists,
  type ImportedLog,
  type ImportOptions,
  type SaidWarning,
} from './import-result';
import { LimitExceeded, storeLimits } from './limits';
import {
  appendPart,
  claimBlock,
  lineBoundary,
  parseBlocksInWorker,
  parseLastBlocks,
  withFileLine,
} from './csv-parallel';
import { readRange, type CsvBlocksJob } from './csv-worker';
import { RowImporter } from './csv-row';
import { detectDateOrder, type TimestampFormat } from './timestamps';

const SNIFF_BYTES = 256 * 1024;

export interface CsvImportOptions extends ImportOptions {
  readonly delimiter?: string;
  readonly encoding?: CsvEncoding;
  /**
   * The uncompressed file the chunks come from: when it is at least `parallelFromBytes` (default
   * 128 MB; below that a worker's start-up costs about what it saves), it is parsed by this thread and a
   * worker thread together, each claiming blocks of it (this thread from the front, the worker from the
   * back) until none is left, so a worker that starts late or a busy core does not leave the other waiting.
   */
  readonly file?: {
    readonly path: string;
    readonly size: number;
    readonly parallelFromBytes?: number;
    /** Size of the blocks the two threads take turns to claim (default 16 MB). */
    readonly blockBytes?: number;
    /** At most this many blocks after the first for this thread (tests make the worker do the rest). */
    readonly maxMainBlocks?: number;
  };
}

/** Reads a CSV event log from a stream of byte chunks into an EventStore. */
export async function importCsv(
  source: AsyncIterable<Uint8Array>,
  options: CsvImportOptions = {},
): Promise<ImportedLog> {
  const it = source[Symbol.asyncIterator]();
  const head = await readHead(it);
  if (head.length === 0)
    throw new ImportError('empty_file', 'the file is empty (expected a header row and events)', undefined, {
      reason: 'empty',
    });
  const sniffed = sniffDialect(head.subarray(0, 64 * 1024));
  checkEncoding(head, sniffed, options.encoding);
  const encoding = options.encoding ?? sniffed.encoding;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const chunks = utf16
    ? transcodeUtf16(head, it, encoding)
    : rest(
        head.subarray(encoding === sniffed.encoding ? sniffed.bom : 0),
        it,
        options.file && { path: options.file.path, from: head.length, size: options.file.size },
        options.onProgress,
      );
  const firstBytes = utf16
    ? new TextEncoder().encode(new TextDecoder(encoding).decode(head)).subarray(0, SNIFF_BYTES)
    : head.subarray(sniffed.bom);
  const delimiter = options.delimiter !== undefined ? options.delimiter.charCodeAt(0) : sniffed.delimiter;
  const dialect = { delimiter, quote: sniffed.quote };
  const decoder = decoderFor(utf16 ? 'utf-8' : encoding);

  const { rows: sample, multiLine, error: sampleError } = sampleRecords(firstBytes, dialect, decoder);
  const header = headerOrWhyNot(sample[0], sampleError, firstBytes.length, SNIFF_BYTES);
  const { index, missing } = resolveColumns(header, options.mapping ?? {}, options.autoMap ?? true);
  const headerWarnings = checkHeader(header, index);
  if (missing.length > 0) {
    const m = missing[0] as { field: MappedField; column: string };
    throw new ImportError(
      'missing_column',
      `no column named "${m.column}" for ${m.field} (the header on line 1 has: ${quotedList(header)})`,
      1,
      { reason: 'named', column: m.column, field: m.field, where: 'header', header: quotedList(header) },
    );
  }
  for (const field of ['case', 'activity', 'timestamp'] as const) {
    if (index[field] === undefined) {
      throw new ImportError(
        'missing_column',
        `no ${field} column found on line 1 (expected one named like ${JSON.stringify(field === 'case' ? 'case:concept:name' : field === 'activity' ? 'concept:name' : 'time:timestamp')} or chosen with --${field}; the header has: ${quotedList(header)})`,
        1,
        { reason: 'notFound', field, where: 'header', header: quotedList(header) },
      );
    }
  }
  const tsCol = index.timestamp as number;
  const detected = detectDateOrder(sample.slice(1, 500).map((r) => r[tsCol] ?? ''));
  const format: TimestampFormat = { order: options.dateOrder ?? detected.order, zone: options.zone ?? 'UTC' };
  const warnings: SaidWarning[] = [...headerWarnings];
  if (!options.dateOrder && detected.ambiguous && detected.order !== 'iso')
    warnings.push({
      code: 'date_order_guessed',
      values: { column: header[tsCol] ?? '' },
      message: `dates in column "${header[tsCol]}" could be day-first or month-first; read as day-first (UK). Pass --date-format mdy if they are month-first`,
    });

  const dims = dimensionFields.filter((f) => index[f] !== undefined) as DimensionName[];
  const sampleLines = countLines(firstBytes);
  const capacity =
    options.sizeHint && sampleLines > 1
      ? Math.ceil((options.sizeHint / (firstBytes.length / sampleLines)) * 1.05) + 16
      : undefined;
  const limits = storeLimits(options.limits);
  const storeOptions = {
    dims,
    startTime: index.start !== undefined,
    cost: index.cost !== undefined,
    ...(capacity ? { capacity } : {}),
    ...limits,
  };
  const store = options.streaming
    ? new StreamingStore(decoder, storeOptions)
    : new EventStore(decoder, { ...storeOptions, sharedTime: true });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  const mapping: Record<string, string> = {};
  for (const [f, i] of Object.entries(index)) mapping[f] = header[i as number] as string;
  const row = new RowImporter(
    store,
    index,
    header,
    format,
    rejections,
    options.lifecycle,
    utf16 ? 'utf-8' : encoding,
  );
  // UTF-8 is checked as it streams past (UTF-16 arrives checked by its decoder; Windows-1252 was asked for)
  const utf8 =
    encoding === 'utf-8'
      ? new Utf8Stream((chunk, at, fileOffset) => {
          const { line, column } = reader.positionOf(chunk, at);
          const b = at >= 0 ? (chunk[at] as number) : 0;
          throw notUtf8Error(b, line, column, fileOffset + (encoding === sniffed.encoding ? sniffed.bom : 0));
        })
      : undefined;
  let first = true;
  const reader: CsvReader = new CsvReader(dialect, (rec) => {
    if (first) first = false;
    else row.take(rec, reader);
  });
  const file = options.file;
  // split only where records cannot span lines (no quoted line break in the sample)
  const split =
    file &&
    !options.streaming &&
    !utf16 &&
    !multiLine &&
    file.size >= (file.parallelFromBytes ?? 128 * 1024 * 1024);
  try {
    if (split) {
      await it.return?.();
      const blockBytes = Math.max(1, file.blockBytes ?? 16 * 1024 * 1024);
      const blocks = Math.ceil(file.size / blockBytes);
      const claims = new Int32Array(new SharedArrayBuffer(4));
      claims[0] = blocks - 1;
      const job: CsvBlocksJob = {
        path: file.path,
        size: file.size,
        blockBytes,
        blocks,
        claims,
        delimiter,
        quote: dialect.quote,
        encoding,
        header,
        index,
        format,
        dims,
        capacity: Math.ceil(((capacity ?? 1024) * blockBytes) / file.size) + 1024,
        maxRejectionsListed: options.maxRejectionsListed ?? 100,
        limits,
        ...(options.lifecycle !== undefined ? { lifecycle: options.lifecycle } : {}),
      };
      const fromWorker = parseBlocksInWorker(job);
      fromWorker.catch(() => undefined);
      // this thread: block 0 (with the header), then blocks from the front while any is left
      let next = 1;
      // progress: the blocks claimed by either thread so far
      const progress = options.onProgress;
      const read = async (start: number, end: number) => {
        for await (const chunk of readRange(file.path, start, end)) {
          utf8?.check(chunk);
          reader.push(chunk);
        }
        progress?.(Math.min(file.size, (blocks - Math.max(0, Atomics.load(claims, 0))) * blockBytes));
      };
      await read(sniffed.bom, Math.min(file.size, blockBytes));
      const mainAtMost = file.maxMainBlocks ?? blocks;
      while (next <= mainAtMost && claimBlock(claims)) {
        await read(next * blockBytes, Math.min(file.size, (next + 1) * blockBytes));
        next++;
      }
      // the line in progress at the edge of this thread's last block is this thread's
      const edge = next * blockBytes;
      if (edge < file.size) await read(edge, await lineBoundary(file.path, edge - 1, file.size));
      reader.finish();
      let offset = reader.nextLine - 1;
      const parts =
        (await fromWorker.catch(async (e: unknown) => {
          if (e instanceof LimitExceeded) throw limitReached(e, undefined); // somewhere in the worker's blocks
          throw e instanceof CsvError ? await withFileLine(job, e, next, offset) : e;
        })) ?? (await parseLastBlocks(job, blocks - next, offset));
      for (const part of parts) {
        try {
          appendPart(store, part, rejections, offset);
        } catch (e) {
          // the part's lines are known, not which of them went over: name the first
          throw e instanceof LimitExceeded ? limitReached(e, offset + 1, 'from line') : e;
        }
        offset += part.lines;
        row.rows += part.rows;
        row.filtered += part.filtered;
        row.strayQuotes += part.strayQuotes;
      }
    } else {
      for await (const chunk of chunks) {
        utf8?.check(chunk);
        reader.push(chunk);
      }
      utf8?.finish();
      reader.finish();
    }
  } catch (e) {
    if (e instanceof CsvError)
      throw new ImportError(e.code, e.message, e.line, { ...e.values, line: e.line });
    // the record being read when the limit was reached is the last one the reader began
    if (e instanceof LimitExceeded) throw limitReached(e, reader.nextLine - 1);
    throw e;
  }
  if (row.rows === 0)
    warnings.push({
      code: 'header_without_events',
      values: {},
      message: 'the file has a header but no events',
    });
  if (row.strayQuotes > 0)
    warnings.push({
      code: 'characters_after_quote',
      values: { rows: row.strayQuotes },
      message: `${row.strayQuotes} rows had characters after a closing quote (kept as part of the field)`,
    });
  return {
    store,
    report: {
      format: 'csv',
      mapping: mapping as ColumnMapping,
      rows: row.rows,
      rejectedRows: rejections.count,
      rejections: rejections.listed,
      filteredRows: row.filtered,
      ...warningLists(warnings),
      encoding,
      delimiter: String.fromCharCode(delimiter),
      dateOrder: format.order,
    },
  };
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

async function* rest(
  head: Uint8Array,
  it: AsyncIterator<Uint8Array>,
  /** The file `it` reads, and the offset in it after `head`: read from there directly. */
  file?: { readonly path: string; readonly from: number; readonly size: number },
  progress?: (bytesRead: number) => void,
): AsyncGenerator<Uint8Array> {
  yield head;
  if (file) {
    // the rest of a plain file into one reused buffer (see readRange), not the stream's fresh buffers
    await it.return?.();
    let at = file.from;
    for await (const chunk of readRange(file.path, file.from, file.size)) {
      yield chunk;
      at += chunk.length;
      progress?.(at);
    }
    return;
  }
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
  // fatal: half of a character pair is refused, not turned into U+FFFD
  const dec = new TextDecoder(encoding, { fatal: true });
  const enc = new TextEncoder();
  const decode = (bytes?: Uint8Array) => {
    try {
      return enc.encode(bytes ? dec.decode(bytes, { stream: true }) : dec.decode());
    } catch {
      throw new ImportError(
        'invalid_utf16',
        'the file is not valid UTF-16 text (it holds half of a character pair, or ends in the middle of a character); save it as UTF-8 and try again',
        undefined,
        {},
      );
    }
  };
  yield decode(head);
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    yield decode(r.value);
  }
  yield decode();
}

/** Header and first records of the sample, as strings, for mapping and date-order detection. */
function sampleRecords(
  bytes: Uint8Array,
  dialect: { delimiter: number; quote: number },
  decoder: BytesDecoder,
): { rows: string[][]; multiLine: boolean; error: unknown } {
  const out: string[][] = [];
  let multiLine = false;
  let lastLine = 0;
  const reader: CsvReader = new CsvReader(dialect, (rec) => {
    if (rec.line > lastLine + 1 && lastLine > 0) multiLine = true;
    lastLine = rec.line;
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      for (let i = v.start; i < v.end; i++) if (v.bytes[i] === 10) multiLine = true;
    }
    if (out.length >= 500) return;
    const row: string[] = [];
    for (let f = 0; f < rec.count; f++) {
      const v = reader.field(rec, f);
      row.push(decoder.decode(v.bytes.subarray(v.start, v.end)));
    }
    out.push(row);
  });
  let error: unknown;
  try {
    reader.push(bytes);
  } catch (e) {
    // an unclosed quote after the header is reported by the full read; one in the header is reported now
    error = e;
  }
  return { rows: out, multiLine, error };
}

function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
