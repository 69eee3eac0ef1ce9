import {
  attachCommands,
  buildCaseIndex,
  decodeEvents,
  deriveJourney,
  analyseLog,
  detachCommands,
  estimatesAlongside,
  measureSteps,
  type StepMeasure,
} from '@waymark/analytics';
import type { JourneyCommand, JourneyId } from '@waymark/core';
import { costBasisLabel } from '@waymark/measure';
import type { StoredDataset, StoredJourney } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { workspaceCosts } from '../costs/workspace-costs';
import { applyCommands } from '../journeys/apply-commands';
import type { RouteInput } from '../route-spec';
import { datasetNotFound } from './dataset-analysis';
import { datasetDepsOf } from './dataset-uploads';
import { createJourneyIn } from './journey-routes';
import { nowIso, userOf, workspaceOf } from './route-helpers';

export const attachBody = z.strictObject({
  journeyId: z.string().min(1).max(100),
  /** The journey version the mapping was made against; a stale one is a 409. */
  baseVersion: z.number().int().min(1),
  /** Activity name → the id of the step (column) it belongs to; activities left out count towards no step. */
  steps: z
    .record(z.string().max(500), z.string().min(1).max(80))
    .refine((s) => Object.keys(s).length > 0, { error: 'expected at least one activity mapped to a step' }),
});

export interface AttachmentRecord {
  readonly steps: Readonly<Record<string, string>>;
  readonly measures: readonly StepMeasure[];
}

export async function datasetOr404(input: RouteInput<unknown>): Promise<StoredDataset> {
  const id = input.params['datasetId'] ?? '';
  const found = await datasetDepsOf(input).store.getDataset(workspaceOf(input), id);
  if (!found) throw datasetNotFound(id);
  return found;
}

async function liveJourney(input: RouteInput<unknown>, id: string, param: string): Promise<StoredJourney> {
  const found = await input.deps.journeys.getJourney(workspaceOf(input), id as JourneyId);
  if (!found) throw fail('journey_not_found', `${param}: no journey "${id}" in this workspace`, param);
  return found;
}

async function indexOf(input: RouteInput<unknown>, dataset: StoredDataset) {
  const blob = await datasetDepsOf(input).store.getEvents(workspaceOf(input), dataset.id);
  if (!blob) throw datasetNotFound(dataset.id);
  return buildCaseIndex(decodeEvents(blob));
}

/** Applies the commands to the journey as the next version of `baseVersion` (409 when it moved on). */
async function writeJourney(
  input: RouteInput<unknown>,
  journey: StoredJourney,
  baseVersion: number,
  commands: JourneyCommand[],
  detail: Record<string, unknown>,
): Promise<StoredJourney> {
  const conflict = (current: StoredJourney) =>
    new ApiFailure(
      'version_conflict',
      `the journey changed since version ${baseVersion}: it is now at version ${current.version}; check the step mapping against it and try again`,
      'baseVersion',
      { current: { version: current.version, journey: current.journey } },
    );
  if (journey.version !== baseVersion) throw conflict(journey);
  if (commands.length === 0 || (commands[0]?.type === 'batch' && commands[0].commands.length === 0))
    return journey;
  const applied = applyCommands(input.deps.applyCommand, journey.journey, commands);
  if (!applied.ok)
    throw new ApiFailure(applied.error.code, applied.error.message, applied.error.path, {}, 422);
  const stored = await input.deps.journeys.appendVersion({
    workspaceId: workspaceOf(input),
    journey: applied.value,
    kind: 'commands',
    commands,
    detail,
    baseVersion,
    by: userOf(input).id,
    at: nowIso(input),
  });
  if (stored.ok) return stored.value;
  if (stored.error.code === 'version_conflict' && stored.error.current) throw conflict(stored.error.current);
  throw fail('journey_not_found', stored.error.message);
}

/**
 * Attaches (or re-attaches, refreshing the figures) the dataset to a journey: the activity → step mapping is
 * checked against the journey's steps and the log's activities, the measured figures are written as metric
 * cards through the journey commands (one undoable batch), and the mapping is remembered on the dataset.
 */
