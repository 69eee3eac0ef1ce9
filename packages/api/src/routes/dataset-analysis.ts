import { readFile } from 'node:fs/promises';
import {
  analyseLog,
  buildCaseIndex,
  computeValueAdded,
  decodeEvents,
  filterCases,
  isEmptyFilter,
  toJsonReport,
  type CaseFilter,
  type ColumnMapping,
  type ImportJobOutcome,
  type DimensionName,
  type OutcomeRule,
} from '@waymark/analytics';
import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import type { RouteInput } from '../route-spec';
import { startImport, type JobView } from './dataset-jobs';
import { datasetDepsOf, discardUpload, pendingUpload, type PendingUpload } from './dataset-uploads';
import { audit, nowIso, userOf, workspaceOf } from './route-helpers';

const column = z.string().trim().min(1).max(200);
export const mappingSchema = z.strictObject({
  case: column,
  activity: column,
  timestamp: column,
  start: column.optional(),
  channel: column.optional(),
  org: column.optional(),
  resource: column.optional(),
  outcome: column.optional(),
  cost: column.optional(),
});

export const analyseBody = z.strictObject({
  uploadId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(200),
  mapping: mappingSchema,
  /** IANA zone for times without an offset (default UTC). */
  zone: z.string().min(1).max(64).optional(),
  dateOrder: z.enum(['iso', 'dmy', 'mdy']).optional(),
  /** Keep the uploaded file (it holds the un-pseudonymised data); by default it is deleted after the import. */
  keepRaw: z.boolean().default(false),
});

const isoDay = z.iso.date({ error: 'expected a day as YYYY-MM-DD' });
export const filterQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
  channel: z.string().min(1).max(200).optional(),
  org: z.string().min(1).max(200).optional(),
  variant: z.coerce.number().int().min(1).max(10_000).optional(),
  /** The Successful Customer Outcome as an activity: the share of cases reaching it and how long they take. */
  sco: z.string().min(1).max(300).optional(),
  /** The Successful Customer Outcome as a condition `column=value` (channel, org, resource, outcome, lifecycle). */
  scoWhen: z
    .string()
    .max(400)
    .regex(/^\s*(channel|org|resource|outcome|lifecycle)\s*=\s*\S.*$/, {
      error: 'expected column=value, the column one of channel, org, resource, outcome, lifecycle',
    })
    .optional(),
});

/** The rule asked for (`sco`, else `scoWhen`), else the attached journey's stored one, else none. */
function outcomeRuleOf(
  filter: { readonly sco?: string; readonly scoWhen?: string },
  stored: OutcomeRule | undefined,
): OutcomeRule | undefined {
  if (filter.sco !== undefined) return { activity: filter.sco };
  if (filter.scoWhen !== undefined) {
    const at = filter.scoWhen.indexOf('=');
    return {
      dimension: filter.scoWhen.slice(0, at).trim() as DimensionName,
      value: filter.scoWhen.slice(at + 1).trim(),
    };
  }
  return stored;
}

export const datasetNotFound = (id: string) =>
  new ApiFailure('dataset_not_found', `no dataset "${id}" in this workspace`, 'datasetId', {}, 404);

/**
 * Starts importing the pending upload with the user's mapping, as a job (dataset-jobs.ts): only mapped columns
 * are read; case ids and people's names are pseudonymised with the workspace's key; the analysis runs in a
 * worker thread. The dataset is stored only when the import completes, so nothing is stored when it fails,
 * is cancelled or is cut off by a restart; the upload is then kept for another try.
 */
export async function startDatasetImport(
  input: RouteInput<unknown>,
  body: z.output<typeof analyseBody>,
): Promise<JobView> {
  const upload = await pendingUpload(input, body.uploadId);
  const mapping: ColumnMapping = Object.fromEntries(
    Object.entries(body.mapping).filter(([, v]) => v !== undefined),
  );
  return startImport(input, upload, body, mapping, (outcome) =>
    storeDataset(input, upload, body, mapping, outcome),
  );
}

