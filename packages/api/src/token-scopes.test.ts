import { afterEach, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, type TestApi } from './testing/test-api';

type ErrorBody = { error: { code: string; message: string } };

describe('API token scopes (issue 9, item 12)', () => {
  let t: TestApi;
  afterEach(() => t.close());

  /** Olive owns w1 and makes a token through the API; returns a client that sends it. */
  async function tokenOf(body: Record<string, unknown>) {
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    const olive = await t.signIn('Olive');
    const made = await olive.request('POST', '/api/workspaces/w1/tokens', { name: 'script', ...body });
    const { token, scopes } = (await made.json()) as { token: string; scopes: string[] };
    return { olive, scopes, bot: clientWith(t.app, { authorization: `Bearer ${token}` }) };
  }

  it('given an owner-role token, then it cannot add a member (no account is made, no password comes back), change roles, make tokens or share links', async () => {
    const { bot, scopes } = await tokenOf({ role: 'owner' });
    const added = await bot.request('POST', '/api/workspaces/w1/members', {
      email: 'takeover@example.org',
      role: 'owner',
    });
    const body = (await added.json()) as ErrorBody & { oneTimePassword?: string };
    expect([added.status, body.error?.code, body.oneTimePassword]).toEqual([403, 'forbidden', undefined]);
    expect(await t.stores.accounts.findUserByEmail('takeover@example.org')).toBeNull();
    expect(scopes).toEqual(['read', 'journeys:write']);
    expect((await bot.request('PATCH', '/api/workspaces/w1/members/u-olive', { role: 'owner' })).status).toBe(
      403,
    );
    expect((await bot.request('POST', '/api/workspaces/w1/tokens', { name: 'more' })).status).toBe(403);
    // It still does what scripts need: read and write journeys.
    expect(
      (
        await bot.request('POST', '/api/workspaces/w1/journeys', {
          template: 'blank-current',
          title: 'By script',
        })
      ).status,
    ).toBe(201);
  }, 60_000);

  it('given a token with only the read scope, then writing is refused naming the missing scope; with only import, reading is', async () => {
    const reader = await tokenOf({ scopes: ['read'] });
    expect((await reader.bot.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
    const write = await reader.bot.request('POST', '/api/workspaces/w1/journeys', {
      template: 'blank-current',
      title: 'x',
    });
    const error = ((await write.json()) as ErrorBody).error;
    expect([write.status, error.code, error.message]).toEqual([
      403,
      'insufficient_scope',
      'this API token does not have the journeys:write (change journeys) scope; an owner can make a token that has it',
    ]);
    await t.close();
    const importer = await tokenOf({ scopes: ['import'] });
    expect((await importer.bot.request('GET', '/api/workspaces/w1/journeys')).status).toBe(403);
  }, 60_000);

  it('given a token request with an unknown scope, then 400 naming the field', async () => {
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    const olive = await t.signIn('Olive');
    const res = await olive.request('POST', '/api/workspaces/w1/tokens', { name: 'x', scopes: ['members'] });
    const body = (await res.json()) as { error: { code: string; path: string; message: string } };
    expect([res.status, body.error.path]).toEqual([400, 'scopes[0]']);
    expect(body.error.message).toContain('read, journeys:write, import');
  }, 60_000);
});
