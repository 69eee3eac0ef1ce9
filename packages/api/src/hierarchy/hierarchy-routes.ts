import type { Journey, JourneyId } from '@waymark/core';
import type { ChildLink, HierarchyStore, HierarchyStoreError, StepLink } from '@waymark/store';
import { z } from 'zod';
import { ApiFailure, fail } from '../api-error';
import { route, type RouteInput } from '../route-spec';
import { audit, journeyOr404, nowIso, userOf, workspaceOf } from '../routes/route-helpers';

const ws = '/api/workspaces/{ws}';
const idSchema = z.string().min(1).max(100);

function storeOf(input: RouteInput<unknown>): HierarchyStore {
  const store = input.deps.hierarchy;
  if (!store)
    throw new ApiFailure('not_configured', 'this server has no storage for the hierarchy', null, {}, 503);
  return store;
}

/** A store refusal as the API's error: a missing journey or step is 404/422, a rule broken is 409. */
export function hierarchyFailure(e: HierarchyStoreError): ApiFailure {
  return fail(e.code, e.message, e.field);
}

const stepLabel = (journey: Journey | undefined, stepId: string): string | null =>
  journey?.columns.find((c) => c.id === stepId)?.label ?? null;

/** The journeys of the workspace (not in the bin) by id, read once each. */
async function journeysById(
  input: RouteInput<unknown>,
  ids: Iterable<string>,
): Promise<Map<string, Journey>> {
  const found = new Map<string, Journey>();
  for (const id of new Set(ids)) {
    const stored = await input.deps.journeys.getJourney(workspaceOf(input), id as JourneyId);
    if (stored) found.set(id, stored.journey);
  }
  return found;
}

const childBody = (c: ChildLink, journeys: Map<string, Journey>) => ({
  ...c,
  parentTitle: journeys.get(c.parentJourneyId)?.meta.title ?? null,
  parentStepLabel: stepLabel(journeys.get(c.parentJourneyId), c.parentStepId),
  childTitle: journeys.get(c.childJourneyId)?.meta.title ?? null,
});
const stepLinkBody = (l: StepLink, journeys: Map<string, Journey>) => ({
  ...l,
  fromTitle: journeys.get(l.fromJourneyId)?.meta.title ?? null,
  fromStepLabel: stepLabel(journeys.get(l.fromJourneyId), l.fromStepId),
  toTitle: journeys.get(l.toJourneyId)?.meta.title ?? null,
  toStepLabel: stepLabel(journeys.get(l.toJourneyId), l.toStepId),
});

/** Titles and step or card words for a link change, from the journeys as they are now (null when gone). */
function historyLabels(
  detail: Readonly<Record<string, unknown>>,
  journeys: Map<string, Journey>,
  self: string,
) {
  const text = (k: string) => (typeof detail[k] === 'string' ? (detail[k] as string) : '');
  const title = (k: string) => journeys.get(text(k))?.meta.title ?? null;
  const step = (journeyKey: string, stepKey: string) =>
    stepLabel(journeys.get(text(journeyKey)), text(stepKey));
  const target = (): string | null => {
    const journey = journeys.get(self);
    if (!journey || detail['target'] === undefined) return null;
    const id = text('target');
    const card = journey.cards.find((c) => c.id === id);
    if (card && 'text' in card && typeof card.text === 'string') return card.text;
    return stepLabel(journey, id) ?? journey.ideas.find((i) => i.id === id)?.title ?? null;
  };
  return {
    fromTitle: title('fromJourneyId'),
    fromStepLabel: step('fromJourneyId', 'fromStepId'),
    toTitle: title('toJourneyId'),
    toStepLabel: step('toJourneyId', 'toStepId'),
    parentTitle: title('parentJourneyId'),
    parentStepLabel: step('parentJourneyId', 'parentStepId'),
    childTitle: title('childJourneyId'),
    targetLabel: target(),
  };
}

