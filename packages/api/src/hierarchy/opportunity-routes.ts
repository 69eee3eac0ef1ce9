import type { Journey, JourneyId } from '@waymark/core';
import {
  opportunityLinkKinds,
  opportunityPriorities,
  opportunityStatuses,
  type Opportunity,
  type OpportunityLink,
  type OpportunityStore,
  type OpportunityStoreError,
  type UserId,
} from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf, workspaceOf } from '../routes/route-helpers';

const base = '/api/workspaces/{ws}/opportunities';
const idSchema = z.string().min(1).max(100);
const figureKey = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function storeOf(input: RouteInput<unknown>): OpportunityStore {
  const store = input.deps.opportunities;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for opportunities', null, {}, 503);
  return store;
}
const failure = (e: OpportunityStoreError, path: string | null = null) =>
  fail(e.code, e.message, path, e.code === 'version_conflict' && e.current ? { current: e.current } : {});

const linkSchema = z.strictObject({
  journeyId: idSchema,
  kind: z.enum(opportunityLinkKinds),
  target: z.string().min(1).max(200),
});
type LinkInput = z.infer<typeof linkSchema>;

const fieldsSchema = {
  title: z.string().trim().min(1).max(300),
  description: z.string().trim().max(4000).nullable(),
  ownerId: idSchema.nullable(),
  status: z.enum(opportunityStatuses),
  priority: z.enum(opportunityPriorities),
};

async function checkOwner(input: RouteInput<unknown>, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const role = await input.deps.accounts.roleOf(workspaceOf(input), ownerId as UserId);
  if (!role)
    throw fail('owner_not_member', `ownerId: "${ownerId}" is not a member of this workspace`, 'ownerId');
}

/** What a link points at, in words a page can show: a card's text, a step's label, an idea's title, … */
export interface LinkDetail {
  readonly journeyTitle: string | null;
  readonly label: string | null;
  /** The card's kind (pain-point, moment-of-truth, feeling…) for card links. */
  readonly cardKind?: string;
  /** The step of a card link. */
  readonly stepId?: string;
  readonly stepLabel?: string | null;
  /** The customers' words in that step: quotes (feelings marked as quotes) beside the card. */
  readonly quotes?: readonly string[];
}

function describeInJourney(
  journey: Journey,
  link: Pick<OpportunityLink, 'kind' | 'target'>,
): LinkDetail | null {
  const title = journey.meta.title;
  const stepOf = (id: string) => journey.columns.find((c) => c.id === id);
  switch (link.kind) {
    case 'card': {
      const card = journey.cards.find((c) => c.id === link.target);
      if (!card) return null;
      const text = 'text' in card && typeof card.text === 'string' ? card.text : null;
      const quotes = journey.cards
        .filter((c) => c.columnId === card.columnId && c.kind === 'feeling' && c.quote)
        .map((c) => ('text' in c && typeof c.text === 'string' ? c.text : ''))
        .filter((t) => t !== '');
      return {
        journeyTitle: title,
        label: text,
        cardKind: card.kind,
        stepId: card.columnId,
        stepLabel: stepOf(card.columnId)?.label ?? null,
        quotes,
      };
    }
    case 'step': {
      const step = stepOf(link.target);
      return step ? { journeyTitle: title, label: step.label } : null;
    }
    case 'idea': {
      const idea = journey.ideas.find((i) => i.id === link.target);
      return idea ? { journeyTitle: title, label: idea.title } : null;
    }
    case 'figure':
      return figureKey.test(link.target) ? { journeyTitle: title, label: null } : null;
    default:
      return { journeyTitle: title, label: null };
  }
}

/** Looks a link's target up; null when the journey no longer has it. */
async function describeLink(
  input: RouteInput<unknown>,
  link: Pick<OpportunityLink, 'journeyId' | 'kind' | 'target'>,
  journeys: Map<string, Journey | null>,
): Promise<LinkDetail | null> {
  const wsId = workspaceOf(input);
  if (!journeys.has(link.journeyId))
    journeys.set(
      link.journeyId,
      (await input.deps.journeys.getJourney(wsId, link.journeyId))?.journey ?? null,
    );
  const journey = journeys.get(link.journeyId);
  if (!journey) return null;
  if (link.kind === 'business-case' || link.kind === 'indicator') {
    const [artifactId, key] = link.kind === 'indicator' ? link.target.split('/') : [link.target, undefined];
    const artifact = await input.deps.improvements?.getArtifact({
      workspaceId: wsId,
      journeyId: link.journeyId,
      kind: link.kind === 'indicator' ? 'indicators' : 'business-case',
      id: artifactId ?? '',
    });
    if (!artifact) return null;
    const data = artifact.data as {
      input?: { title?: string };
      indicators?: { key: string; label: string }[];
    };
    if (link.kind === 'business-case')
      return { journeyTitle: journey.meta.title, label: data.input?.title ?? null };
    const indicator = data.indicators?.find((i) => i.key === key);
    return indicator ? { journeyTitle: journey.meta.title, label: indicator.label } : null;
  }
  return describeInJourney(journey, link);
}

