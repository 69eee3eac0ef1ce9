import {
  journeyCommandSchema,
  restoreCommand,
  restoredVersionOf,
  type Journey,
  type JourneyCommand,
  type JourneyId,
} from '@waymark/core';
import type { JourneyVersion, StoredJourney } from '@waymark/store';
import { canonicalJourney } from '@waymark/document';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { applyCommands, commitCommands } from '../journeys/apply-commands';
import { journeyFromBody } from '../journeys/journey-input';
import { route, type RouteInput } from '../route-spec';
import { createJourneyIn } from './journey-routes';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';
import { journeyTypeSchema, optionalJourneyId } from './schemas';

const conflict = (current: StoredJourney, baseVersion: number) =>
  new ApiFailure(
    'version_conflict',
    `the journey changed since version ${baseVersion}: it is now at version ${current.version}; apply your change to the current version`,
    'baseVersion',
    { current: { version: current.version, journey: current.journey } },
  );

/** Stores the next version if `baseVersion` is still current; a 409 with the current journey otherwise. */
async function append(
  input: RouteInput<unknown>,
  base: StoredJourney,
  next: StoredJourney['journey'],
  kind: 'import',
  commands: readonly JourneyCommand[],
  detail?: Record<string, unknown>,
): Promise<StoredJourney> {
  const stored = await input.deps.journeys.appendVersion({
    workspaceId: workspaceOf(input),
    journey: next,
    kind,
    commands,
    ...(detail ? { detail } : {}),
    baseVersion: base.version,
    by: userOf(input).id,
    at: nowIso(input),
  });
  if (stored.ok) return stored.value;
  if (stored.error.code === 'version_conflict' && stored.error.current)
    throw conflict(stored.error.current, base.version);
  throw fail('journey_not_found', stored.error.message);
}

/** The document as it stood at `wanted`: the nearest snapshot and the commands after it, replayed. */
async function journeyAt(
  input: RouteInput<unknown>,
  current: StoredJourney,
  wanted: number,
): Promise<Journey> {
  const trail =
    wanted <= current.version
      ? await input.deps.journeys.versionTrail(workspaceOf(input), current.id, wanted)
      : null;
  if (!trail)
    throw fail('version_not_found', `version: expected a version from 1 to ${current.version}`, 'version');
  let journey = trail.snapshot.journey;
  for (const step of trail.after) {
    const replayed = applyCommands(input.deps.applyCommand, journey, step.commands);
    if (!replayed.ok)
      throw new Error(
        `history of ${current.id} does not replay at version ${step.version}: ${replayed.error.message}`,
      );
    journey = replayed.value;
  }
  return journey;
}

/**
 * A version as the history shows it. A restore made in the editor is an ordinary edit whose one command is
 * the labelled batch of `restoreCommand`; its detail says so like the restore route's own.
 */
function asHistoryItem(v: JourneyVersion): JourneyVersion {
  if (v.detail && 'restoredFrom' in v.detail) return v;
  const restored = v.commands.length === 1 ? restoredVersionOf(v.commands[0]!) : null;
  return restored === null ? v : { ...v, detail: { ...v.detail, restoredFrom: restored } };
}

const HISTORY_PAGE_MAX = 500;
const historyQuery = z.strictObject({
  after: z.coerce.number().int().min(0).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
});

const commandsBody = z.strictObject({
  baseVersion: z.number().int().min(1),
  commands: z.array(journeyCommandSchema).min(1, { message: 'expected at least one command' }).max(1000),
});

