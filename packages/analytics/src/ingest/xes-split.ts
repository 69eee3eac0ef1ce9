import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { EventStore, type DimensionName } from '../model/event-store';
import { startWorker } from '../model/start-worker';
import type { ColumnMapping } from './columns';
import { appendPart } from './csv-parallel';
import { ImportError, RejectionLog, type ImportedLog, type ImportOptions } from './import-result';
import { LimitExceeded, storeLimits } from './limits';
import { importedPart } from './log-part';
import { decoderFor } from './text-decoder';
import { columnAfter, importXes, xesFields } from './xes';
import type { XesHeadAnswer, XesHeadMessage } from './xes-worker';

/** When an XES log is read on two threads (see `importXesSplit`). */
export interface XesSplitOptions {
  /**
   * A log expected (`sizeHint`) to be at least this many bytes is read on two threads; by default
   * `splitFromBytes(availableParallelism())`: 32 MB on a machine with more than two cores, otherwise never.
   */
  readonly fromBytes?: number;
  /** The share of the log the worker reads, from its start; default 0.6 (it starts first: see below). */
  readonly headShare?: number;
  /** Told how the log was read: on two threads, or again on this one alone (see `importXesSplit`). */
  readonly onRead?: (how: 'twoThreads' | 'againAlone') => void;
}

const traceEnd = Buffer.from('</trace>');

/**
 * The size from which an XES log is read on two threads by default, on a machine with `cores` cores: 32 MB where
 * inflating a .gz, the head and the rest can each have a core; never on two cores, where the split was slower
 * than one thread and took ~1 s more CPU (decision 0042, "The split measured again").
 */
export const splitFromBytes = (cores: number): number =>
  cores > 2 ? 32 * 1024 * 1024 : Number.POSITIVE_INFINITY;

/**
 * Reads a large XES log on two threads (decision 0042): this thread takes the chunks as they come (decompressed,
 * for a .xes.gz) and passes those of the head (the log up to the first `</trace>` past `headShare` of its
 * expected size) to a worker, which reads them as `importXes` does; this thread reads the rest meanwhile, from
 * the line and column where the head ends. The two parts are joined in file order, so the store, its ids and the
 * report are those one thread would make. Errors are said as one thread would: an error in the head first, as
 * it is earlier in the file.
 *
 * Where the split is not between two traces of the log (a "</trace>" in a comment or deeper down), where the
 * worker cannot run, or where a limit is reached only by the two parts together, the log is read again from
 * `reopen()` on this thread alone.
 */
