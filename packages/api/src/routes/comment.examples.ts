import type { TestApi } from '../testing/test-api';

type Example = { path: string; body?: unknown; headers?: Record<string, string> };

/**
 * Example requests for the authorisation matrix (authorisation.test.ts), one per comment-thread route
 * (decision 0018). They use comment c1 on journey j1 of w1, which the matrix makes; the reply mentions Olive,
 * the owner, so mentioning is checked for each role too.
 */
export const commentExamples: Record<string, (t: TestApi, n: number) => Promise<Example> | Example> = {
  'POST /api/workspaces/{ws}/journeys/{id}/comments/{cid}/replies': () => ({
    path: '/api/workspaces/w1/journeys/j1/comments/c1/replies',
    body: { body: '@Olive agreed', mentions: ['u-olive'] },
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/comments/{cid}/seen': () => ({
    path: '/api/workspaces/w1/journeys/j1/comments/c1/seen',
  }),
  'GET /api/workspaces/{ws}/things-to-look-at': () => ({ path: '/api/workspaces/w1/things-to-look-at' }),
};