export const versionRoutes = () => [
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/commands',
    tag: 'Journeys',
    summary:
      'Apply commands to the version you have (all or none); 409 with the current version if it moved on',
    access: 'editor',
    body: commandsBody,
    success: { description: '{version, journey}' },
    errors: ['journey_not_found', 'version_conflict', 'command_refused'],
    async handle(input) {
      const { baseVersion, commands } = input.body;
      const committed = await commitCommands(input.deps, {
        workspaceId: workspaceOf(input),
        journeyId: input.params['id'] as JourneyId,
        commands,
        baseVersion,
        onStale: 'refuse',
        by: userOf(input).id,
        at: nowIso(input),
      });
      if (committed.ok)
        return input.c.json({ version: committed.value.version, journey: committed.value.journey });
      const failure = committed.error;
      if (failure.code === 'version_conflict') throw conflict(failure.current, baseVersion);
      if (failure.code === 'journey_not_found')
        throw fail('journey_not_found', `no journey "${input.params['id']}" in this workspace`);
      const { code, message, path, index } = failure.refused;
      throw new ApiFailure(
        code,
        `command ${index + 1} (${commands[index]!.type}) was refused: ${message}`,
        path,
        {},
        422,
      );
    },
  }),
  route({
    method: 'put',
    path: '/api/workspaces/{ws}/journeys/{id}',
    tag: 'Journeys',
    summary:
      'Replace the whole document (e.g. `waymark push` of a file kept in git) as a new version of baseVersion',
    access: 'editor',
    body: z.strictObject({ baseVersion: z.number().int().min(1), journey: z.unknown() }),
    success: { description: '{version, journey, unchanged}' },
    errors: ['journey_not_found', 'version_conflict', 'invalid_journey'],
    async handle(input) {
      const current = await journeyOr404(input);
      const journey = journeyFromBody(input.body.journey);
      if (journey.id !== current.id) {
        throw fail(
          'invalid_journey',
          `journey.id: expected "${current.id}", the journey in the path; got "${journey.id}"`,
          'journey.id',
        );
      }
      if (current.version !== input.body.baseVersion) throw conflict(current, input.body.baseVersion);
      // Compared in schema order: the database does not keep the order of keys.
      if (JSON.stringify(canonicalJourney(journey)) === JSON.stringify(canonicalJourney(current.journey))) {
        return input.c.json({ version: current.version, journey: current.journey, unchanged: true });
      }
      const stored = await append(input, current, journey, 'import', [], { replaced: true });
      return input.c.json({ version: stored.version, journey: stored.journey, unchanged: false });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/history',
    tag: 'Journeys',
    summary:
      'Versions oldest first: when, by whom, how (created, commands, restored…) and the commands; a page with ?after= or ?before= and ?limit= (at most 500)',
    access: 'viewer',
    query: historyQuery,
    success: { description: '{items:[{version, kind, at, by:{id,name}, commands, detail}], latest}' },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      const { after, before, limit } = historyQuery.parse(input.query);
      if (after !== undefined && before !== undefined)
        throw fail('invalid_request', 'give after or before, not both', 'before');
      // `before` counts back from the version before it: the newest page of what is older.
      const range =
        before !== undefined
          ? (() => {
              const size = limit ?? HISTORY_PAGE_MAX;
              const upTo = Math.min(before - 1, j.version);
              const from = Math.max(0, upTo - size);
              return { after: from, limit: upTo - from };
            })()
          : { ...(after !== undefined ? { after } : {}), ...(limit !== undefined ? { limit } : {}) };
      const items =
        range.limit === 0 ? [] : await input.deps.journeys.history(workspaceOf(input), j.id, range);
      return input.c.json({ items: items.map(asHistoryItem), latest: j.version });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/journeys/{id}/versions/{version}',
    tag: 'Journeys',
    summary: 'The journey as it stood at one version (rebuilt from the history)',
    access: 'viewer',
    success: { description: '{version, journey}' },
    errors: ['journey_not_found', 'version_not_found'],
    async handle(input) {
      const current = await journeyOr404(input);
      const raw = input.params['version'] ?? '';
      const wanted = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : 0;
      const journey = await journeyAt(input, current, wanted);
      return input.c.json({ version: wanted, journey });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/restore',
    tag: 'Journeys',
    summary:
      'Make the map as it was at an earlier version again, as an ordinary edit on the current version (later versions stay in the history; undo or restore again to go back)',
    access: 'editor',
    body: z.strictObject({ version: z.number().int().min(1) }),
    success: { description: '{version, journey, unchanged}' },
    errors: ['journey_not_found', 'version_not_found', 'version_conflict', 'command_refused'],
    async handle(input) {
      const wanted = input.body.version;
      // Another writer may get in first: then the difference is worked out again on what they left.
      for (let attempt = 0; ; attempt++) {
        const current = await journeyOr404(input);
        const past = await journeyAt(input, current, wanted);
        const restore = restoreCommand(current.journey, past, wanted);
        if (!restore)
          return input.c.json({ version: current.version, journey: current.journey, unchanged: true });
        const committed = await commitCommands(input.deps, {
          workspaceId: workspaceOf(input),
          journeyId: current.id,
          commands: [restore],
          baseVersion: current.version,
          onStale: 'refuse',
          by: userOf(input).id,
          at: nowIso(input),
          detail: { restoredFrom: wanted },
        });
        if (committed.ok) {
          await audit(input, 'journey.restore', current.id, { version: wanted });
          const stored = committed.value;
          return input.c.json({ version: stored.version, journey: stored.journey, unchanged: false });
        }
        const failure = committed.error;
        if (failure.code === 'journey_not_found')
          throw fail('journey_not_found', `no journey "${current.id}" in this workspace`);
        if (failure.code === 'command_refused')
          throw new Error(
            `restore of ${current.id} to version ${wanted} refused: ${failure.refused.message}`,
          );
        if (attempt >= 4) throw conflict(failure.current, current.version);
      }
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/duplicate',
    tag: 'Journeys',
    summary: 'Copy a journey, e.g. a desired journey from the current one (the copy records meta.basedOn)',
    access: 'editor',
    body: z.strictObject({
      id: optionalJourneyId,
      title: z.string().trim().min(1).max(200).optional(),
      journeyType: journeyTypeSchema.optional(),
    }),
    success: { status: 201, description: '{id, version, journey}' },
    errors: ['journey_not_found', 'journey_exists'],
    async handle(input) {
      const source = await journeyOr404(input);
      const { id, title, journeyType } = input.body;
      const type = journeyType ?? source.journey.meta.journeyType;
      const suffix = type !== source.journey.meta.journeyType ? `-${type}` : '-copy';
      const copy = journeyFromBody({
        ...source.journey,
        id: id ?? `${source.id.slice(0, 70)}${suffix}`,
        meta: {
          ...source.journey.meta,
          title:
            title ??
            (type !== source.journey.meta.journeyType
              ? `${source.journey.meta.title} (${type})`
              : `Copy of ${source.journey.meta.title}`),
          journeyType: type,
          status: 'draft',
          basedOn: source.id as JourneyId,
        },
      });
      const stored = await createJourneyIn(input, copy, 'duplicate', {
        pickId: id === undefined,
        detail: { from: source.id, fromVersion: source.version },
      });
      return input.c.json({ id: stored.id, version: stored.version, journey: stored.journey }, 201);
    },
  }),
];
