import { stat } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../model/start-worker';
import type { ColumnMapping } from '../ingest/columns';
import { ImportError, type ImportReport } from '../ingest/import-result';
import type { ImportLimits } from '../ingest/limits';
import type { DateOrder } from '../ingest/timestamps';
import type { JsonReport } from '../report/json';

/** What a dataset import reads and how (the worker gets a copy). */
export interface ImportJobSpec {
  readonly path: string;
  readonly mapping: ColumnMapping;
  readonly zone?: string;
  readonly dateOrder?: DateOrder;
  readonly limits: ImportLimits;
  /** The workspace's pseudonymisation key. */
  readonly key: Uint8Array | string;
}

export type ImportPhase = 'reading' | 'analysing' | 'encoding';

export interface ImportJobProgress {
  readonly phase: ImportPhase;
  /** Bytes of the file read so far (compressed bytes for a .gz). */
  readonly bytesRead: number;
  /** Rows read and events kept, once the file has been read. */
  readonly rows?: number;
  readonly events?: number;
}

/** The analysed log, ready to store; `result` and `eventsBlob` are absent when no row could be read. */
export interface ImportJobOutcome {
  readonly report: ImportReport;
  readonly result?: JsonReport;
  readonly eventsBlob?: Uint8Array;
}

/** Why an import job ended without an outcome, beyond the log's own problems (those are ImportErrors). */
export class ImportJobStopped extends Error {
  constructor(
    readonly code: 'cancelled' | 'out_of_memory' | 'crashed',
    message: string,
  ) {
    super(message);
  }
}

export interface ImportJobHandle {
  readonly done: Promise<ImportJobOutcome>;
  /** Stops the worker at once; `done` rejects with ImportJobStopped('cancelled'). */
  cancel(): Promise<void>;
}

/** Messages from the worker (import-job-worker.ts). */
export type ImportJobMessage =
  | { progress: ImportJobProgress }
  | { outcome: ImportJobOutcome }
  | { failure: { code: ImportError['code']; message: string; line?: number } }
  | { crash: string };

/**
 * An import runs at a lower CPU priority than the server's requests (issue 9 §3): on a 2-core machine the
 * analysis of a large log would otherwise take the core that answers everyone else. 10 of 19: it still gets
 * a core whenever the server is idle.
 */
export const DEFAULT_IMPORT_NICE = 10;

/**
 * Runs the import, the analysis and the encoding of the kept events in a worker thread whose heap is held to
 * `memoryMb` (V8's resource limits): a log that needs more kills only that worker, and `done` rejects with
 * ImportJobStopped('out_of_memory'). The typed-array columns live outside the heap; the events limit
 * (`spec.limits.maxEvents`) is what bounds them.
 */
export function startImportJob(
  spec: ImportJobSpec,
  {
    memoryMb,
    onProgress,
    nice = DEFAULT_IMPORT_NICE,
    xesSplitFromBytes,
  }: {
    memoryMb: number;
    onProgress?: (p: ImportJobProgress) => void;
    /** How much lower the worker's CPU priority is than the server's (0–19; on Linux). */
    nice?: number;
    /**
     * The expected size from which an XES log is read on two threads (`XesSplitOptions.fromBytes`). Unset, the
     * job reads every log on one thread, as the server runs it: inside the job the split was no faster (a
     * second parse thread beside a live server, ~1 s more CPU and ~25 MB more memory on 560k events; decision
     * 0042). `scripts/bench-import-xes.ts` sets 32 MB, the command line's size, to time the split.
     */
    xesSplitFromBytes?: number;
  },
): ImportJobHandle {
  let worker: Worker | undefined;
  let settled = false;
  let cancelled = false;
  const done = new Promise<ImportJobOutcome>((resolve, reject) => {
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      f();
      void worker?.terminate();
    };
    try {
      // libuv's thread pool (file reads, hashing) is shared by every thread of the process and its threads
      // take the priority of the thread that first needs it: make sure that is this one, not the worker.
      stat('.', () => undefined);
      const data = {
        importJob: spec,
        nice,
        ...(xesSplitFromBytes !== undefined ? { xesSplitFromBytes } : {}),
      };
      worker = startWorker(import.meta.url, 'import-job-worker', data, [], {
        maxOldGenerationSizeMb: memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(memoryMb / 8))),
      });
    } catch (e) {
      finish(() => reject(new ImportJobStopped('crashed', `the import could not start (${String(e)})`)));
      return;
    }
    worker.on('message', (m: ImportJobMessage) => {
      if ('progress' in m) {
        if (!settled) onProgress?.(m.progress);
      } else if ('outcome' in m) finish(() => resolve(m.outcome));
      else if ('failure' in m)
        finish(() => reject(new ImportError(m.failure.code, m.failure.message, m.failure.line)));
      else finish(() => reject(new ImportJobStopped('crashed', m.crash)));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ImportJobStopped(
                'out_of_memory',
                `the import needed more than the ${memoryMb} MB of memory an import may use (WAYMARK_IMPORT_MEMORY_MB), so it was stopped; nothing was stored. Try a shorter period of the log, fewer mapped columns, or ask your administrator to raise the limit`,
              )
            : new ImportJobStopped('crashed', `the import stopped unexpectedly (${e.message})`),
        ),
      );
    });
    worker.on('exit', () =>
      finish(() =>
        reject(
          new ImportJobStopped(
            cancelled ? 'cancelled' : 'crashed',
            cancelled ? 'the import was cancelled' : 'the import stopped without an answer',
          ),
        ),
      ),
    );
  });
  return {
    done,
    async cancel() {
      cancelled = true;
      await worker?.terminate();
    },
  };
}
