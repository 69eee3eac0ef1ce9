/**
 * Worker thread: parses one byte range of a CSV file (starting on a line boundary, no header)
 * into its own columns and sends them back, transferred rather than copied.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { EventStore, type DimensionName } from '../model/event-store';
import type { MappedField } from './columns';
import { CsvError, CsvReader } from './csv-reader';
import { RowImporter } from './csv-row';
import { RejectionLog, type Rejection } from './import-result';
import { LimitExceeded } from './limits';
import { partBuffers, storePart } from './log-part';
import type { CsvEncoding } from './csv-dialect';
import { decoderFor } from './text-decoder';
import { notUtf8Error, Utf8Stream } from './text-rules';
import type { TimestampFormat } from './timestamps';

export interface CsvPartJob {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly delimiter: number;
  readonly quote: number;
  readonly encoding: string;
  readonly header: readonly string[];
  readonly index: Partial<Record<MappedField, number>>;
  readonly format: TimestampFormat;
  readonly lifecycle?: string;
  readonly dims: readonly DimensionName[];
  readonly capacity: number;
  readonly maxRejectionsListed: number;
  /** Most events and distinct values a part may hold (EventStore options). */
  readonly limits?: { maxEvents: number; maxActivities: number; maxValues: number };
}

type ExportedInterner = ReturnType<EventStore['cases']['exportBytes']>;

/** One parsed range: columns plus the interned values their ids refer to. */
export interface CsvPart {
  size: number;
  caseOf: Int32Array;
  activityOf: Int32Array;
  time: Float64Array;
  startTime: Float64Array | undefined;
  cost: Float64Array | undefined;
  cases: ExportedInterner;
  activities: ExportedInterner;
  dims: Partial<Record<DimensionName, { values: Int32Array; interner: ExportedInterner }>>;
  rows: number;
  filtered: number;
  strayQuotes: number;
  rejectedRows: number;
  rejections: Rejection[];
  /** Physical lines in the range. */
  lines: number;
}

/**
 * The file cut into blocks of `blockBytes`; block b holds the lines that start in [b·blockBytes,
 * (b+1)·blockBytes). Block 0 (with the header) is the main thread's; blocks 1… are claimed one at a time,
 * the main thread from the front and the worker from the back, so neither waits long for the other
 * whatever the load on the machine. `claims[0]` is the number of blocks not yet claimed.
 */
export interface CsvBlocksJob extends Omit<CsvPartJob, 'start' | 'end'> {
  readonly size: number;
  readonly blockBytes: number;
  readonly blocks: number;
  readonly claims: Int32Array;
}

/** Takes one unclaimed block; false when none is left. */
export function claimBlock(claims: Int32Array): boolean {
  for (;;) {
    const left = Atomics.load(claims, 0);
    if (left <= 0) return false;
    if (Atomics.compareExchange(claims, 0, left, left - 1) === left) return true;
  }
}

/** The byte range of block b: from the first line starting in it to the first line starting after it. */
export async function blockRange(job: CsvBlocksJob, b: number): Promise<{ start: number; end: number }> {
  const edge = (x: number) => (x >= job.size ? job.size : lineBoundary(job.path, x - 1, job.size));
  return { start: await edge(b * job.blockBytes), end: await edge((b + 1) * job.blockBytes) };
}

/** Parses one block in this thread. */
export async function parseBlock(job: CsvBlocksJob, b: number): Promise<CsvPart> {
  return parseCsvPart({ ...job, ...(await blockRange(job, b)) });
}

/** The worker's side: claims blocks from the back until none is left; parts come back in file order. */
export async function parseClaimedBlocks(job: CsvBlocksJob): Promise<CsvPart[]> {
  const parts: CsvPart[] = [];
  for (let b = job.blocks - 1; claimBlock(job.claims); b--) {
    try {
      parts.push(await parseBlock(job, b));
    } catch (e) {
      // its line is within the block: the main thread adds the lines before it
      if (e instanceof CsvError) throw new CsvError(e.code, e.line, e.message, b, e.values);
      throw e;
    }
  }
  return parts.reverse();
}

