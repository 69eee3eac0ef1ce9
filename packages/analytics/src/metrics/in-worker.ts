import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { CaseIndex, TimeGatherer, TimeGatherJob } from '../model/case-index';
import { startWorker } from '../model/start-worker';
import {
  Claim,
  Gather,
  READY,
  SEGMENTS,
  workerMetrics,
  type SegmentsJob,
  type WorkerJob,
  type WorkerMetrics,
} from './metrics-worker';
import type { Labels, SegmentBy } from './segments';

/**
 * The directly-follows graph, the variants, the case figures and (given this thread's share of their
 * figures, `segments`) the segments computed by a worker thread (the second core) while the caller computes
 * the other metrics. The worker is started before the case index
 * is built, so its start-up overlaps that; it reads the index's columns from SharedArrayBuffers (no
 * copy). Whoever claims the job first computes it: when the worker has not taken it by the time
 * `result()` is called (or could not start, or failed), this thread computes it itself, so the answer is
 * the same either way and never much later than without the worker. Synchronous for the caller: it
 * waits on an Atomics word and reads the answer with receiveMessageOnPort.
 */
export class MetricsInWorker {
  private readonly worker: Worker | undefined;
  private readonly port: MessagePort;
  /** The claim on the job, the time column's gather, whether the index is ready, and the segments' job (see metrics-worker). */
  private readonly control = new Int32Array(new SharedArrayBuffer(16));
  private index: CaseIndex | undefined;
  private topVariants = 20;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    try {
      const data = { metricsPort: port2, control: this.control };
      this.worker = startWorker(import.meta.url, 'metrics-worker', data, [port2]);
      this.worker.unref();
      this.worker.on('error', () => Atomics.compareExchange(this.control, 0, Claim.Open, Claim.Main));
    } catch {
      this.worker = undefined;
      Atomics.store(this.control, 0, Claim.Main);
    }
  }

  /**
   * For `buildCaseIndex`: the worker gathers the time column into case order while the caller moves the
   * others, then computes its metrics once the caller says the index is ready. Give it the index built
   * (`indexed`) before asking for the `result`.
   */
  gatherer(activityNames: readonly string[], topVariants: number): TimeGatherer {
    this.topVariants = topVariants;
    return {
      offer: (job) => this.offer(job, activityNames, topVariants),
      gathered: () => this.gathered(),
      ready: () => this.ready(),
    };
  }

  /** The index the gatherer's job was for (what this thread computes from when the worker did not). */
  indexed(index: CaseIndex): void {
    this.index = index;
  }

  private offer(job: TimeGatherJob, activityNames: readonly string[], topVariants: number): void {
    const shareable = (a: Int32Array | Float64Array | undefined) =>
      !a || a.buffer instanceof SharedArrayBuffer;
    // columns that are not shared would be copied to the worker: this thread gathers the time then
    const gather = shareable(job.source) && shareable(job.order);
    if (!gather) Atomics.store(this.control, 1, Gather.Main);
    if (!this.worker) return;
    const message: WorkerJob = {
      activity: job.activity,
      time: job.into,
      caseStart: job.caseStart,
      cases: job.cases,
      events: job.events,
      activityNames,
      topVariants,
      ...(gather ? { source: job.source, ...(job.order ? { order: job.order } : {}) } : {}),
    };
    this.port.postMessage(message);
  }

  private gathered(): 'in order' | 'out of order' | 'not taken' {
    let state = Atomics.compareExchange(this.control, 1, Gather.Open, Gather.Main) as number;
    // the worker is gathering: wait (bounded, in case it died; were it still writing, it writes the same values)
    for (let waited = 0; state === Gather.Worker && waited < 600; waited++) {
      Atomics.wait(this.control, 1, Gather.Worker, 1000);
      state = Atomics.load(this.control, 1);
    }
    return state === Gather.InOrder ? 'in order' : state === Gather.OutOfOrder ? 'out of order' : 'not taken';
  }

  private ready(): void {
    Atomics.store(this.control, READY, 1);
    Atomics.notify(this.control, READY);
  }

  /**
   * Sends the worker this thread's share of the segments' figures: it cuts the segments after its own
   * metrics, and `result()` carries them. Without this call the worker sends no segments.
   */
  segments(job: SegmentsJob): void {
    if (Atomics.load(this.control, SEGMENTS) !== 0) return;
    if (this.worker) this.port.postMessage(sharedJob(job));
    this.segmentsSent();
  }

  private segmentsSent(): void {
    Atomics.store(this.control, SEGMENTS, 1);
    Atomics.notify(this.control, SEGMENTS);
  }

  /** Who took the job so far: the worker, this thread, or nobody yet. */
  get claimedBy(): 'worker' | 'this thread' | undefined {
    const state = Atomics.load(this.control, 0) as number;
    return state === Claim.Open ? undefined : state === Claim.Main ? 'this thread' : 'worker';
  }

  /** Who gathered the time column (see `gatherer`): the worker, this thread, or nobody yet. */
  get timeGatheredBy(): 'worker' | 'this thread' | undefined {
    const state = Atomics.load(this.control, 1) as number;
    return state === Gather.Open ? undefined : state === Gather.Main ? 'this thread' : 'worker';
  }

  /** The worker's results, or this thread's own when the worker did not take the job. */
  result(): WorkerMetrics {
    // a worker waiting for the segments' job is told there is none
    if (Atomics.load(this.control, SEGMENTS) === 0) this.segmentsSent();
    let state = Atomics.compareExchange(this.control, 0, Claim.Open, Claim.Main) as number;
    // a worker that claimed the job may still be working: wait (bounded, in case it died)
    for (let waited = 0; state === Claim.Worker && waited < 600; waited++) {
      Atomics.wait(this.control, 0, Claim.Worker, 1000);
      state = Atomics.load(this.control, 0);
    }
    const message = state === Claim.Done ? receiveMessageOnPort(this.port) : undefined;
    this.dispose();
    if (message) return message.message as WorkerMetrics;
    return workerMetrics(this.index as CaseIndex, this.topVariants);
  }

  /** Stops the worker (also when the analysis failed before asking for the result). */
  dispose(): void {
    this.port.close();
    void this.worker?.terminate();
  }
}

/**
 * The job with its arrays copied into SharedArrayBuffers, which a message passes as they are: ordinary arrays
 * are copied into the message here and out of it again by the worker, which finishes last (on the 10M-event
 * CSV's million cases: the post took this thread 70–120 ms, the shared copies 60–70 ms, and the worker's
 * segments took 0.26–0.31 s rather than 0.31–0.42 s).
 */
function sharedJob(job: SegmentsJob): SegmentsJob {
  const labels: SegmentsJob['labels'] = {};
  for (const [by, l] of Object.entries(job.labels) as [SegmentBy, Labels][])
    labels[by] = { of: shared(l.of), names: l.names };
  return {
    by: job.by,
    labels,
    contacts: shared(job.contacts),
    avoidable: shared(job.avoidable),
    ...(job.handoffs ? { handoffs: shared(job.handoffs) } : {}),
    ...(job.cost ? { cost: shared(job.cost) } : {}),
  };
}

function shared<T extends Int32Array | Float64Array>(a: T): T {
  const copy = new (a.constructor as new (buffer: SharedArrayBuffer) => T)(
    new SharedArrayBuffer(a.byteLength),
  );
  copy.set(a);
  return copy;
}
