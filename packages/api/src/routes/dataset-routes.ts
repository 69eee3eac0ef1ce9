import { suggestStepMapping } from '@waymark/analytics';
import type { JourneyId } from '@waymark/core';
import type { StoredDataset } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { route } from '../route-spec';
import {
  analyseBody,
  datasetNotFound,
  filteredResult,
  filterQuery,
  startDatasetImport,
} from './dataset-analysis';
import { jobNotFound, jobsOf } from './dataset-jobs';
import {
  attachBody,
  attachDataset,
  datasetOr404,
  deriveFromDataset,
  detachFrom,
  type AttachmentRecord,
} from './dataset-attach';
import { cleanFileName, datasetDepsOf, discardUpload, pendingUpload, receiveUpload } from './dataset-uploads';
import { audit, journeyBody, userOf, workspaceOf } from './route-helpers';

const base = '/api/workspaces/{ws}/datasets';
const one = `${base}/{datasetId}`;

const datasetBody = (d: StoredDataset, result?: unknown) => ({
  id: d.id,
  name: d.name,
  fileName: d.fileName,
  format: d.format,
  sizeBytes: d.sizeBytes,
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  cases: d.cases,
  events: d.events,
  rejectedRows: d.rejectedRows,
  rejections: d.rejections,
  mapping: d.mapping,
  options: d.options,
  hasRaw: d.hasRaw,
  journeyId: d.journeyId,
  attachment: d.attachment,
  attachedAt: d.attachedAt,
  attachedBy: d.attachedBy,
  result: result ?? d.result,
});

const notAttached = (d: StoredDataset) =>
  new ApiFailure('not_attached', `dataset "${d.id}" is not attached to a journey`, 'datasetId', {}, 409);