/** Stores an import's outcome as a dataset, deletes the upload and audits it; returns the dataset's id. */
async function storeDataset(
  input: RouteInput<unknown>,
  upload: PendingUpload,
  body: z.output<typeof analyseBody>,
  mapping: ColumnMapping,
  { report, result, eventsBlob }: ImportJobOutcome,
): Promise<string> {
  const deps = datasetDepsOf(input);
  if (!result || !eventsBlob) {
    const first = report.rejections[0];
    throw new ApiFailure(
      'invalid_log',
      report.rows === 0
        ? 'the file has a header but no events'
        : `none of the ${report.rows} rows could be read${first ? `; the first, line ${first.line}${first.field ? ` (${first.field})` : ''}: ${first.reason}` : ''}`,
      first?.field
        ? `mapping.${Object.entries(mapping).find(([, c]) => c === first.field)?.[0] ?? 'timestamp'}`
        : 'body',
      { rows: report.rows, rejections: report.rejections.slice(0, 20) },
      400,
    );
  }
  const raw = body.keepRaw ? new Uint8Array(await readFile(upload.path)) : undefined;
  const id = input.deps.newId();
  const made = await deps.store.createDataset({
    workspaceId: workspaceOf(input),
    id,
    name: body.name,
    fileName: upload.fileName,
    format: report.format,
    sizeBytes: upload.size,
    mapping,
    options: {
      ...(body.zone ? { zone: body.zone } : {}),
      ...(body.dateOrder ? { dateOrder: body.dateOrder } : {}),
    },
    cases: result.log.cases,
    events: result.log.events,
    rejectedRows: report.rejectedRows,
    rejections: report.rejections,
    result,
    eventsBlob,
    ...(raw ? { raw } : {}),
    by: userOf(input).id,
    at: nowIso(input),
  });
  if (!made.ok) throw fail('invalid_request', made.error.message);
  await discardUpload(input, upload);
  await audit(input, 'dataset.create', id, {
    file: upload.fileName,
    events: result.log.events,
    keepRaw: body.keepRaw,
  });
  return id;
}

/**
 * The kept events of the last datasets viewed, decoded. A dataset's events never change (a new import is a new
 * dataset), so this is exact; two entries keep a pair being compared warm without holding many logs in memory.
 */
const decoded = new Map<string, ReturnType<typeof decodeEvents>>();
async function eventsOf(input: RouteInput<unknown>, workspaceId: WorkspaceId, id: string) {
  const key = `${workspaceId}/${id}`;
  const hit = decoded.get(key);
  if (hit) {
    decoded.delete(key);
    decoded.set(key, hit);
    return hit;
  }
  const blob = await datasetDepsOf(input).store.getEvents(workspaceId, id);
  if (!blob) throw datasetNotFound(id);
  const store = decodeEvents(blob);
  decoded.set(key, store);
  while (decoded.size > 2) decoded.delete(decoded.keys().next().value as string);
  return store;
}

/** The analysis of the cases that pass the filter, recomputed from the kept events. */
export async function filteredResult(
  input: RouteInput<unknown>,
  workspaceId: WorkspaceId,
  id: string,
  filter: CaseFilter & { readonly sco?: string; readonly scoWhen?: string },
): Promise<unknown> {
  const found = await datasetDepsOf(input).store.getDataset(workspaceId, id);
  if (!found) throw datasetNotFound(id);
  const { sco, scoWhen, ...cases } = filter;
  const journey = found.journeyId
    ? await input.deps.journeys.getJourney(workspaceId, found.journeyId as JourneyId)
    : undefined;
  const rule = outcomeRuleOf({ sco, scoWhen }, journey?.journey.meta.outcomeRule);
  // the journey's classification of the log's activities gives the value-added ratio (issue 13 item 5)
  const valueClasses = journey?.journey.meta.valueClasses;
  if (isEmptyFilter(cases) && rule === undefined) {
    if (valueClasses === undefined) return found.result;
    // the whole log with the journey's classes: only the ratio is new, so the stored analysis is kept
    const index = buildCaseIndex(await eventsOf(input, workspaceId, id));
    return { ...(found.result as object), valueAdded: computeValueAdded(index, valueClasses) ?? null };
  }
  // filterCases indexes the store in place (a no-op once sorted) and copies the matching cases out
  const analysis = analyseLog(filterCases(await eventsOf(input, workspaceId, id), cases), {
    ...(rule === undefined ? {} : { successfulOutcome: rule }),
    ...(valueClasses === undefined ? {} : { valueClasses }),
  });
  const whole = found.result as { log: Parameters<typeof toJsonReport>[1] & { rejectedRows: number } };
  const report = toJsonReport(analysis, {
    ...whole.log,
    rejectedRows: whole.log.rejectedRows,
    rejections: [],
    warnings: [],
    warningCodes: [],
  });
  return { ...report, filter };
}
