import {
  defaultImportLimits,
  ImportError,
  ImportJobStopped,
  startImportJob,
  type ColumnMapping,
  type ImportJobHandle,
  type ImportJobOutcome,
  type ImportPhase,
} from '@waymark/analytics';
import type { UserId, WorkspaceId } from '@waymark/store';
import type { z } from 'zod';
import { ApiFailure } from '../api-error';
import type { DatasetDeps } from '../deps';
import type { RouteInput } from '../route-spec';
import type { analyseBody } from './dataset-analysis';
import { datasetDepsOf, logFailure, type PendingUpload } from './dataset-uploads';
import { userOf, workspaceOf } from './route-helpers';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** What GET …/datasets/jobs/{jobId} answers: where the import is, and how it ended. */
export interface JobView {
  readonly id: string;
  readonly state: JobState;
  readonly phase: 'queued' | ImportPhase | 'storing' | 'done';
  readonly name: string;
  readonly fileName: string;
  /** Bytes of the uploaded file read so far, of `bytesTotal` (compressed bytes for a .gz). */
  readonly bytesRead: number;
  readonly bytesTotal: number;
  /** Rows read and events kept, once the file has been read. */
  readonly rows: number | null;
  readonly events: number | null;
  /** Jobs ahead of this one while it is queued. */
  readonly queuePosition: number | null;
  readonly datasetId: string | null;
  readonly error: { code: string; message: string; [extra: string]: unknown } | null;
  readonly startedBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Stores an outcome as a dataset (in the request's context); returns the dataset's id. */
export type StoreOutcome = (outcome: ImportJobOutcome) => Promise<string>;

interface Job {
  view: { -readonly [K in keyof JobView]: JobView[K] };
  readonly workspaceId: WorkspaceId;
  readonly uploadId: string;
  readonly spec: Omit<Parameters<typeof startImportJob>[0], 'key'>;
  readonly key: () => Promise<Uint8Array | string>;
  readonly store: StoreOutcome;
  /** When the starter last asked after it (ms, the API's clock). */
  seenAt: number;
  finishedAt: number | null;
  handle: ImportJobHandle | null;
}

export interface JobSettings {
  /** Imports run at once; the rest wait their turn (default 1: a 2-core server keeps a core for requests). */
  readonly concurrency: number;
  /** Heap of an import's worker thread, MB (WAYMARK_IMPORT_MEMORY_MB, default 2048). */
  readonly memoryMb: number;
  /** A job whose starter has not asked after it for this long is cancelled as abandoned (default 60). */
  readonly abandonSeconds: number;
  /** Imports one person may have queued or running (default 3). */
  readonly perPerson: number;
  /** How much lower an import's CPU priority is than the server's (WAYMARK_IMPORT_NICE, default 10). */
  readonly nice?: number;
}

export const defaultJobSettings: JobSettings = {
  concurrency: 1,
  memoryMb: 2048,
  abandonSeconds: 60,
  perPerson: 3,
};
/** Finished jobs are kept this long for their starter to read the outcome. */
const KEEP_FINISHED_MS = 3_600_000;

/**
 * Dataset imports as jobs (issue 9 §3), in memory: a restart forgets them, and as the dataset row is written
 * only when an import is complete, a job cut off by a restart leaves nothing behind but its upload (kept for
 * a day, so the import can be started again).
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly settings: JobSettings,
    private readonly clock: () => Date,
  ) {}

  private now(): number {
    return this.clock().getTime();
  }

  /** Queues an import; it starts at once when a slot is free. */
  start(args: {
    id: string;
    workspaceId: WorkspaceId;
    startedBy: UserId;
    upload: PendingUpload;
    name: string;
    spec: Job['spec'];
    key: Job['key'];
    store: StoreOutcome;
  }): JobView {
    this.sweep();
    const active = [...this.jobs.values()].filter((j) => j.finishedAt === null);
    const same = active.find((j) => j.workspaceId === args.workspaceId && j.uploadId === args.upload.id);
    if (same)
      throw new ApiFailure(
        'import_running',
        `this upload is already being imported (job "${same.view.id}"); wait for it to finish or cancel it`,
        'uploadId',
        { job: this.view(same) },
        409,
      );
    if (active.filter((j) => j.view.startedBy === args.startedBy).length >= this.settings.perPerson)
      throw new ApiFailure(
        'rate_limited',
        `you have ${this.settings.perPerson} imports waiting or running; wait for one to finish, or cancel one, before starting another`,
        null,
        {},
        429,
      );
    const at = this.clock().toISOString();
    const job: Job = {
      view: {
        id: args.id,
        state: 'queued',
        phase: 'queued',
        name: args.name,
        fileName: args.upload.fileName,
        bytesRead: 0,
        bytesTotal: args.upload.size,
        rows: null,
        events: null,
        queuePosition: null,
        datasetId: null,
        error: null,
        startedBy: args.startedBy,
        createdAt: at,
        updatedAt: at,
      },
      workspaceId: args.workspaceId,
      uploadId: args.upload.id,
      spec: args.spec,
      key: args.key,
      store: args.store,
      seenAt: this.now(),
      finishedAt: null,
      handle: null,
    };
    this.jobs.set(job.view.id, job);
    this.queue.push(job);
    this.pump();
    this.watch();
    return this.view(job);
  }

  /** The job, if it is in this workspace; asked by its starter, it counts as still wanted. */
  get(workspaceId: WorkspaceId, id: string, askedBy?: UserId): JobView | null {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || job.workspaceId !== workspaceId) return null;
    if (askedBy === job.view.startedBy) job.seenAt = this.now();
    return this.view(job);
  }

