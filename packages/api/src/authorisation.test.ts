import type { JourneyId } from '@waymark/core';
import {
  hasRole,
  roles,
  tokenScopes,
  type TokenScope,
  sampleJourney,
  type CommentId,
  type Role,
  type ShareId,
  type TokenId,
  type WorkspaceId,
} from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from './deps';
import { routeScope, type RouteSpec } from './route-spec';
import { apiRoutes } from './routes/all-routes';
import { hashToken } from './auth/secrets';
import { buildOpenApi } from './openapi';
import { createTestApi, seedJourney, type Client, type TestApi } from './testing/test-api';
import { improvementExamples } from './routes/improvement.examples';
import { datasetExamples } from './routes/dataset.examples';
import { guestExamples } from './guests/guest.examples';
import { groupExamples } from './routes/group.examples';
import { commentExamples } from './routes/comment.examples';
import { instanceAdminOnly, legalExamples } from './legal/legal.examples';
import { scimAdminExamples, scimAdminOnly } from './scim/scim.examples';
import { retentionExamples } from './retention/retention.examples';
import { surveyExamples } from './surveys/survey.examples';
import { costAdminOnly, costExamples } from './costs/cost.examples';
import { templateExamples } from './templates/template.examples';
import { adminExamples, adminOnly } from './admin/admin.examples';
import { ssoAdminOnly, ssoExamples } from './sso/sso.examples';
import { peopleAdminOnly, peopleExamples } from './people/people.examples';
import { libraryAdminOnly, libraryExamples } from './library/library.examples';
import { hierarchyExamples } from './hierarchy/hierarchy.examples';

/**
 * Who may use every route: generated from the route table, so a new route fails here until it has an example
 * request. For each route: anonymous → 401; a member of another workspace → 404; each role below the one
 * needed → 403; the lowest role allowed → success.
 */
interface Example {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}
type ExampleFor = (t: TestApi, n: number) => Promise<Example> | Example;

const ws = 'w1' as WorkspaceId;
const at = () => new Date().toISOString();
/** A fresh journey for routes that change or remove one, so each check starts from the same state. */
async function freshJourney(t: TestApi, n: number) {
  const id = `fresh-${n}` as JourneyId;
  await seedJourney(t, ws, id, { at: at() });
  return id;
}

