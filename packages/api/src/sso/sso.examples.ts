import type { TestApi } from '../testing/test-api';

/** Example requests of the single sign-on routes for the authorisation test (issue 12, item 1). */
export const ssoExamples = {
  'GET /api/auth/sso': () => ({ path: '/api/auth/sso' }),
  'GET /api/auth/sso/start': () => ({ path: '/api/auth/sso/start' }),
  'GET /api/auth/sso/callback': () => ({ path: '/api/auth/sso/callback?code=x&state=y' }),
  'GET /api/auth/sso/sign-out': () => ({ path: '/api/auth/sso/sign-out' }),
  'GET /api/admin/sso': () => ({ path: '/api/admin/sso' }),
  'PUT /api/admin/sso': () => ({
    path: '/api/admin/sso',
    body: {
      issuer: 'https://login.microsoftonline.com/organizations/v2.0',
      clientId: 'client',
      providerName: 'Microsoft',
      allowedDomains: ['council.gov.uk'],
      accounts: 'invitation',
      groupClaim: 'groups',
      groupRoles: [{ group: 'g1', workspaceId: 'w1', role: 'viewer' }],
      passwordSignIn: true,
    },
  }),
  'GET /api/admin/sso/invitations': () => ({ path: '/api/admin/sso/invitations' }),
  'POST /api/admin/sso/invitations': (_t: TestApi, n: number) => ({
    path: '/api/admin/sso/invitations',
    body: { email: `invited${n}@council.gov.uk`, workspaceId: 'w1', role: 'viewer' },
  }),
  'DELETE /api/admin/sso/invitations/{invitationId}': async (t: TestApi, n: number) => {
    const store = (await import('@waymark/store')).createSqlSsoStore(t.stores.sql, {
      secretKey: async () => new Uint8Array(32),
    });
    await store.invite({
      id: `inv-${n}`,
      email: `gone${n}@council.gov.uk`,
      workspaceId: 'w1' as never,
      role: 'viewer',
      invitedBy: null,
      createdAt: new Date().toISOString(),
    });
    return { path: `/api/admin/sso/invitations/inv-${n}` };
  },
};

/** Routes only an instance administrator may call: anyone else signed in is refused (403). */
export const ssoAdminOnly: ReadonlySet<string> = new Set(
  Object.keys(ssoExamples).filter((k) => k.includes('/api/admin/sso')),
);