  /** Cancels a queued or running job (nothing is stored; the upload stays). False when it had finished. */
  async cancel(workspaceId: WorkspaceId, id: string, reason: 'cancelled' | 'abandoned'): Promise<boolean> {
    const job = this.jobs.get(id);
    if (!job || job.workspaceId !== workspaceId || job.finishedAt !== null) return false;
    if (job.view.phase === 'storing') return false;
    const q = this.queue.indexOf(job);
    if (q >= 0) this.queue.splice(q, 1);
    this.finish(job, 'cancelled', {
      code: reason,
      message:
        reason === 'abandoned'
          ? `the import was cancelled because nobody had asked after it for ${this.settings.abandonSeconds} seconds (the page was closed?); nothing was stored and the upload is kept for a day, so it can be started again`
          : 'the import was cancelled; nothing was stored and the upload is kept for a day, so it can be started again',
    });
    await job.handle?.cancel();
    return true;
  }

  /** Cancels the jobs nobody has asked after, and forgets jobs finished long ago. */
  sweep(): void {
    const now = this.now();
    for (const job of this.jobs.values()) {
      if (job.finishedAt === null && now - job.seenAt > this.settings.abandonSeconds * 1000)
        void this.cancel(job.workspaceId, job.view.id, 'abandoned');
      else if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS)
        this.jobs.delete(job.view.id);
    }
  }

  /** How many imports are running now (each in its own worker thread). */
  get runningNow(): number {
    return this.running;
  }

  /** How many imports are queued or running. */
  get active(): number {
    return [...this.jobs.values()].filter((j) => j.finishedAt === null).length;
  }

  private view(job: Job): JobView {
    const q = this.queue.indexOf(job);
    return { ...job.view, queuePosition: q >= 0 ? q : null };
  }

  /** A timer checks for abandoned jobs while any is active; it never keeps the process alive. */
  private watch(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.sweep();
      if (this.active === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    }, 5_000);
    this.timer.unref();
  }

  private pump(): void {
    while (this.running < this.settings.concurrency && this.queue.length > 0) {
      const job = this.queue.shift() as Job;
      this.running++;
      void this.run(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private update(job: Job, patch: Partial<Job['view']>): void {
    Object.assign(job.view, patch, { updatedAt: this.clock().toISOString() });
  }

  private finish(job: Job, state: 'succeeded' | 'failed' | 'cancelled', error: Job['view']['error']): void {
    if (job.finishedAt !== null) return;
    job.finishedAt = this.now();
    this.update(job, { state, phase: 'done', error });
  }

  private async run(job: Job): Promise<void> {
    if (job.finishedAt !== null) return;
    this.update(job, { state: 'running', phase: 'reading' });
    try {
      const handle = startImportJob(
        { ...job.spec, key: await job.key() },
        {
          memoryMb: this.settings.memoryMb,
          ...(this.settings.nice !== undefined ? { nice: this.settings.nice } : {}),
          onProgress: (p) =>
            this.update(job, {
              phase: p.phase,
              bytesRead: p.bytesRead,
              ...(p.rows !== undefined ? { rows: p.rows } : {}),
              ...(p.events !== undefined ? { events: p.events } : {}),
            }),
        },
      );
      job.handle = handle;
      if (job.finishedAt !== null) await handle.cancel(); // cancelled while the key was read
      const outcome = await handle.done;
      if (job.finishedAt !== null) return;
      this.update(job, {
        phase: 'storing',
        bytesRead: job.view.bytesTotal,
        rows: outcome.report.rows,
        events: outcome.result?.log.events ?? 0,
      });
      const datasetId = await job.store(outcome);
      this.update(job, { datasetId });
      this.finish(job, 'succeeded', null);
    } catch (e) {
      if (job.finishedAt !== null) return; // cancelled: the job already says so
      this.finish(job, 'failed', failureOf(e));
    }
  }
}

/** The job's error in the API's words: the log's problem (line, reason) or why the import stopped. */
function failureOf(e: unknown): NonNullable<JobView['error']> {
  if (e instanceof ImportJobStopped)
    return { code: e.code === 'crashed' ? 'internal_error' : e.code, message: e.message };
  const failure = e instanceof ImportError ? logFailure(e) : e;
  if (failure instanceof ApiFailure)
    return { code: failure.code, message: failure.message, path: failure.path, ...failure.extra };
  console.error('dataset import failed:', e);
  return {
    code: 'internal_error',
    message:
      'the import failed on the server; nothing was stored. Try again, and tell your administrator if it fails again',
  };
}

const registry = new WeakMap<DatasetDeps, ImportJobs>();

/** The import jobs of this API's dataset storage (one set per server). */
export function jobsOf(input: RouteInput<unknown>): ImportJobs {
  const deps = datasetDepsOf(input);
  let jobs = registry.get(deps);
  if (!jobs) {
    jobs = new ImportJobs({ ...defaultJobSettings, ...deps.importJobs }, input.deps.clock);
    registry.set(deps, jobs);
  }
  return jobs;
}

export const jobNotFound = (id: string) =>
  new ApiFailure(
    'job_not_found',
    `no import job "${id}" in this workspace: finished jobs are kept for an hour, and a restart of the server forgets every job (an import cut off by a restart stores nothing; its upload is kept for a day, so start the import again)`,
    'jobId',
    {},
    404,
  );

/** Starts the import of a pending upload as a job (the dataset is stored by `store` when it completes). */
export function startImport(
  input: RouteInput<unknown>,
  upload: PendingUpload,
  body: z.output<typeof analyseBody>,
  mapping: ColumnMapping,
  store: StoreOutcome,
): JobView {
  const deps = datasetDepsOf(input);
  const ws = workspaceOf(input);
  return jobsOf(input).start({
    id: input.deps.newId(),
    workspaceId: ws,
    startedBy: userOf(input).id,
    upload,
    name: body.name,
    spec: {
      path: upload.path,
      mapping,
      limits: deps.importLimits ?? defaultImportLimits,
      ...(body.zone ? { zone: body.zone } : {}),
      ...(body.dateOrder ? { dateOrder: body.dateOrder } : {}),
    },
    key: () => deps.keyring.keyFor(ws),
    store,
  });
}