const examples: Record<string, ExampleFor> = {
  'GET /api/health': () => ({ path: '/api/health' }),
  'GET /api/openapi.json': () => ({ path: '/api/openapi.json' }),
  'GET /api/docs': () => ({ path: '/api/docs' }),
  'GET /api/setup': () => ({ path: '/api/setup' }),
  'POST /api/setup': () => ({
    path: '/api/setup',
    body: { email: 'x@example.org', name: 'X', password: 'long enough password' },
  }),
  'POST /api/auth/sign-in': () => ({
    path: '/api/auth/sign-in',
    body: { email: 'olive@example.org', password: 'correct horse battery' },
  }),
  'POST /api/auth/sign-out': () => ({ path: '/api/auth/sign-out' }),
  'GET /api/auth/me': () => ({ path: '/api/auth/me' }),
  'PATCH /api/auth/me': () => ({ path: '/api/auth/me', body: { locale: 'cy' } }),
  'GET /api/workspaces': () => ({ path: '/api/workspaces' }),
  'POST /api/workspaces': () => ({ path: '/api/workspaces', body: { name: 'Another' } }),
  'GET /api/workspaces/{ws}': () => ({ path: '/api/workspaces/w1' }),
  'GET /api/workspaces/{ws}/members': () => ({ path: '/api/workspaces/w1/members' }),
  'POST /api/workspaces/{ws}/members': (_t, n) => ({
    path: '/api/workspaces/w1/members',
    body: { email: `new${n}@example.org`, role: 'viewer' },
  }),
  'PATCH /api/workspaces/{ws}/members/{userId}': () => ({
    path: '/api/workspaces/w1/members/u-vi',
    body: { role: 'viewer' },
  }),
  'DELETE /api/workspaces/{ws}/members/{userId}': async (t, n) => {
    const id = await t.addUser(`Leaver${n}`, { ws, role: 'viewer' });
    return { path: `/api/workspaces/w1/members/${id}` };
  },
  'POST /api/workspaces/{ws}/members/{userId}/password-reset': async (t, n) => {
    const id = await t.addUser(`Forgetful${n}`, { ws, role: 'viewer' });
    return { path: `/api/workspaces/w1/members/${id}/password-reset` };
  },
  'POST /api/auth/password': () => ({
    path: '/api/auth/password',
    body: { currentPassword: 'correct horse battery', newPassword: 'tractor lemon chapel' },
  }),
  'GET /api/workspaces/{ws}/journeys': () => ({ path: '/api/workspaces/w1/journeys?q=journey' }),
  'POST /api/workspaces/{ws}/journeys': (_t, n) => ({
    path: '/api/workspaces/w1/journeys',
    body: { template: 'blank-current', title: `New ${n}` },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}': () => ({ path: '/api/workspaces/w1/journeys/j1' }),
  'DELETE /api/workspaces/{ws}/journeys/{id}': async (t, n) => ({
    path: `/api/workspaces/w1/journeys/${await freshJourney(t, n)}`,
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/undelete': async (t, n) => {
    const id = await freshJourney(t, n);
    await t.stores.journeys.softDelete(ws, id, t.caps.clock().toISOString());
    return { path: `/api/workspaces/w1/journeys/${id}/undelete` };
  },
  'POST /api/workspaces/{ws}/journeys/{id}/commands': async (t, n) => ({
    path: `/api/workspaces/w1/journeys/${await freshJourney(t, n)}/commands`,
    body: { baseVersion: 1, commands: [{ type: 'meta.update', patch: { title: 'Renamed' } }] },
  }),
  'PUT /api/workspaces/{ws}/journeys/{id}': async (t, n) => ({
    path: `/api/workspaces/w1/journeys/${await freshJourney(t, n)}`,
    body: {
      baseVersion: 1,
      journey: { ...sampleJourney(`fresh-${n}`), meta: { ...sampleJourney('x').meta, title: 'Replaced' } },
    },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/history': () => ({
    path: '/api/workspaces/w1/journeys/j1/history',
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/versions/{version}': () => ({
    path: '/api/workspaces/w1/journeys/j1/versions/1',
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/restore': async (t, n) => ({
    path: `/api/workspaces/w1/journeys/${await freshJourney(t, n)}/restore`,
    body: { version: 1 },
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/duplicate': () => ({
    path: '/api/workspaces/w1/journeys/j1/duplicate',
    body: { journeyType: 'desired' },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/export': () => ({
    path: '/api/workspaces/w1/journeys/j1/export?format=yaml',
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/poster': () => ({
    path: '/api/workspaces/w1/journeys/j1/poster?format=png',
  }),
  'POST /api/workspaces/{ws}/import': (_t, n) => ({
    path: '/api/workspaces/w1/import',
    body: JSON.stringify(sampleJourney(`imported-${n}`)),
    headers: { 'content-type': 'application/json' },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/comments': () => ({
    path: '/api/workspaces/w1/journeys/j1/comments',
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/comments': () => ({
    path: '/api/workspaces/w1/journeys/j1/comments',
    body: { target: { cardId: 's1-step' }, body: 'Why?' },
  }),
  'PATCH /api/workspaces/{ws}/journeys/{id}/comments/{cid}': () => ({
    path: '/api/workspaces/w1/journeys/j1/comments/c1',
    body: { resolved: true },
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/shares': () => ({
    path: '/api/workspaces/w1/journeys/j1/shares',
    body: { expiresAt: '2026-04-01T00:00:00Z' },
  }),
  'GET /api/workspaces/{ws}/journeys/{id}/shares': () => ({ path: '/api/workspaces/w1/journeys/j1/shares' }),
  'DELETE /api/workspaces/{ws}/journeys/{id}/shares/{sid}': async (t, n) => {
    const now = t.caps.clock();
    await t.stores.journeys.createShare({
      id: `sh-${n}` as ShareId,
      workspaceId: ws,
      journeyId: 'j1' as JourneyId,
      tokenHash: `h${n}`,
      createdBy: 'u-olive' as never,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
    });
    return { path: `/api/workspaces/w1/journeys/j1/shares/sh-${n}` };
  },
  'GET /api/share/{token}': () => ({ path: '/api/share/the-share-token' }),
  'GET /api/workspaces/{ws}/tokens': () => ({ path: '/api/workspaces/w1/tokens' }),
  'POST /api/workspaces/{ws}/tokens': () => ({ path: '/api/workspaces/w1/tokens', body: { name: 'CI' } }),
  'DELETE /api/workspaces/{ws}/tokens/{tid}': () => ({ path: '/api/workspaces/w1/tokens/t1' }),
  'GET /api/workspaces/{ws}/audit': () => ({
    path: '/api/workspaces/w1/audit?action=token.&from=2026-01-01',
  }),
  'GET /api/workspaces/{ws}/audit.csv': () => ({ path: '/api/workspaces/w1/audit.csv?actor=u-olive' }),
  ...improvementExamples,
  ...datasetExamples,
  ...guestExamples,
  ...groupExamples,
  ...commentExamples,
  ...legalExamples,
  ...scimAdminExamples,
  ...retentionExamples,
  ...surveyExamples,
  ...costExamples,
  ...templateExamples,
  ...adminExamples,
  ...ssoExamples,
  ...peopleExamples,
  ...hierarchyExamples,
  ...libraryExamples,
};

const people: Record<Role, string> = { owner: 'Olive', editor: 'Ed', commenter: 'Cam', viewer: 'Vi' };
const keyOf = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;
const routes = apiRoutes(defaultLimits);

describe('authorisation of every route', () => {
  let t: TestApi;
  let clients: Record<Role | 'outsider', Client>;
  /** API tokens of w1, one per role (made by the member of that role) and scope. */
  let tokens: Record<Role, Record<TokenScope, Client>>;
  /** An owner-role token holding every scope. */
  let ownerWithEveryScope: Client;
  let anonymous: Client;
  let n = 0;

  beforeAll(async () => {
    // Given: workspace w1 with one member of each role, and Otto who owns only w2.
    // import jobs stay queued here (no slot), so one can always be followed or cancelled
    t = await createTestApi({}, { importJobs: { concurrency: 0, perPerson: 1000 } });
    for (const role of roles) await t.addUser(people[role], { ws, role });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    await seedJourney(t, ws, 'j1', { at: at() });
    await t.stores.journeys.addComment({
      id: 'c1' as CommentId,
      workspaceId: ws,
      journeyId: 'j1' as JourneyId,
      target: { cardId: 's1-step' },
      body: 'x',
      authorId: 'u-vi' as never,
      at: at(),
    });
    const shareAt = t.caps.clock();
    await t.stores.journeys.createShare({
      id: 'sh1' as ShareId,
      workspaceId: ws,
      journeyId: 'j1' as JourneyId,
      tokenHash: hashToken('the-share-token'),
      createdBy: 'u-olive' as never,
      createdAt: shareAt.toISOString(),
      expiresAt: new Date(shareAt.getTime() + 86_400_000).toISOString(),
    });
    await t.stores.accounts.createApiToken({
      id: 't1' as TokenId,
      workspaceId: ws,
      name: 'x',
      role: 'viewer',
      createdBy: 'u-olive' as never,
      createdAt: at(),
      tokenHash: 'unused',
    });
    clients = {
      owner: await t.signIn('Olive'),
      editor: await t.signIn('Ed'),
      commenter: await t.signIn('Cam'),
      viewer: await t.signIn('Vi'),
      outsider: await t.signIn('Otto'),
    };
    const { clientWith } = await import('./testing/test-api');
    anonymous = clientWith(t.app, {});
    const tokenClients: Partial<Record<Role, Partial<Record<TokenScope, Client>>>> = {};
    for (const role of [...roles, 'all' as const]) {
      const owner = role === 'all';
      const made = owner ? 'owner' : role;
      for (const scope of owner ? (['all'] as const) : tokenScopes) {
        const secret = `wm_${made}_${scope}_${role}`;
        await t.stores.accounts.createApiToken({
          id: `t-${role}-${scope}` as TokenId,
          workspaceId: ws,
          name: `${role} token for ${scope}`,
          role: made,
          scopes: scope === 'all' ? tokenScopes : [scope],
          createdBy: `u-${people[made].toLowerCase()}` as never,
          createdAt: at(),
          tokenHash: hashToken(secret),
        });
        const client = clientWith(t.app, { authorization: `Bearer ${secret}` });
        if (scope === 'all') ownerWithEveryScope = client;
        else (tokenClients[made] ??= {})[scope] = client;
      }
    }
    tokens = tokenClients as Record<Role, Record<TokenScope, Client>>;
  });
  afterAll(() => t.close());

  it('has an example request for every route in the table', () => {
    expect(routes.map(keyOf).filter((k) => !(k in examples))).toEqual([]);
  });

  const send = async (client: Client, spec: RouteSpec) => {
    const ex = await examples[keyOf(spec)]!(t, ++n);
    return client.request(spec.method.toUpperCase(), ex.path, ex.body, ex.headers);
  };

  for (const spec of routes) {
    const expected = spec.success?.status ?? 200;
    if (spec.access === 'public') {
      // Setup only works once, on an empty instance: it is checked in setup.test.ts.
      if (keyOf(spec) === 'POST /api/setup') continue;
      it(`${keyOf(spec)}: anyone may call it`, async () => {
        expect((await send(anonymous, spec)).status).toBe(expected);
      });
      continue;
    }
    it(`${keyOf(spec)}: anonymous → 401`, async () => {
      const res = await send(anonymous, spec);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    });
    if (scimAdminOnly.has(keyOf(spec))) {
      // Provisioning (issue 12, item 2): only an instance administrator, Olive, the first account made.
      it(`${keyOf(spec)}: a signed-in user who is not an instance administrator → 403`, async () => {
        const res = await send(clients.editor, spec);
        expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
          403,
          'forbidden',
        ]);
      });
      it(`${keyOf(spec)}: an instance administrator → ${expected}`, async () => {
        const res = await send(clients.owner, spec);
        expect(res.status, await res.clone().text()).toBe(expected);
      });
      continue;
    }
    if (
      spec.access === 'user' &&
      (instanceAdminOnly.has(keyOf(spec)) ||
        adminOnly.has(keyOf(spec)) ||
        costAdminOnly.has(keyOf(spec)) ||
        ssoAdminOnly.has(keyOf(spec)) ||
        peopleAdminOnly.has(keyOf(spec)) ||
        libraryAdminOnly.has(keyOf(spec)))
    ) {
      // The legal pages' edits (issue 12, item 5): a person signed in who is not an instance administrator.
      it(`${keyOf(spec)}: a signed-in user who is not an instance administrator → 403`, async () => {
        // Not Olive: the first account made is the instance administrator (migration 014).
        const res = await send(clients.editor, spec);
        expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
          403,
          'forbidden',
        ]);
      });
      it(`${keyOf(spec)}: an instance administrator → ${expected}`, async () => {
        const res = await send(clients.owner, spec);
        expect(res.status, await res.clone().text()).toBe(expected);
      });
      continue;
    }
    if (spec.access === 'user') {
      it(`${keyOf(spec)}: any signed-in user → ${expected}`, async () => {
        // A person and session of their own: sign-out ends the session, a password change the password.
        const name = `Someone${++n}`;
        await t.addUser(name);
        const res = await send(await t.signIn(name), spec);
        expect(res.status, await res.clone().text()).toBe(expected);
      });
      continue;
    }
    const needed = spec.access;
    it(`${keyOf(spec)}: a member of another workspace → 404`, async () => {
      const res = await send(clients.outsider, spec);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('workspace_not_found');
    });
    for (const role of roles.filter((r) => !hasRole(r, needed))) {
      it(`${keyOf(spec)}: ${role} → 403`, async () => {
        const res = await send(clients[role], spec);
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      });
    }
    it(`${keyOf(spec)}: ${needed} → ${expected}`, async () => {
      const res = await send(clients[needed], spec);
      expect(res.status, await res.clone().text()).toBe(expected);
    });
  }

  // API tokens: a token of the lowest role the route allows (owner for routes of any signed-in person), one
  // per scope. Only the route's scope succeeds; routes for people (accounts, membership, tokens, share links,
  // passwords) refuse every token, even an owner's with every scope.
  for (const spec of routes) {
    if (spec.access === 'public') continue;
    const scope = routeScope(spec);
    const role: Role = spec.access === 'user' ? 'owner' : spec.access;
    if (scope === 'session')
      it(`${keyOf(spec)}: an owner token with every scope → 403`, async () => {
        const res = await send(ownerWithEveryScope, spec);
        expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
          403,
          'forbidden',
        ]);
      });
    for (const held of tokenScopes) {
      const allowed = scope === held;
      const expected = allowed ? (spec.success?.status ?? 200) : 403;
      it(`${keyOf(spec)}: ${role === 'owner' ? 'an owner' : `a ${role}`} token with only the ${held} scope → ${expected}`, async () => {
        const res = await send(tokens[role][held], spec);
        expect(res.status, await res.clone().text()).toBe(expected);
        if (!allowed)
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
            scope === 'session' ? 'forbidden' : 'insufficient_scope',
          );
      });
    }
  }

  it('keeps accounts, membership, tokens, share links and passwords for people signed in, never for tokens', () => {
    const sessionOnly = routes.filter((r) => r.access !== 'public' && routeScope(r) === 'session').map(keyOf);
    expect(sessionOnly.sort()).toEqual(
      [
        'POST /api/auth/sign-out',
        'POST /api/auth/password',
        'PATCH /api/auth/me',
        'POST /api/workspaces',
        'POST /api/workspaces/{ws}/members',
        'PATCH /api/workspaces/{ws}/members/{userId}',
        'DELETE /api/workspaces/{ws}/members/{userId}',
        'POST /api/workspaces/{ws}/members/{userId}/password-reset',
        'POST /api/workspaces/{ws}/tokens',
        'DELETE /api/workspaces/{ws}/tokens/{tid}',
        'POST /api/workspaces/{ws}/journeys/{id}/shares',
        'DELETE /api/workspaces/{ws}/journeys/{id}/shares/{sid}',
        // copying a map into another workspace needs the person's membership there, which a token (one workspace) lacks
        'POST /api/workspaces/{ws}/journeys/{id}/copy',
        'POST /api/workspaces/{ws}/journeys/{id}/guest-links',
        'GET /api/workspaces/{ws}/journeys/{id}/guest-links',
        'DELETE /api/workspaces/{ws}/journeys/{id}/guest-links/{lid}',
        'DELETE /api/workspaces/{ws}/journeys/{id}/guests/{gid}',
        'PUT /api/legal/accessibility',
        'PUT /api/legal/privacy',
        'GET /api/scim/token',
        'POST /api/scim/token',
        'DELETE /api/scim/token',
        'GET /api/scim/groups',
        'PUT /api/scim/groups/{groupId}/roles',
        'PUT /api/workspaces/{ws}/retention',
        'PUT /api/admin/deflator',
        'DELETE /api/admin/deflator',
        'GET /api/workspaces/{ws}/export',
        'DELETE /api/workspaces/{ws}',
        'GET /api/admin/workspaces',
        'POST /api/admin/workspaces',
        'PATCH /api/admin/workspaces/{workspaceId}',
        'GET /api/auth/sessions',
        'DELETE /api/auth/sessions',
        'DELETE /api/auth/sessions/{sessionId}',
        'GET /api/admin/sso',
        'PUT /api/admin/sso',
        'GET /api/admin/sso/invitations',
        'POST /api/admin/sso/invitations',
        'DELETE /api/admin/sso/invitations/{invitationId}',
        'GET /api/admin/people',
        'PATCH /api/admin/people/{userId}',
        'GET /api/admin/portfolio',
      ].sort(),
    );
    // The API's documentation says it, route by route.
    const doc = buildOpenApi(routes, 'test') as {
      paths: Record<string, Record<string, { description: string }>>;
    };
    expect(doc.paths['/api/workspaces/{ws}/members']!['post']!.description).toContain(
      'Not with an API token: sign in.',
    );
    expect(doc.paths['/api/workspaces/{ws}/import']!['post']!.description).toContain(
      'With an API token: it needs the import scope.',
    );
    const imports = routes.filter((r) => routeScope(r) === 'import').map(keyOf);
    expect(imports).toEqual(
      expect.arrayContaining([
        'POST /api/workspaces/{ws}/import',
        'POST /api/workspaces/{ws}/datasets/uploads',
        'POST /api/workspaces/{ws}/datasets',
      ]),
    );
  });
});
