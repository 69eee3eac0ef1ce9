/**
 * Worker thread: the metrics that need only the activity and time columns of a case index (case
 * figures, directly-follows graph, variants, rework), computed from SharedArrayBuffer columns
 * (see `in-worker.ts`) while the main thread computes the others.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CaseIndex } from '../model/case-index';
import { computeCaseFigures, type CaseFigures } from './cases';
import { computeDfg, type Dfg } from './dfg';
import { computeRework, type Rework } from './rework';
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
  readonly cases: CaseFigures;
  readonly dfg: Dfg;
  readonly variants: Variants;
  readonly rework: Rework;
}

/** The worker's metrics over an index (or the part of one a job carries). */
export function workerMetrics(index: CaseIndex, topVariants: number): WorkerMetrics {
  return {
    cases: computeCaseFigures(index),
    dfg: computeDfg(index),
    variants: computeVariants(index, topVariants),
    rework: computeRework(index),
  };
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
      const arrays: (Int32Array | Float64Array)[] = [
        m.cases.eventsOfCase,
        m.cases.durationOfCase,
        m.cases.startOfCase,
        m.variants.variantOfCase,
        m.rework.reworkOfCase,
      ];
      port.postMessage(m, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
      Atomics.store(control, 0, Claim.Done);
    } catch {
      Atomics.store(control, 0, Claim.Failed);
    }
    Atomics.notify(control, 0);
    port.close();
  });
}
