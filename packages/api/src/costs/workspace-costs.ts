import {
  costModelSchema,
  isPriceYear,
  publishedCostModels,
  resolveCostModel,
  shippedDeflator,
  type CostModel,
  type DeflatorSeries,
  type ResolvedCostModel,
} from '@waymark/measure';
import type { CostModelStore, StoredCostModel, WorkspaceId } from '@waymark/store';
import { ApiFailure, fail } from '../api-error';
import type { ApiDeps } from '../deps';

/** The cost store, or 503 on a server without one. */
export function costStoreOf(deps: ApiDeps): CostModelStore {
  const store = deps.costs;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for cost models', null, {}, 503);
  return store;
}

/** The default when a workspace has chosen none: Socitm 2011 as published, as before issue 13. */
export const fallbackModelId = 'socitm-2011';

/** A stored model as measure's CostModel; a row that no longer parses is skipped by the caller, never guessed. */
export function storedToModel(m: StoredCostModel): CostModel | null {
  const parsed = costModelSchema.safeParse({ name: m.name, priceYear: m.priceYear, lines: m.lines });
  return parsed.success ? { ...parsed.data, id: m.id, kind: 'workspace' } : null;
}

const isSeries = (v: unknown): v is DeflatorSeries => {
  const s = v as Partial<DeflatorSeries> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.title === 'string' &&
    typeof s.url === 'string' &&
    typeof s.published === 'string' &&
    typeof s.index === 'object' &&
    s.index !== null
  );
};

/** The deflator in force: the series an administrator loaded, else the one Waymark ships. */
export async function deflatorOf(deps: ApiDeps): Promise<{ series: DeflatorSeries; loaded: boolean }> {
  const stored = deps.costs ? await deps.costs.getDeflator() : null;
  return stored && isSeries(stored.series)
    ? { series: stored.series, loaded: true }
    : { series: shippedDeflator, loaded: false };
}

/** A model of the workspace or a published one, by id; 404 `not_found` when neither has it. */
export async function modelOf(deps: ApiDeps, workspaceId: WorkspaceId, modelId: string): Promise<CostModel> {
  const published = publishedCostModels.find((m) => m.id === modelId);
  if (published) return published;
  const stored = deps.costs ? await deps.costs.getCostModel(workspaceId, modelId) : null;
  const model = stored ? storedToModel(stored) : null;
  if (!model) throw fail('not_found', `no cost model "${modelId}" in this workspace`, 'costModel');
  return model;
}

/**
 * The unit costs a workspace's figures use (issue 13 item 2): the model and price year asked for, else the
 * workspace's default, else Socitm 2011 as published; uprated with the deflator in force.
 */
export async function workspaceCosts(
  deps: ApiDeps,
  workspaceId: WorkspaceId,
  ask: { readonly modelId?: string | undefined; readonly priceYear?: string | undefined } = {},
): Promise<ResolvedCostModel> {
  const chosen = deps.costs ? await deps.costs.getCostDefault(workspaceId) : null;
  const modelId = ask.modelId ?? chosen?.modelId ?? fallbackModelId;
  const priceYear =
    ask.priceYear ?? (ask.modelId === undefined ? (chosen?.priceYear ?? undefined) : undefined);
  if (priceYear !== undefined && !isPriceYear(priceYear))
    throw fail(
      'invalid_request',
      `priceYear: expected a price year such as 2024 or 2024-25; got "${priceYear}"`,
      'priceYear',
    );
  const model = await modelOf(deps, workspaceId, modelId);
  const { series } = await deflatorOf(deps);
  const resolved = resolveCostModel(model, {
    deflator: series,
    ...(priceYear === undefined ? {} : { toPriceYear: priceYear }),
  });
  if (!resolved.ok) {
    const first = resolved.error[0]!;
    throw fail(
      'invalid_request',
      resolved.error.map((e) => `${e.path}: ${e.message}`).join('; '),
      first.path,
    );
  }
  return resolved.value;
}