/** The offset just after the first line break at or after `from` (the file size if none). */
export async function lineBoundary(path: string, from: number, size: number): Promise<number> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(64 * 1024);
    for (let at = from; at < size; at += buf.length) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, at);
      const nl = buf.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) return at + nl + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await fh.close();
  }
}

/** Pairs of buffers `readRange` has finished with, to read into again. */
const spareBuffers: Buffer[][] = [];

/**
 * The bytes [start, end) of a plain file, in chunks read into two buffers in turn, again and again
 * (Buffers, whose `indexOf` is memchr). A read stream allocates a fresh buffer for every chunk, and the
 * kernel's first touch of each new page cost more than the parse's own reading of it: reading the 760 MB
 * test CSV took 1.3 s of CPU through `createReadStream` (0.9 s of it in the kernel) and 0.13 s this way.
 * A chunk's bytes stay as they are until the second chunk after it is asked for: the UTF-8 check keeps a
 * view of the last few bytes of one chunk (a cut character) until it is given the next. The CSV reader
 * copies an unfinished record.
 */
export async function* readRange(
  path: string,
  start: number,
  end: number,
  chunkBytes = 4 * 1024 * 1024,
): AsyncGenerator<Uint8Array> {
  if (end <= start) return;
  const fh = await open(path, 'r');
  let pair = spareBuffers.pop();
  if (!pair || pair[0]?.length !== chunkBytes)
    pair = [Buffer.allocUnsafeSlow(chunkBytes), Buffer.allocUnsafeSlow(chunkBytes)];
  let last = 1;
  try {
    for (let at = start; at < end;) {
      const buf = pair[last ^ 1] as Buffer;
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, end - at), at);
      if (bytesRead === 0) break; // the file shrank while read: what was there is parsed
      at += bytesRead;
      last ^= 1;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    // the next range (the same file read on, perhaps) starts in the buffer not read into last
    spareBuffers.push(last === 0 ? [pair[1] as Buffer, pair[0] as Buffer] : pair);
    await fh.close();
  }
}

/** Parses the range (in this thread); a CsvError propagates. */
export async function parseCsvPart(job: CsvPartJob): Promise<CsvPart> {
  const store = new EventStore(decoderFor(job.encoding), {
    dims: job.dims,
    startTime: job.index.start !== undefined,
    cost: job.index.cost !== undefined,
    capacity: job.capacity,
    ...job.limits,
  });
  const rejections = new RejectionLog(job.maxRejectionsListed);
  const row = new RowImporter(
    store,
    job.index,
    job.header,
    job.format,
    rejections,
    job.lifecycle,
    job.encoding as CsvEncoding,
  );
  const reader: CsvReader = new CsvReader({ delimiter: job.delimiter, quote: job.quote }, (rec) =>
    row.take(rec, reader),
  );
  // the part starts at a line start, so at the start of a character too
  const utf8 =
    job.encoding === 'utf-8'
      ? new Utf8Stream((chunk, at, offset) => {
          const { line, column } = reader.positionOf(chunk, at);
          const e = notUtf8Error(at >= 0 ? (chunk[at] as number) : 0, line, column, job.start + offset);
          throw new CsvError('not_utf8', line, e.message, undefined, e.values);
        })
      : undefined;
  for await (const chunk of readRange(job.path, job.start, job.end)) {
    utf8?.check(chunk);
    reader.push(chunk);
  }
  utf8?.finish();
  reader.finish();
  return storePart(store, {
    rows: row.rows,
    filtered: row.filtered,
    strayQuotes: row.strayQuotes,
    rejectedRows: rejections.count,
    rejections: rejections.listed,
    lines: reader.nextLine - 1,
  });
}

const job = (workerData as { csvBlocksJob?: CsvBlocksJob } | null)?.csvBlocksJob;
if (parentPort && job) {
  const port = parentPort;
  parseClaimedBlocks(job).then(
    (parts) => port.postMessage({ parts }, partBuffers(parts)),
    (e: unknown) =>
      port.postMessage({
        error:
          e instanceof CsvError
            ? { code: e.code, message: e.message, line: e.line, block: e.block, values: e.values }
            : e instanceof LimitExceeded
              ? { code: 'limit', message: e.message, limit: { kind: e.kind, what: e.what, limit: e.limit } }
              : { code: 'io', message: e instanceof Error ? e.message : String(e) },
      }),
  );
}
