import type { JourneyId } from '@waymark/core';
import type { StoredJourney } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { groupCopyJourney, type GroupCopyOrigin } from '../journeys/group-copy';
import {
  mergeGroupCopy,
  previewGroupMerge,
  readGroupCopyOrigin,
  type GroupMergeView,
} from '../journeys/group-copy-merge';
import { slugify } from '../journeys/journey-input';
import { route, type RouteInput } from '../route-spec';
import { createJourneyIn } from './journey-routes';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';

const groupName = z
  .string()
  .trim()
  .min(1, { message: 'expected the group’s name, like “Group 2”' })
  .max(60, { message: 'expected a group name of at most 60 characters' });

const notACopy = (id: string) =>
  new ApiFailure(
    'not_a_group_copy',
    `“${id}” is not a group’s copy of a map, so there is nothing to merge; open the group’s copy and merge from there`,
    null,
  );

async function copyAndOrigin(
  input: RouteInput<unknown>,
): Promise<{ copy: StoredJourney; origin: GroupCopyOrigin }> {
  const copy = await journeyOr404(input);
  const origin = await readGroupCopyOrigin(input.deps, workspaceOf(input), copy.id);
  if (!origin) throw notACopy(copy.id);
  return { copy, origin };
}

const mainGone = (origin: GroupCopyOrigin) =>
  fail(
    'journey_not_found',
    `the main map “${origin.from}” that ${origin.group} was copied from is no longer in this workspace (it may be in the bin); bring it back, then merge again`,
  );

/** The summary the facilitator reads before and after merging. */
const summary = (view: GroupMergeView) => ({
  group: view.origin.group,
  copy: { id: view.copy.id, version: view.copy.version, title: view.copy.journey.meta.title },
  into: { id: view.main.id, version: view.main.version, title: view.main.journey.meta.title },
  added: view.plan.added,
  changed: view.plan.changed,
  removed: view.plan.removed,
  skipped: view.plan.skipped,
  renamed: view.plan.renamed,
});

const lineList =
  '{change, version}[] for added, changed and removed; skipped: {change, version, reason}[]; renamed: {from, to}[]';

/** Groups in a workshop (decision 0014, "Groups"): a group's own copy of a map, and merging it back. */
export const groupRoutes = () => [
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/group-copies',
    tag: 'Journeys',
    summary:
      'Make a group’s own copy of a map for a workshop: a new journey titled “<map> — <group>” that remembers the map and version it came from',
    access: 'editor',
    body: z.strictObject({ group: groupName }),
    success: { status: 201, description: '{id, version, journey, copyOf: {id, version}, group}' },
    errors: ['journey_not_found', 'already_a_group_copy'],
    async handle(input) {
      const main = await journeyOr404(input);
      if (await readGroupCopyOrigin(input.deps, workspaceOf(input), main.id)) {
        throw new ApiFailure(
          'already_a_group_copy',
          `“${main.journey.meta.title}” is already a group’s copy; make group copies from the main map`,
          null,
        );
      }
      const group = input.body.group;
      const copyId = `${main.id.slice(0, 55)}-${slugify(group).slice(0, 20)}` as JourneyId;
      const stored = await createJourneyIn(
        input,
        groupCopyJourney(main.journey, copyId, group),
        'duplicate',
        {
          pickId: true,
          detail: { from: main.id, fromVersion: main.version, group },
        },
      );
      await audit(input, 'journey.group_copy', stored.id, {
        from: main.id,
        fromVersion: main.version,
        group,
      });
      return input.c.json(
        {
          id: stored.id,
          version: stored.version,
          journey: stored.journey,
          copyOf: { id: main.id, version: main.version },
          group,
        },
        201,
      );
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/group-copy',
    tag: 'Journeys',
    summary:
      'Whether this journey is a group’s copy of a map, and of which map, version and group (groupCopy is null otherwise)',
    access: 'viewer',
    success: { description: '{groupCopy: {from, fromVersion, group} | null}' },
    errors: ['journey_not_found'],
    async handle(input) {
      const journey = await journeyOr404(input);
      const groupCopy = await readGroupCopyOrigin(input.deps, workspaceOf(input), journey.id);
      return input.c.json({ groupCopy });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/group-merge',
    tag: 'Journeys',
    summary:
      'What merging this group’s copy into its main map would add, change and remove, and what cannot be applied and why (nothing is changed)',
    access: 'editor',
    success: { description: `{group, copy, into, added, changed, removed, skipped, renamed}: ${lineList}` },
    errors: ['journey_not_found', 'not_a_group_copy'],
    async handle(input) {
      const { copy, origin } = await copyAndOrigin(input);
      const view = await previewGroupMerge(input.deps, workspaceOf(input), copy, origin);
      if ('missing' in view) throw mainGone(origin);
      return input.c.json(summary(view));
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/group-merge',
    tag: 'Journeys',
    summary:
      'Merge this group’s copy into its main map: its changes are replayed on the map as it is now, as your edit; what no longer applies is skipped and listed. The copy then goes to the bin unless keepCopy',
    access: 'editor',
    body: z.strictObject({ keepCopy: z.boolean().optional() }),
    success: {
      description: `{version, journey, merged, copyDeleted, group, copy, into, added, changed, removed, skipped, renamed}: ${lineList}`,
    },
    errors: ['journey_not_found', 'not_a_group_copy', 'version_conflict'],
    async handle(input) {
      const { copy, origin } = await copyAndOrigin(input);
      const ws = workspaceOf(input);
      const merged = await mergeGroupCopy(input.deps, {
        ws,
        copy,
        origin,
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (!merged.ok && merged.code === 'main_missing') throw mainGone(origin);
      if (!merged.ok)
        throw fail(
          'version_conflict',
          'the main map was changing too fast to merge the group’s work; please try again in a moment',
        );
      const { view, stored } = merged;
      const copyDeleted = input.body.keepCopy !== true;
      if (copyDeleted) await input.deps.journeys.softDelete(ws, copy.id, nowIso(input));
      await audit(input, 'journey.group_merge', view.main.id, {
        copy: copy.id,
        group: origin.group,
        copyVersion: copy.version,
        applied: view.plan.commands.length,
        skipped: view.plan.skipped.length,
        copyDeleted,
      });
      const now = stored ?? view.main;
      return input.c.json({
        ...summary(view),
        version: now.version,
        journey: now.journey,
        merged: stored !== null,
        copyDeleted,
      });
    },
  }),
];
