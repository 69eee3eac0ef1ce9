import { workedCheckCostModel } from '@waymark/measure';
import type { WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

export const exampleCostModel = workedCheckCostModel;

/** A model of w1 made directly in the store, for the routes that change or remove one. */
async function freshModel(t: TestApi, n: number): Promise<string> {
  const id = `cm-${n}`;
  await t.stores.costs.putCostModel({
    workspaceId: 'w1' as WorkspaceId,
    id,
    ...exampleCostModel,
    by: null,
    at: new Date().toISOString(),
  });
  return id;
}

/** Example requests of the cost model routes for the authorisation test (issue 13 item 2). */
export const costExamples = {
  'GET /api/workspaces/{ws}/cost-models': () => ({ path: '/api/workspaces/w1/cost-models' }),
  'POST /api/workspaces/{ws}/cost-models': () => ({
    path: '/api/workspaces/w1/cost-models',
    body: exampleCostModel,
  }),
  'PUT /api/workspaces/{ws}/cost-models/{modelId}': async (t: TestApi, n: number) => ({
    path: `/api/workspaces/w1/cost-models/${await freshModel(t, n)}`,
    body: exampleCostModel,
  }),
  'DELETE /api/workspaces/{ws}/cost-models/{modelId}': async (t: TestApi, n: number) => ({
    path: `/api/workspaces/w1/cost-models/${await freshModel(t, n)}`,
  }),
  'PUT /api/workspaces/{ws}/cost-default': () => ({
    path: '/api/workspaces/w1/cost-default',
    body: { modelId: 'socitm-2011', priceYear: null },
  }),
  'PUT /api/admin/deflator': () => ({
    path: `/api/admin/deflator?title=${encodeURIComponent('GDP deflators: test')}&published=2026-09&url=${encodeURIComponent('https://www.gov.uk/x')}`,
    body: 'year,index\n2024,100\n2025,103\n',
    headers: { 'content-type': 'text/csv' },
  }),
  'DELETE /api/admin/deflator': () => ({ path: '/api/admin/deflator' }),
};

/** Routes for signed-in people that only an instance administrator may call. */
export const costAdminOnly: ReadonlySet<string> = new Set([
  'PUT /api/admin/deflator',
  'DELETE /api/admin/deflator',
]);
