import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { EventStore } from '../model/event-store';
import { CsvError } from './csv-reader';
import { parseCsvPart, type CsvPart, type CsvPartJob } from './csv-worker';
import type { RejectionLog } from './import-result';

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

/**
 * Parses a range in a worker thread (a second core), or in this thread if a worker cannot start
 * (for example when TypeScript sources cannot be loaded there).
 */
export function parseCsvPartInWorker(job: CsvPartJob): Promise<CsvPart> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(job);
    } catch {
      parseCsvPart(job).then(resolve, reject);
      return;
    }
    let settled = false;
    worker.once(
      'message',
      (msg: {
        part?: CsvPart;
        error?: { code: 'unclosed_quote' | 'record_too_long' | 'io'; message: string; line?: number };
      }) => {
        settled = true;
        void worker.terminate();
        if (msg.part) resolve(msg.part);
        else if (msg.error && msg.error.code !== 'io')
          reject(new CsvError(msg.error.code, msg.error.line ?? 0, msg.error.message));
        else reject(new Error(msg.error?.message ?? 'the CSV worker stopped'));
      },
    );
    const fallBack = (): void => {
      if (!settled) {
        settled = true;
        parseCsvPart(job).then(resolve, reject);
      }
    };
    worker.once('error', fallBack);
    // a worker that ends without an answer (it could not load the module) is replaced by this thread
    worker.once('exit', fallBack);
  });
}

/**
 * Workers do not inherit tsx's loader hooks: when running from TypeScript sources, the worker
 * registers tsx itself before importing the worker module.
 */
function startWorker(job: CsvPartJob): Worker {
  const workerData = { csvPartJob: job };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./csv-worker.js', import.meta.url), { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./csv-worker.ts', import.meta.url).href;
  return new Worker(
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`,
    { eval: true, workerData },
  );
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
  // remap ids in the part's own arrays, then copy whole columns
  const n = part.size;
  const base = store.size;
  store.reserve(n);
  const remap = (values: Int32Array, map: Int32Array): Int32Array => {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      values[i] = v >= 0 ? (map[v] as number) : -1;
    }
    return values;
  };
  store.caseOf.set(remap(part.caseOf.subarray(0, n), caseMap), base);
  store.activityOf.set(remap(part.activityOf.subarray(0, n), actMap), base);
  store.time.set(part.time.subarray(0, n), base);
  for (const d of dims) {
    const col = store.dim[d.col] as Int32Array;
    if (d.values && d.map) col.set(remap(d.values.subarray(0, n), d.map), base);
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
  for (const r of part.rejections) rejections.add(r.line + lineOffset, r.reason, r.field);
  rejections.count += part.rejectedRows - part.rejections.length;
}