async function opportunityBody(input: RouteInput<unknown>, o: Opportunity) {
  const journeys = new Map<string, Journey | null>();
  const links = [];
  for (const l of o.links) {
    const detail = await describeLink(input, l, journeys);
    links.push({ ...l, missing: detail === null, ...(detail ?? { journeyTitle: null, label: null }) });
  }
  return { ...o, links };
}

async function checkedLink(input: RouteInput<unknown>, link: LinkInput, field: string): Promise<void> {
  const detail = await describeLink(input, link as OpportunityLink, new Map());
  if (detail) return;
  const journey = await input.deps.journeys.getJourney(workspaceOf(input), link.journeyId as JourneyId);
  if (!journey)
    throw fail(
      'journey_not_found',
      `${field}.journeyId: no journey "${link.journeyId}" in this workspace`,
      `${field}.journeyId`,
    );
  throw fail(
    'target_not_found',
    `${field}.target: journey "${link.journeyId}" has no ${link.kind} "${link.target}"${link.kind === 'indicator' ? ' (expected <indicator set id>/<indicator key>)' : ''}`,
    `${field}.target`,
  );
}

async function found(input: RouteInput<unknown>): Promise<Opportunity> {
  const id = input.params['opportunityId']!;
  const o = await storeOf(input).getOpportunity(workspaceOf(input), id);
  if (!o) throw fail('opportunity_not_found', `no opportunity "${id}" in this workspace`);
  return o;
}

