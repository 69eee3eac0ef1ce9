import type { Journey } from '@waymark/core';
import {
  compareLogSide,
  type CompareLogSide,
  type CompareLogs,
  type LogAnalysisFigures,
} from '@waymark/measure';
import { ApiFailure } from '../api-error';
import type { RouteInput } from '../route-spec';
import { filteredResult } from './dataset-analysis';
import { datasetDepsOf } from './dataset-uploads';
import { workspaceOf } from './route-helpers';

/**
 * One side's event log for Compare (issue 13 items 1, 4, 5): the dataset's analysis as its page computes it
 * (`filteredResult`), measuring the compared journey's own Successful Customer Outcome rule, reduced to the
 * figures Compare sets beside the map. `field` names the query field in a 404.
 */
async function sideOf(
  input: RouteInput<unknown>,
  datasetId: string,
  journey: Journey,
  field: 'currentLog' | 'desiredLog',
): Promise<CompareLogSide> {
  const ws = workspaceOf(input);
  const found = await datasetDepsOf(input).store.getDataset(ws, datasetId);
  if (!found)
    throw new ApiFailure(
      'dataset_not_found',
      `${field}: no dataset "${datasetId}" in this workspace`,
      field,
      {},
      404,
    );
  const rule = journey.meta.outcomeRule;
  const sco =
    rule === undefined
      ? {}
      : 'activity' in rule
        ? { sco: rule.activity }
        : { scoWhen: `${rule.dimension}=${rule.value}` };
  const analysis = (await filteredResult(input, ws, datasetId, sco)) as LogAnalysisFigures;
  return compareLogSide({ id: found.id, name: found.name }, analysis);
}

/** The logs asked for on each side of a comparison (none unless asked: the map's figures stand alone). */
export async function compareLogsOf(
  input: RouteInput<unknown>,
  q: { readonly currentLog?: string | undefined; readonly desiredLog?: string | undefined },
  current: Journey,
  desired: Journey,
): Promise<CompareLogs | null> {
  if (!q.currentLog && !q.desiredLog) return null;
  return {
    current: q.currentLog ? await sideOf(input, q.currentLog, current, 'currentLog') : null,
    desired: q.desiredLog ? await sideOf(input, q.desiredLog, desired, 'desiredLog') : null,
  };
}
