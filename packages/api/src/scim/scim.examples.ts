import type { TestApi } from '../testing/test-api';

/** Example requests of the provisioning administration routes for the authorisation test (issue 12, item 2). */
export const scimAdminExamples = {
  'GET /api/scim/token': () => ({ path: '/api/scim/token' }),
  'POST /api/scim/token': () => ({ path: '/api/scim/token' }),
  'DELETE /api/scim/token': () => ({ path: '/api/scim/token' }),
  'GET /api/scim/groups': () => ({ path: '/api/scim/groups' }),
  'PUT /api/scim/groups/{groupId}/roles': async (t: TestApi, n: number) => {
    const id = `scim-group-${n}`;
    await t.stores.scim.createGroup({
      id,
      displayName: `Group ${n}`,
      externalId: null,
      members: [],
      at: new Date().toISOString(),
    });
    return { path: `/api/scim/groups/${id}/roles`, body: { roles: [{ workspaceId: 'w1', role: 'viewer' }] } };
  },
};

/** Routes only an instance administrator may call: anyone else signed in is refused (403). */
export const scimAdminOnly: ReadonlySet<string> = new Set(Object.keys(scimAdminExamples));