/** Opportunities across journeys (issue 14, item 2; decision 0034). */
export function opportunityRoutes() {
  return [
    route({
      method: 'get',
      path: base,
      tag: 'Opportunities',
      summary: 'The opportunities of the workspace, high priority first, with their links',
      access: 'viewer',
      success: { description: '{items:[{id,title,description,owner,status,priority,version,links,…}]}' },
      async handle(input) {
        const items = await storeOf(input).listOpportunities(workspaceOf(input));
        return input.c.json({ items });
      },
    }),
    route({
      method: 'post',
      path: base,
      tag: 'Opportunities',
      summary:
        'Make an opportunity, optionally with its first links (evidence: card, step, figure; leads to: idea, business-case, indicator)',
      access: 'editor',
      body: z.strictObject({
        title: fieldsSchema.title,
        description: fieldsSchema.description.optional(),
        ownerId: fieldsSchema.ownerId.optional(),
        status: fieldsSchema.status.default('open'),
        priority: fieldsSchema.priority.default('medium'),
        links: z.array(linkSchema).max(100).default([]),
      }),
      success: { status: 201, description: 'the opportunity with its links described' },
      errors: ['owner_not_member', 'journey_not_found', 'target_not_found'],
      async handle(input) {
        const b = input.body;
        await checkOwner(input, b.ownerId);
        for (const [i, link] of b.links.entries()) await checkedLink(input, link, `links[${i}]`);
        const wsId = workspaceOf(input);
        const by = userOf(input).id;
        const at = nowIso(input);
        const id = input.deps.newId();
        await storeOf(input).createOpportunity({
          workspaceId: wsId,
          id,
          title: b.title,
          description: b.description ?? null,
          ownerId: (b.ownerId ?? null) as UserId | null,
          status: b.status,
          priority: b.priority,
          by,
          at,
        });
        for (const link of b.links) {
          const added = await storeOf(input).addLink({
            workspaceId: wsId,
            opportunityId: id,
            journeyId: link.journeyId as JourneyId,
            kind: link.kind,
            target: link.target,
            by,
            at,
            atCreation: true,
          });
          if (!added.ok && added.error.code !== 'link_exists') throw failure(added.error);
        }
        await audit(input, 'opportunity.create', id, { links: b.links.length });
        return input.c.json(
          await opportunityBody(input, (await storeOf(input).getOpportunity(wsId, id))!),
          201,
        );
      },
    }),
    route({
      method: 'get',
      path: `${base}/{opportunityId}`,
      tag: 'Opportunities',
      summary:
        'One opportunity, each link described (its journey, its words, the customers’ quotes in that step)',
      access: 'viewer',
      success: { description: '{id,title,…,links:[{journeyId,kind,target,journeyTitle,label,missing,…}]}' },
      errors: ['opportunity_not_found'],
      async handle(input) {
        return input.c.json(await opportunityBody(input, await found(input)));
      },
    }),
    route({
      method: 'patch',
      path: `${base}/{opportunityId}`,
      tag: 'Opportunities',
      summary: 'Change the title, description, owner, status or priority (baseVersion = the version you saw)',
      access: 'editor',
      body: z.strictObject({
        baseVersion: z.number().int().min(1),
        title: fieldsSchema.title.optional(),
        description: fieldsSchema.description.optional(),
        ownerId: fieldsSchema.ownerId.optional(),
        status: fieldsSchema.status.optional(),
        priority: fieldsSchema.priority.optional(),
      }),
      success: { description: 'the opportunity' },
      errors: ['opportunity_not_found', 'version_conflict', 'owner_not_member'],
      async handle(input) {
        const { baseVersion, ...patch } = input.body;
        await checkOwner(input, patch.ownerId);
        const id = input.params['opportunityId']!;
        const changed = await storeOf(input).updateOpportunity({
          workspaceId: workspaceOf(input),
          id,
          baseVersion,
          patch: patch as Parameters<OpportunityStore['updateOpportunity']>[0]['patch'],
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!changed.ok) throw failure(changed.error, 'baseVersion');
        await audit(input, 'opportunity.update', id, {
          version: changed.value.version,
          fields: Object.keys(patch),
        });
        return input.c.json(await opportunityBody(input, changed.value));
      },
    }),
    route({
      method: 'delete',
      path: `${base}/{opportunityId}`,
      tag: 'Opportunities',
      summary: 'Remove an opportunity and its links (the journeys, ideas and business cases stay)',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['opportunity_not_found'],
      async handle(input) {
        const id = input.params['opportunityId']!;
        const removed = await storeOf(input).deleteOpportunity(workspaceOf(input), id);
        if (!removed.ok) throw failure(removed.error);
        await audit(input, 'opportunity.delete', id);
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: `${base}/{opportunityId}/links`,
      tag: 'Opportunities',
      summary:
        'Link evidence (card, step, figure) or what it leads to (idea, business-case, indicator "<set>/<key>")',
      access: 'editor',
      body: linkSchema,
      success: { status: 201, description: 'the opportunity with its links described' },
      errors: ['opportunity_not_found', 'journey_not_found', 'target_not_found', 'link_exists'],
      async handle(input) {
        const o = await found(input);
        await checkedLink(input, input.body, 'link');
        const added = await storeOf(input).addLink({
          workspaceId: workspaceOf(input),
          opportunityId: o.id,
          journeyId: input.body.journeyId as JourneyId,
          kind: input.body.kind,
          target: input.body.target,
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!added.ok) throw failure(added.error, 'target');
        await audit(input, 'opportunity.link', o.id, { ...input.body });
        return input.c.json(await opportunityBody(input, await found(input)), 201);
      },
    }),
    route({
      method: 'delete',
      path: `${base}/{opportunityId}/links`,
      tag: 'Opportunities',
      summary: 'Remove one link (?journeyId=&kind=&target=)',
      access: 'editor',
      query: linkSchema,
      success: { status: 204, description: 'nothing' },
      errors: ['opportunity_not_found', 'link_not_found'],
      async handle(input) {
        const o = await found(input);
        const q = linkSchema.parse(input.query);
        const removed = await storeOf(input).removeLink(
          {
            workspaceId: workspaceOf(input),
            opportunityId: o.id,
            journeyId: q.journeyId as JourneyId,
            kind: q.kind,
            target: q.target,
          },
          { by: userOf(input).id, at: nowIso(input) },
        );
        if (!removed.ok) throw failure(removed.error);
        await audit(input, 'opportunity.unlink', o.id, { ...q });
        return input.c.body(null, 204);
      },
    }),
  ];
}
