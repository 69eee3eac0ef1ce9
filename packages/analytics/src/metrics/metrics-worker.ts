/**
 * Worker thread: the directly-follows graph, the variants and the case figures, which need only the activity
 * and time columns of a case index, computed from SharedArrayBuffer columns (see `in-worker.ts`) while the
 * main thread computes the others. The split is by measured time (the 10M-event test CSV, 2026-12-07): with
 * the graph and the variants alone here the worker finished 0.17 s before the main thread; with the case
 * figures and rework too the main thread waited 0.06–0.14 s for it; with the case figures only, neither waits
 * long. First, while the main thread gathers the activity column into case order and
 * moves the others, the worker gathers the time column (the slowest to move: 0.3 s of the 10M-event CSV) and
 * checks whether any case is out of time order (`MetricsInWorker.gatherer`); it starts on its metrics once
 * the main thread says every column is final (word 2, after sorting any case out of order). Last, it cuts the
 * segments from its case figures and the main thread's share of theirs (`SegmentsJob`, sent as soon as the
 * main thread has them, word 3), while the main thread computes the rest of its metrics: they took 0.3 s
 * after both threads had finished; the metrics' part of the 10M-event CSV went from 1.24 to 1.17 s and from
 * 1.25 to 1.19 s (medians of 8 and of 6 interleaved runs). With the case figures on the main thread instead, to be sent
 * with its share, the main thread sent it later than the worker was ready, and nothing was gained.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { casesOutOfTimeOrder, gatherFloatsInto, type CaseIndex } from '../model/case-index';
import { computeCaseFigures, type CaseFigures } from './cases';
import { computeDfg, type Dfg } from './dfg';
import { segmentsOf, type Labels, type PerCase, type Segment, type SegmentBy } from './segments';
import { computeVariants, type Variants } from './variants';

/** The control word (word 0): claimed by nobody yet, by the worker, done, taken by the main thread, failed. */
export const Claim = { Open: 0, Worker: 1, Done: 2, Main: 3, Failed: 4 } as const;

/**
 * Word 1, the time column's gather (`TimeGatherer`): nobody yet, the worker gathering, gathered with every
 * case in time order, gathered with a case out of order, taken by the main thread, failed in the worker.
 */
export const Gather = { Open: 0, Worker: 1, InOrder: 2, OutOfOrder: 3, Main: 4, Failed: 5 } as const;

/** Word 2: 1 once every column of the index is final (the main thread has sorted the cases out of order). */
export const READY = 2;

/** Word 3: 1 once the main thread has posted the segments' job, or said there is none (`SegmentsJob`). */
export const SEGMENTS = 3;

/**
 * The segments' share of the main thread's figures, sent once it has them: the worker cuts the segments
 * (after its own metrics, while the main thread computes the rest of its own) from these and its case figures.
 */
export interface SegmentsJob {
  readonly by: readonly SegmentBy[];
  /** The labels drawn from the store's columns (`storeLabels`). */
  readonly labels: Partial<Record<SegmentBy, Labels>>;
  readonly contacts: Int32Array;
  readonly avoidable: Int32Array;
  readonly handoffs?: Int32Array;
  readonly cost?: Float64Array;
}

export interface WorkerJob {
  readonly activity: Int32Array;
  readonly time: Float64Array;
  readonly caseStart: Int32Array;
  readonly cases: number;
  readonly events: number;
  readonly activityNames: readonly string[];
  readonly topVariants: number;
  /** The time column to gather into `time` first (in `order`), when the worker is to gather it. */
  readonly source?: Float64Array;
  readonly order?: Int32Array;
}

export interface WorkerMetrics {
  readonly dfg: Dfg;
  readonly variants: Variants;
  readonly cases: CaseFigures;
  /** Only from the worker, when it was sent a `SegmentsJob`. */
  readonly segments?: Partial<Record<SegmentBy, readonly Segment[]>>;
}

/** The worker's metrics over an index (or the part of one a job carries). */
export function workerMetrics(index: CaseIndex, topVariants: number): WorkerMetrics {
  return {
    dfg: computeDfg(index),
    variants: computeVariants(index, topVariants),
    cases: computeCaseFigures(index),
  };
}

/** The per-case figures the segments are cut from: the main thread's (in `job`) and the worker's (`m`). */
export function segmentFigures(job: SegmentsJob, m: WorkerMetrics): PerCase {
  return {
    contacts: job.contacts,
    events: m.cases.eventsOfCase,
    durationSeconds: m.cases.durationOfCase,
    startMs: m.cases.startOfCase,
    variant: m.variants.variantOfCase,
    avoidable: job.avoidable,
    ...(job.handoffs ? { handoffs: job.handoffs } : {}),
    ...(job.cost ? { cost: job.cost } : {}),
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
      if (job.source) gatherTime(control, job, job.source);
      // the activity column and the cases out of order are final only once the main thread says so
      while (Atomics.load(control, READY) === 0) Atomics.wait(control, READY, 0, 1000);
      const own = workerMetrics(indexOf(job), job.topVariants);
      // then the segments, once the main thread has sent its share of their figures (or said there are none)
      while (Atomics.load(control, SEGMENTS) === 0) Atomics.wait(control, SEGMENTS, 0, 1000);
      const cut = receiveMessageOnPort(port)?.message as SegmentsJob | undefined;
      const m = cut
        ? { ...own, segments: segmentsOf(job.cases, cut.by, cut.labels, segmentFigures(cut, own)) }
        : own;
      const perCase = [
        m.variants.variantOfCase,
        m.cases.eventsOfCase,
        m.cases.durationOfCase,
        m.cases.startOfCase,
      ];
      port.postMessage(
        m,
        perCase.map((a) => a.buffer as ArrayBuffer),
      );
      Atomics.store(control, 0, Claim.Done);
    } catch {
      Atomics.store(control, 0, Claim.Failed);
      Atomics.compareExchange(control, 1, Gather.Worker, Gather.Failed);
      Atomics.notify(control, 1);
    }
    Atomics.notify(control, 0);
    port.close();
  });
}

/** Gathers the time column into case order unless the main thread took that already, and says whether a case is out of time order. */
function gatherTime(control: Int32Array, job: WorkerJob, source: Float64Array): void {
  if (Atomics.compareExchange(control, 1, Gather.Open, Gather.Worker) !== Gather.Open) return;
  gatherFloatsInto(job.time, source, job.order, job.events);
  const sorted = casesOutOfTimeOrder(job.time, job.caseStart, job.cases).length === 0;
  Atomics.store(control, 1, sorted ? Gather.InOrder : Gather.OutOfOrder);
  Atomics.notify(control, 1);
}
