import type { JourneyId } from '@waymark/core';
import { seedJourney, type TestApi } from '../testing/test-api';

/** Example requests for the authorisation test (every route joins it). */
export const libraryExamples = {
  'GET /api/workspaces/{ws}/portfolio': () => ({ path: '/api/workspaces/w1/portfolio?sort=lowest' }),
  'GET /api/admin/portfolio': () => ({ path: '/api/admin/portfolio?format=csv' }),
  'GET /api/workspaces/{ws}/reviews-due': () => ({ path: '/api/workspaces/w1/reviews-due' }),
  'POST /api/workspaces/{ws}/journeys/{id}/review': async (t: TestApi, n: number) => {
    const id = `reviewed-${n}` as JourneyId;
    await seedJourney(t, 'w1', id);
    return { path: `/api/workspaces/w1/journeys/${id}/review`, body: {} };
  },
  'GET /api/search': () => ({ path: '/api/search?q=customer' }),
};

/** Routes for signed-in people that only an instance administrator may call. */
export const libraryAdminOnly: ReadonlySet<string> = new Set(['GET /api/admin/portfolio']);