/** Event logs in a workspace: upload, map and analyse, filter, attach to a journey, derive a journey (issue 5). */
export function datasetRoutes() {
  return [
    route({
      method: 'post',
      path: `${base}/uploads`,
      tag: 'Datasets',
      summary:
        'Upload an event log (the body is the file: CSV, XES, XES.gz or Parquet; ?name= its file name); streamed to disk; answers its format, columns, first rows and a suggested mapping',
      access: 'editor',
      query: z.strictObject({ name: z.string().max(300).optional() }),
      success: {
        status: 201,
        description: '{uploadId, fileName, size, preview:{format, columns, rows, suggested}}',
      },
      errors: ['invalid_log', 'payload_too_large'],
      async handle(input) {
        const fileName = cleanFileName(input.query['name']);
        const { upload, preview } = await receiveUpload(input, fileName);
        return input.c.json({ uploadId: upload.id, fileName, size: upload.size, preview }, 201);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/uploads/{uploadId}`,
      tag: 'Datasets',
      summary: 'Discard an upload that was not analysed',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['upload_not_found'],
      async handle(input) {
        await discardUpload(input, await pendingUpload(input, input.params['uploadId'] ?? ''));
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: base,
      tag: 'Datasets',
      summary:
        'Start importing an upload with a column mapping, as a job (answered at once; follow it with GET …/datasets/jobs/{jobId}): only mapped columns are read, case ids and the resource column are pseudonymised with the workspace key, the analysis runs in a worker thread with a memory ceiling, one import at a time per server (the rest queue). The dataset is stored only when the import completes; the upload is then deleted unless keepRaw',
      access: 'editor',
      body: analyseBody,
      success: {
        status: 202,
        description:
          'the job: {id, state: queued|running|succeeded|failed|cancelled, phase, bytesRead, bytesTotal, rows, events, queuePosition, datasetId, error, startedBy, createdAt, updatedAt}',
      },
      errors: ['upload_not_found', 'import_running', 'rate_limited'],
      async handle(input) {
        const job = await startDatasetImport(input, input.body);
        await audit(input, 'dataset.import-start', job.id, { file: job.fileName });
        return input.c.json(job, 202);
      },
    }),
    route({
      method: 'get',
      path: `${base}/jobs/{jobId}`,
      tag: 'Datasets',
      summary:
        "An import job's progress (bytes read of the file, rows, phase) and outcome (datasetId, or error in plain words). Its starter must ask at least every WAYMARK_IMPORT_ABANDON_SECONDS (60) or the job is cancelled as abandoned. Jobs live in memory: a restart forgets them (nothing half-imported is stored; the upload stays for a day)",
      access: 'editor',
      success: { description: 'the job (as POST …/datasets answers)' },
      errors: ['job_not_found'],
      async handle(input) {
        const id = input.params['jobId'] ?? '';
        const job = jobsOf(input).get(workspaceOf(input), id, userOf(input).id);
        if (!job) throw jobNotFound(id);
        return input.c.json(job);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/jobs/{jobId}`,
      tag: 'Datasets',
      summary:
        'Cancel a queued or running import job: its worker is stopped, nothing is stored, the upload stays (for another try or to discard). Only the person who started it, or a workspace owner, may cancel it',
      access: 'editor',
      success: { description: 'the job, now cancelled' },
      errors: ['job_not_found', 'forbidden', 'job_finished'],
      async handle(input) {
        const id = input.params['jobId'] ?? '';
        const jobs = jobsOf(input);
        const job = jobs.get(workspaceOf(input), id);
        if (!job) throw jobNotFound(id);
        if (job.startedBy !== userOf(input).id && input.workspace?.role !== 'owner')
          throw fail(
            'forbidden',
            'only the person who started this import, or an owner of the workspace, can cancel it',
          );
        if (!(await jobs.cancel(workspaceOf(input), id, 'cancelled')))
          throw new ApiFailure(
            'job_finished',
            job.phase === 'storing'
              ? 'the import is being saved and can no longer be cancelled; delete the dataset once it appears'
              : `the import has already ${job.state === 'succeeded' ? 'finished' : job.state === 'failed' ? 'failed' : 'been cancelled'}`,
            'jobId',
            { job },
            409,
          );
        await audit(input, 'dataset.import-cancel', id);
        return input.c.json(jobs.get(workspaceOf(input), id));
      },
    }),
    route({
      method: 'get',
      path: base,
      tag: 'Datasets',
      summary: 'The event logs of the workspace, newest first',
      access: 'viewer',
      success: {
        description:
          '{items:[{id,name,fileName,format,sizeBytes,createdAt,createdBy,cases,events,rejectedRows,hasRaw,journeyId}]}',
      },
      async handle(input) {
        return input.c.json({ items: await datasetDepsOf(input).store.listDatasets(workspaceOf(input)) });
      },
    }),
    route({
      method: 'get',
      path: one,
      tag: 'Datasets',
      summary:
        'One dataset with its analysis; from=/to= (YYYY-MM-DD, by case start), channel=, org= (of the first event that has one) and variant= (rank) recompute it for the matching cases',
      access: 'viewer',
      query: filterQuery,
      success: { description: 'the dataset, result = the (filtered) analysis' },
      errors: ['dataset_not_found'],
      async handle(input) {
        const d = await datasetOr404(input);
        const filter = filterQuery.parse(input.query);
        return input.c.json(datasetBody(d, await filteredResult(input, workspaceOf(input), d.id, filter)));
      },
    }),
    route({
      method: 'delete',
      path: one,
      tag: 'Datasets',
      summary: 'Delete a dataset (its figures are taken off the journey it is attached to)',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['dataset_not_found'],
      async handle(input) {
        const d = await datasetOr404(input);
        if (d.journeyId) await detachFrom(input, d, d.journeyId);
        if (!(await datasetDepsOf(input).store.deleteDataset(workspaceOf(input), d.id)))
          throw datasetNotFound(d.id);
        await audit(input, 'dataset.delete', d.id);
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: `${one}/raw`,
      tag: 'Datasets',
      summary: 'Download the uploaded file, when it was kept (it is not pseudonymised)',
      access: 'editor',
      success: { description: 'the file', mediaType: 'application/octet-stream' },
      errors: ['dataset_not_found', 'raw_not_kept'],
      async handle(input) {
        const d = await datasetOr404(input);
        const raw = await datasetDepsOf(input).store.getRaw(workspaceOf(input), d.id);
        if (!raw)
          throw new ApiFailure(
            'raw_not_kept',
            'the uploaded file of this dataset was not kept',
            null,
            {},
            404,
          );
        await audit(input, 'dataset.raw-download', d.id);
        return input.c.body(raw.bytes as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename="${raw.fileName.replace(/"/g, '')}"`,
        });
      },
    }),
    route({
      method: 'delete',
      path: `${one}/raw`,
      tag: 'Datasets',
      summary: 'Delete the kept upload (the analysis and pseudonymised events stay)',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['dataset_not_found', 'raw_not_kept'],
      async handle(input) {
        const d = await datasetOr404(input);
        if (!(await datasetDepsOf(input).store.deleteRaw(workspaceOf(input), d.id)))
          throw new ApiFailure(
            'raw_not_kept',
            'the uploaded file of this dataset was not kept',
            null,
            {},
            404,
          );
        await audit(input, 'dataset.raw-delete', d.id);
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'get',
      path: `${one}/attachment/suggestion`,
      tag: 'Datasets',
      summary: 'Suggest a step of ?journeyId= for each activity of the log, by name',
      access: 'viewer',
      query: z.strictObject({ journeyId: z.string().min(1).max(100) }),
      success: {
        description: '{journey:{id,version,title}, columns:[{id,label}], activities:[{activity, suggested}]}',
      },
      errors: ['dataset_not_found', 'journey_not_found'],
      async handle(input) {
        const d = await datasetOr404(input);
        const id = input.query['journeyId'] as JourneyId;
        const j = await input.deps.journeys.getJourney(workspaceOf(input), id);
        if (!j)
          throw fail('journey_not_found', `journeyId: no journey "${id}" in this workspace`, 'journeyId');
        const activities = activityNames(d);
        const current = d.journeyId === j.id ? ((d.attachment as AttachmentRecord | null)?.steps ?? {}) : {};
        const suggested = suggestStepMapping(activities, j.journey);
        return input.c.json({
          journey: { id: j.id, version: j.version, title: j.journey.meta.title },
          columns: j.journey.columns.map((c) => ({ id: c.id, label: c.label })),
          activities: activities.map((a) => ({ activity: a, suggested: current[a] ?? suggested[a] ?? null })),
        });
      },
    }),
    route({
      method: 'put',
      path: `${one}/attachment`,
      tag: 'Datasets',
      summary:
        'Attach to a journey with an activity → step mapping: the measured figures become metric cards (from a log) on its steps, as one journey version',
      access: 'editor',
      body: attachBody,
      success: { description: '{dataset, journey:{id,version}, measures, warnings}' },
      errors: ['dataset_not_found', 'journey_not_found', 'version_conflict'],
      async handle(input) {
        const d = await datasetOr404(input);
        const out = await attachDataset(input, d, input.body);
        await audit(input, 'dataset.attach', d.id, {
          journeyId: input.body.journeyId,
          version: out.journey.version,
        });
        return input.c.json({ ...out, dataset: datasetBody(out.dataset) });
      },
    }),
    route({
      method: 'post',
      path: `${one}/attachment/refresh`,
      tag: 'Datasets',
      summary: "Write the dataset's figures again onto the journey it is attached to (same mapping)",
      access: 'editor',
      body: z.strictObject({ baseVersion: z.number().int().min(1) }),
      success: { description: '{dataset, journey:{id,version}, measures, warnings}' },
      errors: ['dataset_not_found', 'journey_not_found', 'version_conflict', 'not_attached'],
      async handle(input) {
        const d = await datasetOr404(input);
        const record = d.attachment as AttachmentRecord | null;
        if (!d.journeyId || !record) throw notAttached(d);
        const out = await attachDataset(input, d, {
          journeyId: d.journeyId,
          baseVersion: input.body.baseVersion,
          steps: record.steps,
        });
        await audit(input, 'dataset.refresh', d.id, { journeyId: d.journeyId, version: out.journey.version });
        return input.c.json({ ...out, dataset: datasetBody(out.dataset) });
      },
    }),
    route({
      method: 'delete',
      path: `${one}/attachment`,
      tag: 'Datasets',
      summary:
        'Detach from the journey: its lane, figures and source are removed (?baseVersion= the journey version you saw)',
      access: 'editor',
      query: z.strictObject({ baseVersion: z.coerce.number().int().min(1) }),
      success: { description: '{journey:{id,version}|null}' },
      errors: ['dataset_not_found', 'version_conflict', 'not_attached'],
      async handle(input) {
        const d = await datasetOr404(input);
        if (!d.journeyId) throw notAttached(d);
        const journey = await detachFrom(input, d, d.journeyId, Number(input.query['baseVersion']));
        await audit(input, 'dataset.detach', d.id, { journeyId: d.journeyId });
        return input.c.json({ journey });
      },
    }),
    route({
      method: 'post',
      path: `${one}/journey`,
      tag: 'Datasets',
      summary:
        'Derive a new as-is journey from the dataset (steps from the main paths, measured figures on each)',
      access: 'editor',
      body: z.strictObject({ title: z.string().trim().min(1).max(200) }),
      success: { status: 201, description: '{id, version, journey, updatedAt}' },
      errors: ['dataset_not_found', 'invalid_journey'],
      async handle(input) {
        const d = await datasetOr404(input);
        const stored = await deriveFromDataset(input, d, input.body.title);
        await audit(input, 'dataset.derive', d.id, { journeyId: stored.id });
        return input.c.json(journeyBody(stored), 201);
      },
    }),
  ];
}

/** The activities of the log, most frequent first (from the stored analysis: edges, starts and ends). */
function activityNames(d: StoredDataset): string[] {
  const r = d.result as {
    dfg: {
      edges: { from: string; to: string; count: number }[];
      startActivities: Record<string, number>;
      endActivities: Record<string, number>;
    };
  };
  const seen = new Map<string, number>();
  const add = (a: string, n: number) => seen.set(a, (seen.get(a) ?? 0) + n);
  for (const e of r.dfg.edges) add(e.to, e.count);
  for (const [a, n] of Object.entries(r.dfg.startActivities)) add(a, n);
  return [...seen].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([a]) => a);
}
