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
    worker.once('error', () => {
      if (!settled) {
        settled = true;
        parseCsvPart(job).then(resolve, reject);
      }
    });
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
  for (let i = 0; i < part.size; i++) {
    const j = store.add(
      caseMap[part.caseOf[i] as number] as number,
      actMap[part.activityOf[i] as number] as number,
      part.time[i] as number,
    );
    for (const d of dims) {
      const v = d.values?.[i] ?? -1;
      if (v >= 0 && d.map) (store.dim[d.col] as Int32Array)[j] = d.map[v] as number;
    }
    if (store.startTime && part.startTime) store.startTime[j] = part.startTime[i] as number;
    if (store.cost && part.cost) store.cost[j] = part.cost[i] as number;
  }
  for (const r of part.rejections) rejections.add(r.line + lineOffset, r.reason, r.field);
  rejections.count += part.rejectedRows - part.rejections.length;
}
