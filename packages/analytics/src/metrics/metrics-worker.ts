/**
 * Worker thread: the directly-follows graph and the variants, which need only the activity and time columns
 * of a case index, computed from SharedArrayBuffer columns (see `in-worker.ts`) while the main thread
 * computes the others. The split is by measured time: on the 10M-event test CSV the graph and the variants
 * take 1.2 s on one core and the main thread's share (case figures, rework, hand-offs, silences, channels,
 * avoidable contact...) about as long; with the case figures and rework here too the main thread waited
 * 0.3–0.7 s for this one. The worker starts as soon as the activity and time columns are in case order
 * (`buildCaseIndex`'s `whenOrdered`), while the main thread still moves the other columns.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CaseIndex } from '../model/case-index';
import { computeDfg, type Dfg } from './dfg';
import { computeVariants, type Variants } from './variants';

/** The control word: claimed by nobody yet, by the worker, done, taken by the main thread, failed. */
export const Claim = { Open: 0, Worker: 1, Done: 2, Main: 3, Failed: 4 } as const;

export interface WorkerJob {
  readonly activity: Int32Array;
  readonly time: Float64Array;
  readonly caseStart: Int32Array;
  readonly cases: number;
  readonly events: number;
  readonly activityNames: readonly string[];
  readonly topVariants: number;
}

export interface WorkerMetrics {
  readonly dfg: Dfg;
  readonly variants: Variants;
}

/** The worker's metrics over an index (or the part of one a job carries). */
export function workerMetrics(index: CaseIndex, topVariants: number): WorkerMetrics {
  return { dfg: computeDfg(index), variants: computeVariants(index, topVariants) };
}

/** A job as much of a case index as those metrics read. */
function indexOf(job: WorkerJob): CaseIndex {
  const names = job.activityNames;
  const store = { activities: { size: names.length, values: () => names } };
  return { ...job, store } as unknown as CaseIndex;
}

const data = workerData as Partial<{ metricsPort: MessagePort; control: Int32Array }> | null;
if (parentPort && data?.metricsPort && data.control) {
  const { metricsPort: port, control } = data;
  port.once('message', (job: WorkerJob) => {
    if (Atomics.compareExchange(control, 0, Claim.Open, Claim.Worker) !== Claim.Open) {
      port.close();
      return;
    }
    try {
      const m = workerMetrics(indexOf(job), job.topVariants);
      port.postMessage(m, [m.variants.variantOfCase.buffer as ArrayBuffer]);
      Atomics.store(control, 0, Claim.Done);
    } catch {
      Atomics.store(control, 0, Claim.Failed);
    }
    Atomics.notify(control, 0);
    port.close();
  });
}