export async function importXesSplit(
  source: AsyncIterable<Uint8Array>,
  options: ImportOptions,
  reopen: () => AsyncIterable<Uint8Array>,
  how: XesSplitOptions = {},
): Promise<ImportedLog> {
  const expected = options.sizeHint ?? 0;
  const fromBytes = how.fromBytes ?? splitFromBytes(availableParallelism());
  if (options.streaming || expected < fromBytes) return importXes(source, options);
  const splitAt = Math.floor(expected * (how.headShare ?? 0.6));
  // what importXes reads of its options (functions cannot be sent to a worker)
  const { mapping, autoMap, zone, lifecycle, maxRejectionsListed, limits } = options;
  const plain: ImportOptions = { mapping, autoMap, zone, lifecycle, maxRejectionsListed, limits };
  let worker: Worker;
  try {
    worker = startWorker(import.meta.url, 'xes-worker', {
      xesHeadJob: { options: { ...plain, sizeHint: splitAt } },
    });
  } catch {
    return importXes(source, options);
  }
  const answer = new Promise<XesHeadAnswer>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (e) => resolve({ failed: e.message }));
    worker.once('exit', () => resolve({ failed: 'the worker stopped' }));
  });
  const send = (msg: XesHeadMessage, transfer: ArrayBuffer[] = []): void => worker.postMessage(msg, transfer);
  const alone = async (): Promise<ImportedLog> => {
    how.onRead?.('againAlone');
    return importXes(reopen(), options);
  };
  const chunks = source[Symbol.asyncIterator]();
  let offset = 0;
  let line = 1;
  let column = 0; // characters of the current line so far
  let rest: Uint8Array | undefined;
  try {
    for (;;) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = next.value;
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      let cut = -1;
      if (offset + buf.length > splitAt) {
        const at = buf.indexOf(traceEnd, Math.max(0, splitAt - offset));
        if (at >= 0) cut = at + traceEnd.length;
      }
      const head = cut >= 0 ? buf.subarray(0, cut) : buf;
      offset += head.length;
      for (let i = head.indexOf(10); i >= 0; i = head.indexOf(10, i + 1)) line++;
      column = columnAfter(head, column);
      // a chunk that is all of its buffer (gunzip's usually are: it starts a new one when one is full) is moved
      // to the worker as it is; one that shares its buffer is copied first
      const own =
        cut < 0 &&
        head.byteOffset === 0 &&
        head.byteLength === head.buffer.byteLength &&
        head.buffer instanceof ArrayBuffer;
      const moved = own ? head : new Uint8Array(head);
      // (its lines are counted above: once moved, it is empty here)
      send({ chunk: moved }, [moved.buffer as ArrayBuffer]);
      if (cut >= 0) {
        rest = chunk.subarray(cut);
        break;
      }
    }
  } catch (e) {
    // the file could not be read on (a corrupt gzip, a limit): the head's own error, earlier, comes first
    send({ end: true, whole: false });
    const head = await answer;
    void worker.terminate();
    if ('importError' in head) throw importErrorOf(head);
    throw e;
  }
  const whole = rest === undefined;
  send({ end: true, whole });
  let tail: ImportedLog | undefined;
  let tailError: unknown;
  if (rest !== undefined) {
    const first = rest;
    const tailChunks = (async function* (): AsyncGenerator<Uint8Array> {
      if (first.length > 0) yield first;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    })();
    try {
      tail = await importXes(
        tailChunks,
        { ...options, sizeHint: Math.max(0, expected - offset) },
        { part: 'tail', line, column, offset },
      );
    } catch (e) {
      tailError = e;
      await chunks.return?.(undefined);
    }
  }
  const head = await answer;
  void worker.terminate();
  if ('importError' in head) throw importErrorOf(head);
  if (!('part' in head)) return alone();
  if (tailError !== undefined) throw tailError;

  const part = head.part;
  const tailPart = tail ? importedPart(tail) : undefined;
  const store = new EventStore(decoderFor('utf-8'), {
    dims: Object.keys(part.dims) as DimensionName[],
    startTime: part.startTime !== undefined,
    cost: part.cost !== undefined,
    sharedTime: true,
    ...storeLimits(options.limits),
  });
  const rejections = new RejectionLog(options.maxRejectionsListed ?? 100);
  try {
    store.reserve(part.size + (tailPart?.size ?? 0));
    appendPart(store, part, rejections, 0);
    if (tailPart) appendPart(store, tailPart, rejections, 0);
  } catch (e) {
    // a limit the two parts reach only together: said where one thread reaches it
    if (e instanceof LimitExceeded) return alone();
    throw e;
  }
  how.onRead?.('twoThreads');
  const seen = new Set([...Object.keys(head.mapping), ...Object.keys(tail?.report.mapping ?? {})]);
  const { m, active } = xesFields(options);
  const read: Record<string, string> = {};
  for (const f of active) if (seen.has(f)) read[f] = m[f] as string;
  return {
    store,
    report: {
      format: 'xes',
      mapping: read as ColumnMapping,
      rows: part.rows + (tailPart?.rows ?? 0),
      rejectedRows: rejections.count,
      rejections: rejections.listed,
      filteredRows: part.filtered + (tailPart?.filtered ?? 0),
      warnings: [],
      warningCodes: [],
      encoding: 'utf-8',
      dateOrder: 'iso',
    },
  };
}

function importErrorOf(head: Extract<XesHeadAnswer, { importError: unknown }>): ImportError {
  const e = head.importError;
  return new ImportError(e.code, e.message, e.line, e.values);
}
