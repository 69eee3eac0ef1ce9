import { journeyCommandSchema, type JourneyCommand, type JourneyId } from '@waymark/core';
import type { StoredJourney } from '@waymark/store';
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
  kind: 'restore' | 'import',
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
    summary: 'Every version: when, by whom, how (created, commands, restored…) and the commands',
    access: 'viewer',
    success: { description: '{items:[{version, kind, at, by:{id,name}, commands, detail}]}' },
    errors: ['journey_not_found'],
    async handle(input) {
      const j = await journeyOr404(input);
      return input.c.json({ items: await input.deps.journeys.history(workspaceOf(input), j.id) });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/journeys/{id}/restore',
    tag: 'Journeys',
    summary: 'Make an earlier version the current one again (as a new version; nothing is lost)',
    access: 'editor',
    body: z.strictObject({ version: z.number().int().min(1) }),
    success: { description: '{version, journey}' },
    errors: ['journey_not_found', 'version_not_found', 'version_conflict'],
    async handle(input) {
      const current = await journeyOr404(input);
      const wanted = input.body.version;
      const trail =
        wanted <= current.version
          ? await input.deps.journeys.versionTrail(workspaceOf(input), current.id, wanted)
          : null;
      if (!trail)
        throw fail(
          'version_not_found',
          `version: expected a version from 1 to ${current.version}`,
          'version',
        );
      let journey = trail.snapshot.journey;
      for (const step of trail.after) {
        const replayed = applyCommands(input.deps.applyCommand, journey, step.commands);
        if (!replayed.ok)
          throw new Error(
            `history of ${current.id} does not replay at version ${step.version}: ${replayed.error.message}`,
          );
        journey = replayed.value;
      }
      const stored = await append(input, current, journey, 'restore', [], { restoredFrom: wanted });
      await audit(input, 'journey.restore', current.id, { version: wanted });
      return input.c.json({ version: stored.version, journey: stored.journey });
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