/** Journeys within journeys and steps linked across journeys (issue 14, item 1; decision 0034). */
export function hierarchyRoutes() {
  return [
    route({
      method: 'get',
      path: `${ws}/hierarchy`,
      tag: 'Hierarchy',
      summary:
        'The journeys of the workspace as a tree: which step opens which child journey, and step links',
      access: 'viewer',
      success: { description: '{journeys:[{id,title,journeyType,status}], children:[…], stepLinks:[…]}' },
      async handle(input) {
        const wsId = workspaceOf(input);
        const summaries = await input.deps.journeys.listJourneys(wsId);
        const children = await storeOf(input).listChildren(wsId);
        const stepLinks = await storeOf(input).listStepLinks(wsId);
        const journeys = await journeysById(input, [
          ...children.map((c) => c.parentJourneyId),
          ...stepLinks.flatMap((l) => [l.fromJourneyId, l.toJourneyId]),
        ]);
        return input.c.json({
          journeys: summaries.map((j) => ({
            id: j.id,
            title: j.title,
            journeyType: j.journeyType,
            status: j.status,
          })),
          children: children.map((c) => childBody(c, journeys)),
          stepLinks: stepLinks.map((l) => stepLinkBody(l, journeys)),
        });
      },
    }),
    route({
      method: 'get',
      path: `${ws}/journeys/{id}/connections`,
      tag: 'Hierarchy',
      summary:
        'What a journey is linked to: the step of its parent, the child journeys its steps open, step links either way, and the opportunities that use its evidence',
      access: 'viewer',
      success: {
        description:
          '{parent, children, stepLinks, opportunities, history:[{seq, at, by, action (added, removed), link (step-link, child, opportunity), detail, labels}]}',
      },
      errors: ['journey_not_found'],
      async handle(input) {
        const j = await journeyOr404(input);
        const wsId = workspaceOf(input);
        const all = await storeOf(input).listChildren(wsId);
        const mine = all.filter((c) => c.parentJourneyId === j.id || c.childJourneyId === j.id);
        const stepLinks = await storeOf(input).listStepLinks(wsId, j.id);
        const journeys = await journeysById(input, [
          ...mine.flatMap((c) => [c.parentJourneyId, c.childJourneyId]),
          ...stepLinks.flatMap((l) => [l.fromJourneyId, l.toJourneyId]),
        ]);
        const parent = mine.find((c) => c.childJourneyId === j.id);
        const opportunities = (await input.deps.opportunities?.opportunitiesOfJourney(wsId, j.id)) ?? [];
        // Links make no journey version: their changes are the journey's link history (decision 0040).
        const history = await storeOf(input).linkHistory(wsId, j.id);
        const named = await journeysById(input, [
          ...journeys.keys(),
          ...history.flatMap((h) =>
            ['fromJourneyId', 'toJourneyId', 'parentJourneyId', 'childJourneyId']
              .map((k) => h.detail[k])
              .filter((v): v is string => typeof v === 'string' && !journeys.has(v)),
          ),
        ]);
        named.set(j.id, j.journey);
        return input.c.json({
          parent: parent ? childBody(parent, journeys) : null,
          children: mine.filter((c) => c.parentJourneyId === j.id).map((c) => childBody(c, journeys)),
          stepLinks: stepLinks.map((l) => stepLinkBody(l, journeys)),
          opportunities: opportunities.map((o) => ({
            id: o.id,
            title: o.title,
            status: o.status,
            priority: o.priority,
            links: o.links.filter((l) => l.journeyId === j.id),
          })),
          history: history.map((h) => ({ ...h, labels: historyLabels(h.detail, named, j.id) })),
        });
      },
    }),
    route({
      method: 'put',
      path: `${ws}/journeys/{id}/steps/{stepId}/child`,
      tag: 'Hierarchy',
      summary:
        'Make this step open a child journey of the same workspace (a journey has one parent; no cycles; 409 when either rule is broken)',
      access: 'editor',
      body: z.strictObject({ childJourneyId: idSchema }),
      success: { description: '{parentJourneyId, parentStepId, childJourneyId, …}' },
      errors: [
        'journey_not_found',
        'step_not_found',
        'same_journey',
        'already_has_parent',
        'step_has_child',
        'hierarchy_cycle',
      ],
      async handle(input) {
        const j = await journeyOr404(input);
        const stepId = input.params['stepId']!;
        const made = await storeOf(input).setChild({
          workspaceId: workspaceOf(input),
          parentJourneyId: j.id,
          parentStepId: stepId,
          childJourneyId: input.body.childJourneyId as JourneyId,
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!made.ok) throw hierarchyFailure(made.error);
        await audit(input, 'hierarchy.child', `${j.id}/${stepId}`, { child: made.value.childJourneyId });
        const journeys = await journeysById(input, [j.id, made.value.childJourneyId]);
        return input.c.json(childBody(made.value, journeys));
      },
    }),
    route({
      method: 'delete',
      path: `${ws}/journeys/{id}/steps/{stepId}/child`,
      tag: 'Hierarchy',
      summary: 'Stop this step opening its child journey (the child journey itself stays)',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['journey_not_found', 'link_not_found'],
      async handle(input) {
        const j = await journeyOr404(input);
        const stepId = input.params['stepId']!;
        const store = storeOf(input);
        const child = (await store.listChildren(workspaceOf(input))).find(
          (c) => c.parentJourneyId === j.id && c.parentStepId === stepId,
        );
        if (!child) throw fail('link_not_found', `step "${stepId}" opens no journey`, 'stepId');
        const removed = await store.removeChild(workspaceOf(input), child.childJourneyId, {
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!removed.ok) throw hierarchyFailure(removed.error);
        await audit(input, 'hierarchy.child-remove', `${j.id}/${stepId}`, { child: child.childJourneyId });
        return input.c.body(null, 204);
      },
    }),
    route({
      method: 'post',
      path: `${ws}/step-links`,
      tag: 'Hierarchy',
      summary: 'Link a step of one journey to a step of another journey of this workspace (a hand-over)',
      access: 'editor',
      body: z.strictObject({
        fromJourneyId: idSchema,
        fromStepId: idSchema,
        toJourneyId: idSchema,
        toStepId: idSchema,
        label: z.string().trim().min(1).max(300).optional(),
      }),
      success: {
        status: 201,
        description: '{id, fromJourneyId, fromStepId, toJourneyId, toStepId, label, …}',
      },
      errors: ['journey_not_found', 'step_not_found', 'same_journey', 'link_exists'],
      async handle(input) {
        const b = input.body;
        const made = await storeOf(input).addStepLink({
          workspaceId: workspaceOf(input),
          id: input.deps.newId(),
          fromJourneyId: b.fromJourneyId as JourneyId,
          fromStepId: b.fromStepId,
          toJourneyId: b.toJourneyId as JourneyId,
          toStepId: b.toStepId,
          label: b.label ?? null,
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!made.ok) throw hierarchyFailure(made.error);
        await audit(input, 'hierarchy.step-link', made.value.id, {
          from: `${b.fromJourneyId}/${b.fromStepId}`,
          to: `${b.toJourneyId}/${b.toStepId}`,
        });
        const journeys = await journeysById(input, [b.fromJourneyId, b.toJourneyId]);
        return input.c.json(stepLinkBody(made.value, journeys), 201);
      },
    }),
    route({
      method: 'delete',
      path: `${ws}/step-links/{linkId}`,
      tag: 'Hierarchy',
      summary: 'Remove a link between steps of two journeys',
      access: 'editor',
      success: { status: 204, description: 'nothing' },
      errors: ['link_not_found'],
      async handle(input) {
        const id = input.params['linkId']!;
        const removed = await storeOf(input).removeStepLink(workspaceOf(input), id, {
          by: userOf(input).id,
          at: nowIso(input),
        });
        if (!removed.ok) throw hierarchyFailure(removed.error);
        await audit(input, 'hierarchy.step-link-remove', id);
        return input.c.body(null, 204);
      },
    }),
  ];
}
