import type { UserId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWith, type Client } from '../testing/test-api';
import { entra } from './entra-requests.fixture';
import { scimRouteKeys } from './scim-openapi';
import { apiTokenClient, scimTestApi } from './scim-test-kit';

type Kit = Awaited<ReturnType<typeof scimTestApi>>;

/**
 * Every SCIM route (scim-app.ts) opens only to the instance's working provisioning token: no token, a made-up
 * one, a replaced one, a workspace API token (wm_…) of the instance administrator, and her signed-in browser
 * (cookie and CSRF token) are each refused with 401 in SCIM's error shape, before anything is read or written.
 */
const routes: readonly (readonly [string, string, unknown?])[] = [
  ['GET', '/scim/v2/ServiceProviderConfig'],
  ['GET', '/scim/v2/ResourceTypes'],
  ['GET', '/scim/v2/ResourceTypes/User'],
  ['GET', '/scim/v2/Schemas'],
  ['GET', '/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'],
  ['GET', '/scim/v2/Users'],
  ['POST', '/scim/v2/Users', entra.createUser],
  ['GET', '/scim/v2/Users/{user}'],
  ['PUT', '/scim/v2/Users/{user}', entra.createUser],
  ['PATCH', '/scim/v2/Users/{user}', entra.updateUserMultiValued],
  ['DELETE', '/scim/v2/Users/{user}'],
  ['GET', '/scim/v2/Groups'],
  ['POST', '/scim/v2/Groups', entra.createGroup],
  ['GET', '/scim/v2/Groups/{group}'],
  ['PUT', '/scim/v2/Groups/{group}', entra.createGroup],
  ['PATCH', '/scim/v2/Groups/{group}', entra.updateGroupDisplayName],
  ['DELETE', '/scim/v2/Groups/{group}'],
];

describe('who may call the SCIM routes', () => {
  let k: Kit;
  let user: string;
  let group: string;
  let refused: Record<string, Client>;
  beforeAll(async () => {
    k = await scimTestApi();
    user = (
      await k.send('POST', '/scim/v2/Users', {
        ...entra.createUser,
        userName: 'held',
        externalId: 'held',
        emails: [{ primary: true, type: 'work', value: 'held@example.org' }],
      })
    ).body.id as string;
    group = (await k.send('POST', '/scim/v2/Groups', { displayName: 'held' })).body.id as string;
    const old = k.secret;
    const rotated = (await (await k.ada.request('POST', '/api/scim/token')).json()) as { secret: string };
    k = { ...k, scim: clientWith(k.t.app, { authorization: `Bearer ${rotated.secret}` }) };
    refused = {
      'no token': clientWith(k.t.app, {}),
      'a made-up token': clientWith(k.t.app, { authorization: 'Bearer wmscim_madeup' }),
      'the token it replaced': clientWith(k.t.app, { authorization: `Bearer ${old}` }),
      'a workspace API token': await apiTokenClient(k.t, 'u-ada', 'wm_ada_script'),
      'a signed-in browser': k.ada,
      'a Basic header': clientWith(k.t.app, {
        authorization: `Basic ${Buffer.from(`x:${rotated.secret}`).toString('base64')}`,
      }),
    };
  });
  afterAll(() => k.t.close());

  it('covers every SCIM route the OpenAPI document describes', () => {
    const covered = routes.map(([m, p]) => `${m.toLowerCase()} ${p.replace(/\{(user|group)\}/, '{id}')}`);
    const described = scimRouteKeys.map((k) =>
      k
        .replace('/ResourceTypes/{id}', '/ResourceTypes/User')
        .replace('/Schemas/{id}', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'),
    );
    expect(covered.sort()).toEqual(described.sort());
  });

  const pathOf = (path: string) => path.replace('{user}', user).replace('{group}', group);

  for (const [method, path, body] of routes) {
    it(`${method} ${path}: refused to all but the provisioning token`, async () => {
      for (const [who, client] of Object.entries(refused)) {
        const res = await client.request(method, pathOf(path), body);
        const json = (await res.json()) as { schemas: string[]; status: string };
        expect([who, res.status, json.status, json.schemas]).toEqual([
          who,
          401,
          '401',
          ['urn:ietf:params:scim:api:messages:2.0:Error'],
        ]);
        expect(res.headers.get('www-authenticate')).toContain('Bearer');
      }
      // Nothing was changed by the refused calls.
      expect((await k.scim.request('GET', `/scim/v2/Users/${user}`)).status).toBe(200);
    });
  }

  it('the provisioning token reaches every route', async () => {
    for (const [method, path, body] of routes.filter(([m]) => m !== 'DELETE')) {
      const res = await k.scim.request(method, pathOf(path), body);
      expect([method, path, res.status < 300 || res.status === 409]).toEqual([method, path, true]);
    }
    for (const path of ['/scim/v2/Groups/{group}', '/scim/v2/Users/{user}'])
      expect((await k.scim.request('DELETE', pathOf(path))).status).toBe(204);
  });

  it('a revoked token stops at once, and the provisioning token opens nothing under /api', async () => {
    const res = await k.scim.request('GET', '/api/workspaces');
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    expect((await k.ada.request('DELETE', '/api/scim/token')).status).toBe(204);
    expect((await k.scim.request('GET', '/scim/v2/Users')).status).toBe(401);
    const status = (await (await k.ada.request('GET', '/api/scim/token')).json()) as { token: unknown };
    expect(status.token).toBeNull();
  });
});

describe('active=false suspends at once', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await scimTestApi();
  });
  afterAll(() => k.t.close());

  for (const [shape, body] of [
    ['a boolean', entra.disableUser],
    ['the string "False"', entra.disableUserLegacy],
    ['replace without a path', { Operations: [{ op: 'Replace', value: { active: false } }] }],
  ] as const) {
    it(`with ${shape}: the person's session and API token stop working on the next request`, async () => {
      const name = `Sid${shape.length}`;
      const id = await k.t.addUser(name, { ws: 'w1', role: 'editor' });
      const scimUser = await k.send('POST', '/scim/v2/Users', {
        userName: `${name.toLowerCase()}@example.org`,
      });
      expect(scimUser.body.id).toBe(id);
      const browser = await k.t.signIn(name);
      const script = await apiTokenClient(k.t, id, `wm_${name}_token`);
      expect((await browser.request('GET', '/api/auth/me')).status).toBe(200);
      expect((await script.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);

      const patched = await k.send('PATCH', `/scim/v2/Users/${id}`, body);
      expect([patched.status, patched.body.active]).toEqual([200, false]);

      expect((await browser.request('GET', '/api/auth/me')).status).toBe(401);
      expect((await script.request('GET', '/api/workspaces/w1/journeys')).status).toBe(401);
      // Nor may they sign in again while suspended.
      await expect(k.t.signIn(name)).rejects.toThrow();
      expect((await k.t.stores.accounts.getUser(id as UserId))?.suspendedAt).not.toBeNull();

      // active=true lifts the suspension: they may sign in again.
      await k.send('PATCH', `/scim/v2/Users/${id}`, {
        Operations: [{ op: 'Replace', path: 'active', value: true }],
      });
      expect((await (await k.t.signIn(name)).request('GET', '/api/auth/me')).status).toBe(200);
    });
  }
});
