import { afterEach, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, PASSWORD, type TestApi } from './testing/test-api';

// Throttling of sign-in (no lock-out): sign-in-throttle.test.ts. Passwords: passwords.test.ts.

type ErrorBody = { error: { code: string; message: string; path: string | null } };
const signInBody = (email: string, password: string) => ({ email, password });

describe('accounts and security', () => {
  let t: TestApi;
  afterEach(() => t.close());

  it('given an empty instance, when the first administrator is set up, then they are signed in and setup closes', async () => {
    t = await createTestApi();
    const anon = clientWith(t.app, {});
    expect(await (await anon.request('GET', '/api/setup')).json()).toEqual({ needsSetup: true });
    const weak = await anon.request('POST', '/api/setup', {
      email: 'a@example.org',
      name: 'A',
      password: 'short',
    });
    expect([weak.status, ((await weak.json()) as ErrorBody).error.path]).toEqual([400, 'password']);
    const res = await anon.request('POST', '/api/setup', {
      email: 'admin@example.org',
      name: 'Admin',
      password: 'a long enough password',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('set-cookie')).toMatch(/waymark_session=.+HttpOnly.*SameSite=Lax/i);
    const again = await anon.request('POST', '/api/setup', {
      email: 'b@example.org',
      name: 'B',
      password: 'a long enough password',
    });
    expect([again.status, ((await again.json()) as ErrorBody).error.code]).toEqual([409, 'setup_done']);
    expect(await t.stores.accounts.countUsers()).toBe(1);
  });

  it('given a user, when they sign in with a wrong password, then 401 and the failure is in the audit log', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const anon = clientWith(t.app, {});
    const res = await anon.request(
      'POST',
      '/api/auth/sign-in',
      signInBody('ann@example.org', 'wrong password!'),
    );
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([401, 'invalid_credentials']);
    expect(res.headers.get('set-cookie')).toBeNull();
    const unknown = await anon.request(
      'POST',
      '/api/auth/sign-in',
      signInBody('nobody@example.org', 'whatever'),
    );
    expect(((await unknown.json()) as ErrorBody).error.message).toBe(
      'that email and password do not match an account',
    );
    const audit = await t.stores.accounts.listAudit('w1' as never);
    expect(audit.map((e) => e.action)).toEqual(['sign_in.failed']);
  });

  it('given a session, when a state-changing request lacks the CSRF header, then 403 and nothing is created', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const ann = await t.signIn('Ann');
    const res = await ann.request('POST', '/api/workspaces', { name: 'Sneaky' }, { 'x-csrf-token': 'wrong' });
    expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([403, 'csrf_failed']);
    expect(await t.stores.accounts.listWorkspacesOf('u-ann' as never)).toHaveLength(1);
  });

  it('given a session, when signed out, then the cookie no longer works', async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws: 'w1', role: 'owner' });
    const ann = await t.signIn('Ann');
    const me = (await (await ann.request('GET', '/api/auth/me')).json()) as {
      user: { email: string };
      workspaces: unknown[];
    };
    expect([me.user.email, me.workspaces]).toEqual([
      'ann@example.org',
      [{ id: 'w1', name: 'Workspace w1', role: 'owner' }],
    ]);
    expect((await ann.request('POST', '/api/auth/sign-out')).status).toBe(200);
    expect((await ann.request('GET', '/api/auth/me')).status).toBe(401);
  });

  it('given an https request, then the session cookie is Secure and HSTS is sent', async () => {
    t = await createTestApi();
    await t.addUser('Ann');
    const res = await t.app.request('https://waymark.example/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signInBody('ann@example.org', PASSWORD)),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    expect(res.headers.get('strict-transport-security')).toContain('max-age=');
  });

  it('given any answer, then it carries the security headers', async () => {
    t = await createTestApi();
    const res = await clientWith(t.app, {}).request('GET', '/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(/script-src [^;]*unsafe-inline/.test(csp)).toBe(false);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  describe('API tokens', () => {
    async function withToken(role: string) {
      t = await createTestApi();
      await t.addUser('Olive', { ws: 'w1', role: 'owner' });
      await t.addUser('Otto', { ws: 'w2', role: 'owner' });
      const olive = await t.signIn('Olive');
      const made = await olive.request('POST', '/api/workspaces/w1/tokens', { name: 'CI', role });
      const body = (await made.json()) as { id: string; token: string };
      return { olive, id: body.id, bot: clientWith(t.app, { authorization: `Bearer ${body.token}` }) };
    }

    it('given an editor token, then it works without CSRF in its workspace only, and never more than its role', async () => {
      const { bot } = await withToken('editor');
      expect(
        (
          await bot.request('POST', '/api/workspaces/w1/journeys', {
            template: 'blank-current',
            title: 'By script',
          })
        ).status,
      ).toBe(201);
      expect((await bot.request('GET', '/api/workspaces/w1/members')).status).toBe(200);
      expect((await bot.request('POST', '/api/workspaces/w1/tokens', { name: 'more' })).status).toBe(403);
      expect((await bot.request('GET', '/api/workspaces/w2/journeys')).status).toBe(404);
      expect((await bot.request('POST', '/api/workspaces', { name: 'x' })).status).toBe(403);
      const me = (await (await bot.request('GET', '/api/auth/me')).json()) as {
        workspaces: { id: string }[];
        csrfToken: null;
      };
      expect([me.workspaces.map((w) => w.id), me.csrfToken]).toEqual([['w1'], null]);
    });

    it('given a revoked token, then 401 invalid_token', async () => {
      const { olive, id, bot } = await withToken('viewer');
      expect((await bot.request('GET', '/api/workspaces/w1/journeys')).status).toBe(200);
      expect((await olive.request('DELETE', `/api/workspaces/w1/tokens/${id}`)).status).toBe(200);
      const res = await bot.request('GET', '/api/workspaces/w1/journeys');
      expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([401, 'invalid_token']);
      const audit = await t.stores.accounts.listAudit('w1' as never);
      expect(audit.map((e) => e.action).slice(0, 2)).toEqual(['token.revoke', 'token.create']);
    });

    it('given a malformed Authorization header, then 401 naming the expected form', async () => {
      t = await createTestApi();
      const res = await clientWith(t.app, { authorization: 'Basic abc' }).request('GET', '/api/workspaces');
      expect(((await res.json()) as ErrorBody).error.message).toContain('Bearer wm_');
    });
  });

  describe('members', () => {
    it('given an owner, when they add a new email, then a one-time password is returned once and signs that person in', async () => {
      t = await createTestApi();
      await t.addUser('Olive', { ws: 'w1', role: 'owner' });
      const olive = await t.signIn('Olive');
      const res = await olive.request('POST', '/api/workspaces/w1/members', {
        email: 'New.Person@example.org',
        role: 'commenter',
      });
      const body = (await res.json()) as { member: { role: string }; oneTimePassword: string };
      expect([res.status, body.member.role, body.oneTimePassword.length >= 20]).toEqual([
        201,
        'commenter',
        true,
      ]);
      const signIn = await clientWith(t.app, {}).request(
        'POST',
        '/api/auth/sign-in',
        signInBody('new.person@example.org', body.oneTimePassword),
      );
      expect(signIn.status).toBe(200);
      const again = await olive.request('POST', '/api/workspaces/w1/members', {
        email: 'new.person@example.org',
        role: 'viewer',
      });
      expect([again.status, ((await again.json()) as ErrorBody).error.code]).toEqual([409, 'already_member']);
    });

    it('given the only owner, when they demote themselves, then 409 last_owner; role changes are audited', async () => {
      t = await createTestApi();
      await t.addUser('Olive', { ws: 'w1', role: 'owner' });
      await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
      const olive = await t.signIn('Olive');
      const res = await olive.request('PATCH', '/api/workspaces/w1/members/u-olive', { role: 'editor' });
      expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([409, 'last_owner']);
      expect(
        (await olive.request('PATCH', '/api/workspaces/w1/members/u-vi', { role: 'editor' })).status,
      ).toBe(200);
      expect((await olive.request('DELETE', '/api/workspaces/w1/members/u-vi')).status).toBe(200);
      const audit = await t.stores.accounts.listAudit('w1' as never);
      expect(audit.map((e) => e.action).slice(0, 2)).toEqual(['member.remove', 'member.role']);
    });
  });
});
