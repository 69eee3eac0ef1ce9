import type { JourneyId } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

/** Example requests for the authorisation test (every route joins it). */
export const libraryExamples = {
  'GET /api/workspaces/{ws}/portfolio': () => ({ path: '/api/workspaces/w1/portfolio?sort=lowest' }),
  'GET /api/admin/portfolio': () => ({ path: '/api/admin/portfolio?format=csv' }),
  'GET /api/workspaces/{ws}/reviews-due': () => ({ path: '/api/workspaces/w1/reviews-due' }),
  'POST /api/workspaces/{ws}/journeys/{id}/review': async (t: TestApi, n: number) => {
    const id = `reviewed-${n}` as JourneyId;
    await t.stores.journeys.createJourney({
      workspaceId: 'w1' as WorkspaceId,
      journey: sampleJourney(id),
      kind: 'create',
      commands: [],
      by: null,
      at: t.caps.clock().toISOString(),
    });
    return { path: `/api/workspaces/w1/journeys/${id}/review`, body: {} };
  },
  'GET /api/search': () => ({ path: '/api/search?q=customer' }),
};

/** Routes for signed-in people that only an instance administrator may call. */
export const libraryAdminOnly: ReadonlySet<string> = new Set(['GET /api/admin/portfolio']);
