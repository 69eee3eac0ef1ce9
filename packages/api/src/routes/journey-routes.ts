import { journeyStatuses, type Journey, type JourneyId } from '@waymark/core';
import type { Result } from '@waymark/core';
import type { StoreError, StoredJourney } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { journeyFromBody, slugify } from '../journeys/journey-input';
import { journeyFromTemplate, journeyTemplates } from '../journeys/templates';
import { route, type RouteInput } from '../route-spec';
import { audit, journeyBody, journeyOr404, nowIso, userOf, workspaceOf } from './route-helpers';
import { journeyTypeSchema, optionalJourneyId } from './schemas';
import { binDays } from '../retention/retention-policy';

const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  type: journeyTypeSchema.optional(),
  status: z.enum(journeyStatuses).optional(),
  owner: z.string().max(200).optional(),
  deleted: z.enum(['true', 'false']).optional(),
});

const createBody = z.union([
  z.strictObject({ journey: z.unknown() }),
  z.strictObject({
    template: z.string(),
    id: optionalJourneyId,
    title: z.string().trim().min(1).max(200).optional(),
  }),
]);

/**
 * Stores a new journey. With `pickId`, a taken id gets a `-2`, `-3`… suffix; otherwise it is a 409.
 */
export async function createJourneyIn(
  input: RouteInput<unknown>,
  journey: Journey,
  kind: 'create' | 'import' | 'duplicate',
  options: { pickId?: boolean; detail?: Record<string, unknown> } = {},
): Promise<StoredJourney> {
  const base = journey.id;
  for (let n = 1; n <= (options.pickId ? 50 : 1); n++) {
    const id = (n === 1 ? base : `${base.slice(0, 75)}-${n}`) as JourneyId;
    const created: Result<StoredJourney, StoreError> = await input.deps.journeys.createJourney({
      workspaceId: workspaceOf(input),
      journey: { ...journey, id },
      kind,
      commands: [],
      ...(options.detail ? { detail: options.detail } : {}),
      by: userOf(input).id,
      at: nowIso(input),
    });
    if (created.ok) return created.value;
  }
  throw fail(
    'journey_exists',
    `a journey with the id "${base}" already exists in this workspace; choose another id`,
    'id',
  );
}

export function journeyRoutes() {
  const serialised = new WeakMap<StoredJourney, string>();
  return [
    route({
      method: 'get',
      path: '/api/workspaces/{ws}/journeys',
      tag: 'Journeys',
      summary: 'List journeys, with search (q) and filters; deleted=true lists the bin',
      access: 'viewer',
      query: listQuery,
      success: {
        description:
          '{items:[{id,title,journeyType,status,owner,segment,reviewDate,version,updatedAt,updatedBy}]}',
      },
      async handle(input) {
        const q = input.query as z.infer<typeof listQuery>;
        const items = await input.deps.journeys.listJourneys(workspaceOf(input), {
          ...(q.q ? { q: q.q } : {}),
          ...(q.type ? { type: q.type } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.owner ? { owner: q.owner } : {}),
          deleted: q.deleted === 'true',
        });
        return input.c.json({ items });
      },
    }),
    route({
      method: 'post',
      path: '/api/workspaces/{ws}/journeys',
      tag: 'Journeys',
      summary: `Create a journey from a document ({journey}) or a template ({template: ${Object.keys(journeyTemplates).join(' | ')}, id?, title?})`,
      access: 'editor',
      body: createBody,
      success: { status: 201, description: '{id, version, journey}' },
      errors: ['invalid_journey', 'journey_exists'],
      async handle(input) {
        const body = input.body;
        let journey: Journey;
        if ('template' in body) {
          const title = body.title ?? 'Untitled journey';
          const made = journeyFromTemplate(body.template, body.id ?? slugify(title), title);
          if (!made) {
            throw fail(
              'invalid_request',
              `template: unknown template "${body.template}"; expected one of ${Object.keys(journeyTemplates).join(', ')}`,
              'template',
            );
          }
          journey = made;
        } else {
          journey = journeyFromBody(body.journey);
        }
        const stored = await createJourneyIn(input, journey, 'create', {
          pickId: 'template' in body && !body.id,
        });
        return input.c.json({ id: stored.id, version: stored.version, journey: stored.journey }, 201);
      },
    }),
    route({
      method: 'get',
      path: '/api/workspaces/{ws}/journeys/{id}',
      tag: 'Journeys',
      summary: 'One journey: its current version and document',
      access: 'viewer',
      success: { description: '{id, version, journey, updatedAt}' },
      errors: ['journey_not_found'],
      async handle(input) {
        const found = await journeyOr404(input);
        // A cached journey is the same object until it changes: serialise it once per version.
        let text = serialised.get(found);
        if (text === undefined) {
          text = JSON.stringify(journeyBody(found));
          serialised.set(found, text);
        }
        return input.c.body(text, 200, { 'Content-Type': 'application/json' });
      },
    }),
    route({
      method: 'delete',
      path: '/api/workspaces/{ws}/journeys/{id}',
      tag: 'Journeys',
      summary:
        "Move a journey to the bin; it can be brought back for the workspace's bin period (30 days unless its owner chose another)",
      access: 'editor',
      success: { description: '{deleted: true, restorableUntil}' },
      errors: ['journey_not_found'],
      async handle(input) {
        const id = input.params['id'] as JourneyId;
        const deleted = await input.deps.journeys.softDelete(workspaceOf(input), id, nowIso(input));
        if (!deleted.ok) throw fail('journey_not_found', deleted.error.message);
        await audit(input, 'journey.delete', id);
        const days = await binDays(input.deps.retention, workspaceOf(input), input.limits.undeleteDays);
        const until = new Date(input.deps.clock().getTime() + days * 86_400_000).toISOString();
        return input.c.json({ deleted: true, restorableUntil: until });
      },
    }),
    route({
      method: 'post',
      path: '/api/workspaces/{ws}/journeys/{id}/undelete',
      tag: 'Journeys',
      summary: 'Bring a deleted journey back from the bin',
      access: 'editor',
      success: { description: '{id, version, journey, updatedAt}' },
      errors: ['journey_not_found', 'journey_not_deleted', 'undelete_expired'],
      async handle(input) {
        const id = input.params['id'] as JourneyId;
        const days = await binDays(input.deps.retention, workspaceOf(input), input.limits.undeleteDays);
        const since = new Date(input.deps.clock().getTime() - days * 86_400_000).toISOString();
        const back = await input.deps.journeys.undelete(workspaceOf(input), id, since);
        if (!back.ok) throw fail(back.error.code as 'journey_not_found', back.error.message);
        await audit(input, 'journey.undelete', id);
        return input.c.json(journeyBody(back.value));
      },
    }),
  ];
}
