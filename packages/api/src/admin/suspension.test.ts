import type { TokenId, UserId, WorkspaceId } from '@waymark/store';
import { afterEach, describe, expect, it } from 'vitest';
import { API_TOKEN_PREFIX, hashToken } from '../auth/secrets';
import { clientWith, createTestApi, PASSWORD, type TestApi } from '../testing/test-api';

// Issue 12, migration 014: a suspended person cannot sign in and their sessions and tokens stop at once; a
// token past its expiry stops; a token's last use is recorded.

type ErrorBody = { error: { code: string } };
const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error.code];

describe('suspended people and expiring tokens', () => {
  let t: TestApi;
  afterEach(() => t.close());

  async function tokenFor(userId: UserId, expiresAt: string | null = null) {
    const secret = `${API_TOKEN_PREFIX}secret-${Math.random().toString(36).slice(2)}`;
    await t.stores.accounts.createApiToken({
      id: `t-${secret.slice(-6)}` as TokenId,
      workspaceId: 'w1' as WorkspaceId,
      name: 'Script',
      role: 'editor',
      scopes: ['read'],
      createdBy: userId,
      createdAt: t.caps.clock().toISOString(),
      tokenHash: hashToken(secret),
      expiresAt,
    });
    return clientWith(t.app, { authorization: `Bearer ${secret}` });
  }

  it('given a signed-in person with a token, when suspended, then the session, the token and sign-in all stop, and work again once restored', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const bob = await t.addUser('Bob', { ws: 'w1', role: 'editor' });
    const session = await t.signIn('Bob');
    const script = await tokenFor(bob);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(200);
    expect((await script.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);

    await t.stores.accounts.setSuspended(bob, t.caps.clock().toISOString());
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    expect(await codeOf(await script.request('GET', '/api/workspaces/w1/journeys'))).toEqual([
      401,
      'invalid_token',
    ]);
    const anon = clientWith(t.app, {});
    const refused = await anon.request('POST', '/api/auth/sign-in', {
      email: 'bob@example.org',
      password: PASSWORD,
    });
    expect(await codeOf(refused)).toEqual([403, 'account_suspended']);
    expect(refused.headers.get('set-cookie')).toBeNull();
    // Whoever does not know the password learns nothing about the suspension.
    const guess = await anon.request('POST', '/api/auth/sign-in', {
      email: 'bob@example.org',
      password: 'not it at all',
    });
    expect(await codeOf(guess)).toEqual([401, 'invalid_credentials']);
    const audit = await t.stores.accounts.listAudit('w1' as WorkspaceId, { filter: { actorId: bob } });
    expect(audit.map((e) => e.action)).toContain('sign_in.suspended');

    await t.stores.accounts.setSuspended(bob, null);
    expect((await script.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
    expect((await (await t.signIn('Bob')).request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('given a token with an expiry, then it works until then and not after, and its last use is recorded', async () => {
    t = await createTestApi();
    const ann = await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const expiresAt = new Date(t.caps.clock().getTime() + 3_600_000).toISOString();
    const script = await tokenFor(ann, expiresAt);
    const usedAt = t.caps.clock().toISOString();
    expect((await script.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
    expect((await t.stores.accounts.listApiTokens('w1' as WorkspaceId))[0]?.lastUsedAt).toBe(usedAt);
    t.caps.advance(3_600_000);
    expect(await codeOf(await script.request('GET', '/api/workspaces/w1/journeys'))).toEqual([
      401,
      'invalid_token',
    ]);
  });

  it('given the first person set up, then they are an instance administrator and /api/auth/me says so; a later person is not', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    await t.addUser('Bob', { ws: 'w1', role: 'owner' });
    const me = async (name: string) =>
      (
        (await (await (await t.signIn(name)).request('GET', '/api/auth/me')).json()) as {
          instanceAdmin: boolean;
        }
      ).instanceAdmin;
    expect([await me('Ann'), await me('Bob')]).toEqual([true, false]);
  });
});
