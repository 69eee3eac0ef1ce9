import type { JourneyCommand, JourneyId } from '@waymark/core';
import type { StoredJourney, UserId, WorkspaceId } from '@waymark/store';
import type { ApiDeps } from '../deps';
import { commitCommands } from './apply-commands';
import { groupCopyOrigin, planGroupMerge, type GroupCopyOrigin, type MergePlan } from './group-copy';
import { slugify } from './journey-input';

type Deps = Pick<ApiDeps, 'journeys' | 'applyCommand'>;

/** What a version of the main map records when a group's work is merged into it. */
export interface GroupMergeDetail {
  readonly copy: JourneyId;
  readonly group: string;
  /** The copy's version merged up to: a later merge replays only what came after it. */
  readonly copyVersion: number;
}

export async function readGroupCopyOrigin(
  deps: Deps,
  ws: WorkspaceId,
  copyId: JourneyId,
): Promise<GroupCopyOrigin | null> {
  const [first] = await deps.journeys.history(ws, copyId, { after: 0, limit: 1 });
  return first?.kind === 'duplicate' ? groupCopyOrigin(first.detail) : null;
}

/** The copy's version its work was last merged up to, or the version it was made at (1). */
async function mergedUpTo(deps: Deps, ws: WorkspaceId, origin: GroupCopyOrigin, copyId: JourneyId) {
  let upTo = 1;
  for (const v of await deps.journeys.history(ws, origin.from, { after: origin.fromVersion })) {
    const merge = v.detail?.['groupMerge'] as GroupMergeDetail | undefined;
    if (merge?.copy === copyId && merge.copyVersion > upTo) upTo = merge.copyVersion;
  }
  return upTo;
}

export interface GroupMergeView {
  readonly plan: MergePlan;
  readonly main: StoredJourney;
  readonly copy: StoredJourney;
  readonly origin: GroupCopyOrigin;
}

/** What merging `copy` would do to its main map as it is now (nothing is stored). */
export async function previewGroupMerge(
  deps: Deps,
  ws: WorkspaceId,
  copy: StoredJourney,
  origin: GroupCopyOrigin,
): Promise<GroupMergeView | { readonly missing: 'main' }> {
  const main = await deps.journeys.getJourney(ws, origin.from);
  if (!main) return { missing: 'main' };
  const since = await mergedUpTo(deps, ws, origin, copy.id);
  const versions = (await deps.journeys.history(ws, copy.id, { after: since })).filter(
    (v) => v.version <= copy.version,
  );
  const plan = planGroupMerge({
    apply: deps.applyCommand,
    main: main.journey,
    copy: copy.journey,
    versions,
    idSuffix: slugify(origin.group).slice(0, 20),
  });
  return { plan, main, copy, origin };
}

/** The batches one merge stores: as few as the reducer's batch size allows, each labelled with the group. */
export function mergeBatches(group: string, commands: readonly JourneyCommand[]): JourneyCommand[] {
  const size = 10_000;
  const batches: JourneyCommand[] = [];
  for (let i = 0; i < commands.length; i += size)
    batches.push({
      type: 'batch',
      label: `${group}’s work merged`.slice(0, 200),
      commands: commands.slice(i, i + size),
    });
  return batches;
}

export type GroupMergeResult =
  | { readonly ok: true; readonly view: GroupMergeView; readonly stored: StoredJourney | null }
  | { readonly ok: false; readonly code: 'main_missing' | 'version_conflict' };

/**
 * Merges the copy's work into its main map as `by`'s edit, through the one commit path (on whatever version
 * is current, so live participants receive it like any edit). When the main map changed between the plan and
 * the write so that part of it no longer applies, it is planned again on the newer map (a few times).
 */
export async function mergeGroupCopy(
  deps: Deps,
  input: { ws: WorkspaceId; copy: StoredJourney; origin: GroupCopyOrigin; by: UserId; at: string },
): Promise<GroupMergeResult> {
  for (let attempt = 0; attempt < 4; attempt++) {
    const view = await previewGroupMerge(deps, input.ws, input.copy, input.origin);
    if ('missing' in view) return { ok: false, code: 'main_missing' };
    if (view.plan.commands.length === 0) return { ok: true, view, stored: null };
    const detail: GroupMergeDetail = {
      copy: input.copy.id,
      group: input.origin.group,
      copyVersion: input.copy.version,
    };
    const committed = await commitCommands(deps, {
      workspaceId: input.ws,
      journeyId: view.main.id,
      commands: mergeBatches(input.origin.group, view.plan.commands),
      baseVersion: view.main.version,
      onStale: 'rebase',
      by: input.by,
      at: input.at,
      detail: { groupMerge: detail },
    });
    if (committed.ok) return { ok: true, view, stored: committed.value };
    if (committed.error.code === 'journey_not_found') return { ok: false, code: 'main_missing' };
    if (committed.error.code === 'version_conflict') return { ok: false, code: 'version_conflict' };
    // command_refused: the main map moved on under the plan; plan again on it.
  }
  return { ok: false, code: 'version_conflict' };
}
