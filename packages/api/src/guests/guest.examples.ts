import type { JourneyId } from '@waymark/core';
import type { UserId, WorkspaceId } from '@waymark/store';
import { hashToken } from '../auth/secrets';
import type { TestApi } from '../testing/test-api';

/** A workshop link on w1/j1 made by Olive (the owner), working for a day: for the authorisation examples. */
async function exampleLink(t: TestApi, n: number) {
  const now = t.caps.clock();
  const link = await t.stores.guests.createLink({
    id: `gl-${n}`,
    workspaceId: 'w1' as WorkspaceId,
    journeyId: 'j1' as JourneyId,
    role: 'editor',
    tokenHash: hashToken(`guest-token-${n}`),
    createdBy: 'u-olive' as UserId,
    at: now.toISOString(),
    expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
  });
  return { link, token: `guest-token-${n}` };
}

/** Example requests for the guest routes, for the authorisation test generated from the route table. */
export const guestExamples: Record<
  string,
  (t: TestApi, n: number) => Promise<{ path: string; body?: unknown }> | { path: string; body?: unknown }
> = {
  'POST /api/workspaces/{ws}/journeys/{id}/guest-links': () => ({
    path: '/api/workspaces/w1/journeys/j1/guest-links',
    body: { role: 'commenter' },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/guest-links': () => ({
    path: '/api/workspaces/w1/journeys/j1/guest-links',
  }),
  'DELETE /api/workspaces/{ws}/journeys/{id}/guest-links/{lid}': async (t, n) => ({
    path: `/api/workspaces/w1/journeys/j1/guest-links/${(await exampleLink(t, n)).link.id}`,
  }),
  'DELETE /api/workspaces/{ws}/journeys/{id}/guests/{gid}': async (t, n) => {
    const { token } = await exampleLink(t, n);
    const joined = await t.stores.guests.join({
      tokenHash: hashToken(token),
      guestId: `guest-x${n}` as UserId,
      name: 'Gina',
      organisation: null,
      userName: 'Gina (guest)',
      email: `guest-x${n}@guest.invalid`,
      sessionHash: `example-session-${n}`,
      csrfToken: 'x',
      at: t.caps.clock().toISOString(),
    });
    if (!joined.ok) throw new Error(joined.error.message);
    return { path: `/api/workspaces/w1/journeys/j1/guests/guest-x${n}` };
  },
  'GET /api/guest-links/{token}': async (t, n) => ({
    path: `/api/guest-links/${(await exampleLink(t, n)).token}`,
  }),
  'POST /api/guest-links/{token}/join': async (t, n) => ({
    path: `/api/guest-links/${(await exampleLink(t, n)).token}/join`,
    body: { name: 'Gina', organisation: 'Borough Council' },
  }),
  'GET /api/guest/me': () => ({ path: '/api/guest/me' }),
  'POST /api/guest/leave': () => ({ path: '/api/guest/leave' }),
};
