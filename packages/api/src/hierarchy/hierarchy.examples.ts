import type { JourneyId } from '@waymark/core';
import type { UserId, WorkspaceId } from '@waymark/store';
import { seedJourney, type TestApi } from '../testing/test-api';

interface Example {
  path: string;
  body?: unknown;
}
const ws = 'w1' as WorkspaceId;
const w1 = '/api/workspaces/w1';

/** A fresh journey of w1 (three steps s1–s3), so each check starts from the same state. */
async function journey(t: TestApi, id: string): Promise<JourneyId> {
  await seedJourney(t, ws, id);
  return id as JourneyId;
}

/** An opportunity of w1 straight in the store, with a link to card s1-call of j1. */
export async function seedOpportunity(t: TestApi, id: string): Promise<string> {
  const at = t.caps.clock().toISOString();
  await t.stores.opportunities.createOpportunity({
    workspaceId: ws,
    id,
    title: `Opportunity ${id}`,
    description: null,
    ownerId: 'u-olive' as UserId,
    status: 'open',
    priority: 'high',
    by: null,
    at,
  });
  await t.stores.opportunities.addLink({
    workspaceId: ws,
    opportunityId: id,
    journeyId: 'j1' as JourneyId,
    kind: 'card',
    target: 's1-call',
    by: null,
    at,
    atCreation: true,
  });
  return id;
}

/** Example requests of the hierarchy and opportunity routes for the authorisation matrix. */
export const hierarchyExamples: Record<string, (t: TestApi, n: number) => Promise<Example> | Example> = {
  'GET /api/workspaces/{ws}/hierarchy': () => ({ path: `${w1}/hierarchy` }),
  'GET /api/workspaces/{ws}/journeys/{id}/connections': () => ({ path: `${w1}/journeys/j1/connections` }),
  'PUT /api/workspaces/{ws}/journeys/{id}/steps/{stepId}/child': async (t, n) => {
    const parent = await journey(t, `whole-${n}`);
    const child = await journey(t, `part-${n}`);
    return { path: `${w1}/journeys/${parent}/steps/s1/child`, body: { childJourneyId: child } };
  },
  'DELETE /api/workspaces/{ws}/journeys/{id}/steps/{stepId}/child': async (t, n) => {
    const parent = await journey(t, `whole-${n}`);
    const child = await journey(t, `part-${n}`);
    await t.stores.hierarchy.setChild({
      workspaceId: ws,
      parentJourneyId: parent,
      parentStepId: 's2',
      childJourneyId: child,
      by: null,
      at: t.caps.clock().toISOString(),
    });
    return { path: `${w1}/journeys/${parent}/steps/s2/child` };
  },
  'POST /api/workspaces/{ws}/step-links': async (t, n) => ({
    path: `${w1}/step-links`,
    body: { fromJourneyId: 'j1', fromStepId: 's1', toJourneyId: await journey(t, `to-${n}`), toStepId: 's2' },
  }),
  'DELETE /api/workspaces/{ws}/step-links/{linkId}': async (t, n) => {
    const to = await journey(t, `to-${n}`);
    await t.stores.hierarchy.addStepLink({
      workspaceId: ws,
      id: `link-${n}`,
      fromJourneyId: 'j1' as JourneyId,
      fromStepId: 's1',
      toJourneyId: to,
      toStepId: 's1',
      label: null,
      by: null,
      at: t.caps.clock().toISOString(),
    });
    return { path: `${w1}/step-links/link-${n}` };
  },
  'GET /api/workspaces/{ws}/opportunities': () => ({ path: `${w1}/opportunities` }),
  'POST /api/workspaces/{ws}/opportunities': () => ({
    path: `${w1}/opportunities`,
    body: {
      title: 'People chase progress',
      priority: 'high',
      links: [{ journeyId: 'j1', kind: 'card', target: 's2-call' }],
    },
  }),
  'GET /api/workspaces/{ws}/opportunities/{opportunityId}': async (t, n) => ({
    path: `${w1}/opportunities/${await seedOpportunity(t, `get-${n}`)}`,
  }),
  'PATCH /api/workspaces/{ws}/opportunities/{opportunityId}': async (t, n) => ({
    path: `${w1}/opportunities/${await seedOpportunity(t, `patch-${n}`)}`,
    body: { baseVersion: 1, status: 'in-progress' },
  }),
  'DELETE /api/workspaces/{ws}/opportunities/{opportunityId}': async (t, n) => ({
    path: `${w1}/opportunities/${await seedOpportunity(t, `del-${n}`)}`,
  }),
  'POST /api/workspaces/{ws}/opportunities/{opportunityId}/links': async (t, n) => ({
    path: `${w1}/opportunities/${await seedOpportunity(t, `link-${n}`)}/links`,
    body: { journeyId: 'j1', kind: 'step', target: 's3' },
  }),
  'DELETE /api/workspaces/{ws}/opportunities/{opportunityId}/links': async (t, n) => ({
    path: `${w1}/opportunities/${await seedOpportunity(t, `unlink-${n}`)}/links?journeyId=j1&kind=card&target=s1-call`,
  }),
};