export async function attachDataset(
  input: RouteInput<unknown>,
  dataset: StoredDataset,
  body: z.output<typeof attachBody>,
) {
  const journey = await liveJourney(input, body.journeyId, 'journeyId');
  const columns = new Set(journey.journey.columns.map((c) => c.id as string));
  const index = await indexOf(input, dataset);
  const activities = new Set(index.store.activities.values());
  for (const [activity, columnId] of Object.entries(body.steps)) {
    if (!activities.has(activity))
      throw fail(
        'invalid_request',
        `steps["${activity}"]: the log has no activity "${activity}"`,
        `steps.${activity}`,
      );
    if (!columns.has(columnId))
      throw fail(
        'invalid_request',
        `steps["${activity}"]: the journey has no step "${columnId}" (expected one of ${[...columns].join(', ')})`,
        `steps.${activity}`,
      );
  }
  const previous = datasetDepsOf(input).store;
  // Attached elsewhere before: take the figures off that journey first.
  if (dataset.journeyId && dataset.journeyId !== journey.id)
    await detachFrom(input, dataset, dataset.journeyId);
  // The workspace's default cost model (else Socitm 2011 as published), named on each unit-cost card.
  const costs = await workspaceCosts(input.deps, workspaceOf(input));
  const measures = measureSteps(index, body.steps, costs.table);
  const end = (dataset.result as { log?: { end?: string | null } }).log?.end;
  const commands = attachCommands(journey.journey, measures, {
    datasetId: dataset.id,
    datasetName: dataset.name,
    costBasis: costBasisLabel(costs.basis),
    ...(end ? { date: end.slice(0, 10) } : {}),
  });
  const stored = await writeJourney(input, journey, body.baseVersion, commands, {
    dataset: dataset.id,
    action: 'attach',
  });
  const record: AttachmentRecord = { steps: body.steps, measures };
  const updated = await previous.setAttachment(workspaceOf(input), dataset.id, {
    journeyId: journey.id,
    attachment: record,
    by: userOf(input).id,
    at: nowIso(input),
  });
  if (!updated) throw datasetNotFound(dataset.id);
  return {
    dataset: updated,
    journey: { id: stored.id, version: stored.version },
    measures,
    warnings: estimatesAlongside(journey.journey, measures).map(
      (col) =>
        `step "${col}" also has an estimated contacts or wait figure; comparisons add both, so remove the estimate if the measured figure replaces it`,
    ),
  };
}

/** Takes the dataset's lane, cards and source off a journey (when it is still there) and forgets the attachment. */
export async function detachFrom(
  input: RouteInput<unknown>,
  dataset: StoredDataset,
  journeyId: string,
  baseVersion?: number,
): Promise<{ id: string; version: number } | null> {
  const journey = await input.deps.journeys.getJourney(workspaceOf(input), journeyId as JourneyId);
  let result: { id: string; version: number } | null = null;
  if (journey) {
    const commands = detachCommands(journey.journey, dataset.id);
    const stored =
      commands.length === 0
        ? journey
        : await writeJourney(
            input,
            journey,
            baseVersion ?? journey.version,
            [{ type: 'batch', label: `Remove figures from ${dataset.name}`.slice(0, 200), commands }],
            { dataset: dataset.id, action: 'detach' },
          );
    result = { id: stored.id, version: stored.version };
  }
  await datasetDepsOf(input).store.setAttachment(workspaceOf(input), dataset.id, null);
  return result;
}

/** A new current journey drafted from the dataset (steps from the main paths, measured figures on each). */
export async function deriveFromDataset(input: RouteInput<unknown>, dataset: StoredDataset, title: string) {
  const index = await indexOf(input, dataset);
  const analysis = analyseLog(index.store);
  const end = (dataset.result as { log?: { end?: string | null } }).log?.end;
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'from-log';
  const derived = deriveJourney(analysis, {
    id: slug,
    title,
    source: dataset.name,
    ...(end ? { date: end.slice(0, 10) } : {}),
  });
  if (!derived.ok)
    throw new ApiFailure(
      'invalid_journey',
      derived.error[0]?.message ?? 'the derived journey is not valid',
      null,
      {},
      422,
    );
  return createJourneyIn(input, derived.value, 'create', { pickId: true, detail: { dataset: dataset.id } });
}
