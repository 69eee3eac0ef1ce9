import type { UserId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

/** Example requests for the authorisation test (every route joins it). */
export const adminExamples = {
  'GET /api/admin/workspaces': () => ({ path: '/api/admin/workspaces' }),
  'POST /api/admin/workspaces': (_t: unknown, n: number) => ({
    path: '/api/admin/workspaces',
    body: { name: `Department ${n}` },
  }),
  'PATCH /api/admin/workspaces/{workspaceId}': (_t: unknown, n: number) => ({
    path: '/api/admin/workspaces/w2',
    body: { name: `Renamed ${n}` },
  }),
  'GET /api/auth/sessions': () => ({ path: '/api/auth/sessions' }),
  // The matrix signs in a new person `Someone${n - 1}` just before asking for this example: their one session.
  'DELETE /api/auth/sessions/{sessionId}': async (t: TestApi, n: number) => {
    const [own] = await t.stores.accounts.listSessionsOf(
      `u-someone${n - 1}` as UserId,
      t.caps.clock().toISOString(),
    );
    return { path: `/api/auth/sessions/${own?.id ?? 'none'}` };
  },
  'DELETE /api/auth/sessions': () => ({ path: '/api/auth/sessions' }),
};

/** Routes for signed-in people that only an instance administrator may call. */
export const adminOnly: ReadonlySet<string> = new Set([
  'GET /api/admin/workspaces',
  'POST /api/admin/workspaces',
  'PATCH /api/admin/workspaces/{workspaceId}',
]);
