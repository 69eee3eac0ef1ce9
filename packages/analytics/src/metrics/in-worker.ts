import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { CaseIndex } from '../model/case-index';
import { startWorker } from '../model/start-worker';
import { Claim, workerMetrics, type WorkerJob, type WorkerMetrics } from './metrics-worker';

/**
 * The directly-follows graph and the variants computed by a worker thread (the
 * second core) while the caller computes the other metrics. The worker is started before the case index
 * is built, so its start-up overlaps that; it reads the index's columns from SharedArrayBuffers (no
 * copy). Whoever claims the job first computes it: when the worker has not taken it by the time
 * `result()` is called (or could not start, or failed), this thread computes it itself, so the answer is
 * the same either way and never much later than without the worker. Synchronous for the caller: it
 * waits on an Atomics word and reads the answer with receiveMessageOnPort.
 */
export class MetricsInWorker {
  private readonly worker: Worker | undefined;
  private readonly port: MessagePort;
  private readonly control = new Int32Array(new SharedArrayBuffer(4));
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

  /** Hands the indexed columns to the worker; they must be SharedArrayBuffer-backed (buildCaseIndex's `shared`). */
  start(index: CaseIndex, topVariants: number): void {
    this.index = index;
    this.topVariants = topVariants;
    if (!this.worker) return;
    const job: WorkerJob = {
      activity: index.activity,
      time: index.time,
      caseStart: index.caseStart,
      cases: index.cases,
      events: index.events,
      activityNames: index.store.activities.values(),
      topVariants,
    };
    this.port.postMessage(job);
  }

  /** Who took the job so far: the worker, this thread, or nobody yet. */
  get claimedBy(): 'worker' | 'this thread' | undefined {
    const state = Atomics.load(this.control, 0) as number;
    return state === Claim.Open ? undefined : state === Claim.Main ? 'this thread' : 'worker';
  }

  /** The worker's results, or this thread's own when the worker did not take the job. */
  result(): WorkerMetrics {
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
