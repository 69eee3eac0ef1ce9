import type { Worker } from 'node:worker_threads';
import type { EventStore } from '../model/event-store';
import { startWorker } from '../model/start-worker';
import { CsvError } from './csv-reader';
import { parseBlock, type CsvBlocksJob, type CsvPart } from './csv-worker';
import type { RejectionLog } from './import-result';
import { LimitExceeded } from './limits';

export { claimBlock, lineBoundary } from './csv-worker';

/** The error with `by` lines added (its line was counted from the start of a block). */
function shift(err: CsvError, by: number): CsvError {
  const line = err.line + by;
  return new CsvError(
    err.code,
    line,
    err.message.replace(/^line \d+/, `line ${line}`),
    undefined,
    err.values,
  );
}

/**
 * A worker's error in block b, with the file's line: the blocks between this thread's last and b are read
 * here to count their lines (when this thread claimed every block before b there are none), and an
 * error in one of them, being earlier in the file, is the one reported.
 */
export async function withFileLine(
  job: CsvBlocksJob,
  e: CsvError,
  nextBlock: number,
  linesBefore: number,
): Promise<CsvError> {
  let offset = linesBefore;
  for (let b = nextBlock; b < (e.block ?? nextBlock); b++) {
    try {
      offset += (await parseBlock(job, b)).lines;
    } catch (earlier) {
      if (earlier instanceof CsvError) return shift(earlier, offset);
      throw earlier;
    }
  }
  return shift(e, offset);
}

/** In this thread, the last `count` blocks (those a worker did not deliver), after `linesBefore` lines. */
export async function parseLastBlocks(
  job: CsvBlocksJob,
  count: number,
  linesBefore: number,
): Promise<CsvPart[]> {
  const parts: CsvPart[] = [];
  let offset = linesBefore;
  for (let b = job.blocks - count; b < job.blocks; b++) {
    try {
      const part = await parseBlock(job, b);
      parts.push(part);
      offset += part.lines;
    } catch (e) {
      throw e instanceof CsvError ? shift(e, offset) : e;
    }
  }
  return parts;
}

/**
 * The worker's blocks (see `CsvBlocksJob`), parsed in a worker thread (a second core) while this thread
 * claims blocks from the front. null when the worker could not start or stopped without an answer: then
 * the blocks it claimed (`claimedByWorker`) are to be parsed by this thread.
 */
export function parseBlocksInWorker(job: CsvBlocksJob): Promise<CsvPart[] | null> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(import.meta.url, 'csv-worker', { csvBlocksJob: job });
    } catch {
      resolve(null);
      return;
    }
    let settled = false;
    worker.once(
      'message',
      (msg: {
        parts?: CsvPart[];
        error?: {
          code: 'unclosed_quote' | 'record_too_long' | 'not_utf8' | 'io' | 'limit';
          message: string;
          line?: number;
          block?: number;
          values?: Readonly<Record<string, string | number>>;
          limit?: { kind: 'events' | 'values'; what: string; limit: number };
        };
      }) => {
        settled = true;
        void worker.terminate();
        if (msg.parts) resolve(msg.parts);
        else if (msg.error?.limit)
          reject(new LimitExceeded(msg.error.limit.kind, msg.error.limit.what, msg.error.limit.limit));
        else if (msg.error && msg.error.code !== 'io' && msg.error.code !== 'limit')
          reject(
            new CsvError(
              msg.error.code,
              msg.error.line ?? 0,
              msg.error.message,
              msg.error.block,
              msg.error.values,
            ),
          );
        else reject(new Error(msg.error?.message ?? 'the CSV worker stopped'));
      },
    );
    const fallBack = (): void => {
      if (settled) return;
      settled = true;
      resolve(null);
    };
    worker.once('error', fallBack);
    // a worker that ends without an answer (it could not load the module) is replaced by this thread
    worker.once('exit', fallBack);
  });
}

/** Appends a parsed part after the store's events, re-interning its ids; line numbers shift by `lineOffset`. */
export function appendPart(
  store: EventStore,
  part: CsvPart,
  rejections: RejectionLog,
  lineOffset: number,
): void {
  const caseMap = store.cases.internAll(part.cases);
  const actMap = store.activities.internAll(part.activities);
  const dims = store.presentDims().map((d) => {
    const p = part.dims[d];
    return { col: d, values: p?.values, map: p ? store.dims[d].internAll(p.interner) : undefined };
  });
  // the part's ids, remapped, written straight into the store's columns after its events
  const n = part.size;
  const base = store.size;
  store.reserve(n);
  const remapInto = (into: Int32Array, values: Int32Array, map: Int32Array): void => {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      into[base + i] = v >= 0 ? (map[v] as number) : -1;
    }
  };
  remapInto(store.caseOf, part.caseOf, caseMap);
  remapInto(store.activityOf, part.activityOf, actMap);
  store.time.set(part.time.subarray(0, n), base);
  for (const d of dims) {
    const col = store.dim[d.col] as Int32Array;
    if (d.values && d.map) remapInto(col, d.values, d.map);
    else col.fill(-1, base, base + n);
  }
  if (store.startTime) {
    if (part.startTime) store.startTime.set(part.startTime.subarray(0, n), base);
    else store.startTime.fill(Number.NaN, base, base + n);
  }
  if (store.cost) {
    if (part.cost) store.cost.set(part.cost.subarray(0, n), base);
    else store.cost.fill(Number.NaN, base, base + n);
  }
  store.size = base + n;
  for (const r of part.rejections) rejections.add(r.line + lineOffset, r, r.field);
  rejections.count += part.rejectedRows - part.rejections.length;
}
