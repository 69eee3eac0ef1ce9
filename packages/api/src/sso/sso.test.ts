import { sealSecret } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import type { SsoDeps } from '../deps';
import { createTestApi, PASSWORD, type TestApi } from '../testing/test-api';
import {
  signInAtProvider,
  startTestProvider,
  TEST_CLIENT,
  type TestAccount,
  type TestProvider,
} from './oidc-test-provider';

const WAYMARK = 'http://waymark.test';
const CALLBACK = `${WAYMARK}/api/auth/sso/callback`;

const accounts: Record<string, TestAccount> = {
  ada: { email: 'ada@council.gov.uk', name: 'Ada Lovelace', groups: ['journey-editors'] },
  sam: { email: 'sam@elsewhere.example', name: 'Sam' },
  nel: { email: 'nel@council.gov.uk', name: 'Nel' },
};

/** The person signs in at the provider with the development login form; returns the callback URL it sends back. */
const atProvider = (provider: TestProvider, authorizationUrl: string, login: string) =>
  signInAtProvider(provider, authorizationUrl, login, CALLBACK);

const stateCookie = (res: Response) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith('waymark_sso_state='))!
    .split(';')[0]!;

async function setUp(
  options: {
    entra?: { tenant: string; tid: string };
    environment?: Partial<SsoDeps['environment']>;
    codeTtlSeconds?: number;
  } = {},
) {
  const provider = await startTestProvider({
    accounts,
    redirectUris: [CALLBACK],
    entra: options.entra,
    codeTtlSeconds: options.codeTtlSeconds,
  });
  const t = await createTestApi({
    sso: {
      environment: {
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
        ...options.environment,
      },
      fetch: provider.fetch,
    } as SsoDeps,
  });
  return { provider, t };
}

/** Begins at Waymark, signs in at the provider as `login`, and returns Waymark's answer to the callback. */
async function signInThrough(t: TestApi, provider: TestProvider, login: string) {
  const start = await t.app.request(`${WAYMARK}/api/auth/sso/start?returnTo=/w/w1`);
  expect(start.status).toBe(302);
  const callback = await atProvider(provider, start.headers.get('location')!, login);
  const cookie = stateCookie(start);
  const res = await t.app.request(callback, { headers: { cookie } });
  return { res, callback, cookie };
}

const refusedWith = (res: Response) =>
  new URL(res.headers.get('location')!, WAYMARK).searchParams.get('sso_error');

describe('single sign-on with OpenID Connect', () => {
  it('signs a new person in just in time, links the provider and subject, and gives the roles their groups map to', async () => {
    const { provider, t } = await setUp();
    try {
      await t.addUser('Olive', { ws: 'w1', role: 'owner' });
      await t.stores.accounts.putSetting('sso.config', {
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        providerName: 'Council ID',
        allowedDomains: ['council.gov.uk'],
        accounts: 'just_in_time',
        groupClaim: 'groups',
        groupRoles: [{ group: 'journey-editors', workspaceId: 'w1', role: 'editor' }],
        passwordSignIn: true,
      });
      const info = (await (await t.app.request(`${WAYMARK}/api/auth/sso`)).json()) as Record<string, unknown>;
      expect(info).toEqual({
        enabled: true,
        providerName: 'Council ID',
        passwordSignIn: true,
        providerSignOut: false,
      });

      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start?returnTo=/w/w1`);
      const auth = new URL(start.headers.get('location')!);
      expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
      expect(auth.searchParams.get('state')).toBeTruthy();
      expect(auth.searchParams.get('nonce')).toBeTruthy();
      const callback = await atProvider(provider, auth.toString(), 'ada');
      const res = await t.app.request(callback, { headers: { cookie: stateCookie(start) } });
      expect([res.status, res.headers.get('location')]).toEqual([302, '/w/w1']);
      const session = res.headers
        .getSetCookie()
        .find((c) => c.startsWith('waymark_session='))!
        .split(';')[0]!;
      const me = (await (
        await t.app.request(`${WAYMARK}/api/auth/me`, { headers: { cookie: session } })
      ).json()) as {
        user: { email: string; name: string };
        workspaces: { id: string; role: string }[];
      };
      expect(me.user).toMatchObject({ email: 'ada@council.gov.uk', name: 'Ada Lovelace' });
      expect(me.workspaces.map((w) => [w.id, w.role])).toEqual([['w1', 'editor']]);

      // The session began at the provider, which has a sign-out page: signing out may offer it.
      const mark = res.headers
        .getSetCookie()
        .find((c) => c.startsWith('waymark_sso_session='))!
        .split(';')[0]!;
      const offer = async (cookie: string) =>
        (
          (await (await t.app.request(`${WAYMARK}/api/auth/sso`, { headers: { cookie } })).json()) as {
            providerSignOut: boolean;
          }
        ).providerSignOut;
      expect(await offer(`${session}; ${mark}`)).toBe(true);
      expect(await offer(session)).toBe(false);
      // The mark says nothing beside another session (a password sign-in in the same browser).
      const olive = await t.app.request(`${WAYMARK}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'olive@example.org', password: PASSWORD }),
      });
      const oliveSession = olive.headers
        .getSetCookie()
        .find((c) => c.startsWith('waymark_session='))!
        .split(';')[0]!;
      expect(await offer(`${oliveSession}; ${mark}`)).toBe(false);
      const out = await t.app.request(`${WAYMARK}/api/auth/sso/sign-out`, { headers: { cookie: mark } });
      expect(out.headers.get('location')).toMatch(new RegExp(`^${provider.origin}/session/end\\?`));
      expect(out.headers.getSetCookie().some((c) => /^waymark_sso_session=;/.test(c))).toBe(true);

      // The same code again, with a fresh sign-in's state: the provider refuses a used code.
      const again = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      const replay = new URL(callback);
      const replayState = stateCookie(again).split('=')[1]!;
      replay.searchParams.set('state', replayState);
      const replayed = await t.app.request(replay.toString(), { headers: { cookie: stateCookie(again) } });
      expect(refusedWith(replayed)).toBe('code_refused');

      // The state of the first sign-in, once used, signs nobody in again.
      const reused = await t.app.request(callback, { headers: { cookie: stateCookie(start) } });
      expect(refusedWith(reused)).toBe('sign_in_expired');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('refuses a state that is not the one this browser sent, and a sign-in begun too long ago', async () => {
    const { provider, t } = await setUp();
    try {
      const { callback } = await signInThrough(t, provider, 'ada').then((r) => r);
      const other = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      const mismatched = await t.app.request(callback, { headers: { cookie: stateCookie(other) } });
      expect(refusedWith(mismatched)).toBe('state_mismatch');
      const noCookie = await t.app.request(callback);
      expect(refusedWith(noCookie)).toBe('state_mismatch');

      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      const late = await atProvider(provider, start.headers.get('location')!, 'ada');
      t.caps.advance(11 * 60_000);
      expect(refusedWith(await t.app.request(late, { headers: { cookie: stateCookie(start) } }))).toBe(
        'sign_in_expired',
      );
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('refuses a code that expired at the provider before it was exchanged, and signs nobody in', async () => {
    const { provider, t } = await setUp({ codeTtlSeconds: 1 });
    try {
      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      const callback = await atProvider(provider, start.headers.get('location')!, 'ada');
      // The provider's code lives 1 s (its clock, not Waymark's); the browser comes back after it has expired.
      await new Promise((resolve) => setTimeout(resolve, 2_200));
      const late = await t.app.request(callback, { headers: { cookie: stateCookie(start) } });
      expect(refusedWith(late)).toBe('code_refused');
      expect(
        late.headers
          .getSetCookie()
          .some((c) => c.startsWith('waymark_session=') && !c.startsWith('waymark_session=;')),
      ).toBe(false);
      expect(await t.stores.accounts.findUserByEmail('ada@council.gov.uk')).toBeNull();
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('refuses an email outside the allowed domains, a person not invited, and a suspended account', async () => {
    const { provider, t } = await setUp({
      environment: { allowedDomains: ['council.gov.uk'], accounts: 'invitation' },
    });
    try {
      expect(refusedWith((await signInThrough(t, provider, 'sam')).res)).toBe('domain_not_allowed');
      expect(refusedWith((await signInThrough(t, provider, 'nel')).res)).toBe('not_invited');

      // An account that exists (made by an administrator) is linked by its email and may sign in, until suspended.
      const ada = await t.addUser('Ada', { ws: 'w1', role: 'viewer' });
      await t.stores.sql.query(`UPDATE users SET email = 'ada@council.gov.uk' WHERE id = $1`, [ada]);
      expect((await signInThrough(t, provider, 'ada')).res.headers.get('location')).toBe('/w/w1');
      await t.stores.accounts.setSuspended(ada, t.caps.clock().toISOString());
      expect(refusedWith((await signInThrough(t, provider, 'ada')).res)).toBe('account_suspended');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    // Nothing from the environment: the saved settings are the ones in force.
    const { provider, t } = await setUp({
      environment: { issuer: undefined, clientId: undefined, clientSecret: undefined },
    });
    try {
      await t.stores.accounts.putSetting('sso.config', {
        issuer: `${provider.origin.replace('127.0.0.1', 'localhost')}`,
        clientId: TEST_CLIENT.id,
        providerName: '',
        allowedDomains: [],
        accounts: 'just_in_time',
        groupClaim: 'groups',
        groupRoles: [],
        passwordSignIn: true,
      });
      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      expect(refusedWith(start)).toBe('wrong_issuer');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('accepts Entra ID multi-tenant ID tokens whose iss is the template with their tid, and refuses one that is not', async () => {
    const good = await setUp({ entra: { tenant: 'tenant-a', tid: 'tenant-a' } });
    try {
      const { res } = await signInThrough(good.t, good.provider, 'ada');
      expect([res.status, res.headers.get('location')]).toEqual([302, '/w/w1']);
    } finally {
      await good.t.close();
      await good.provider.close();
    }
    const bad = await setUp({ entra: { tenant: 'tenant-a', tid: 'tenant-b' } });
    try {
      expect(refusedWith((await signInThrough(bad.t, bad.provider, 'ada')).res)).toBe('wrong_issuer');
    } finally {
      await bad.t.close();
      await bad.provider.close();
    }
  });

  it('given password sign-in switched off, then a member’s right password is refused saying to use the provider, and an instance administrator keeps theirs (the way back in)', async () => {
    const { provider, t } = await setUp();
    try {
      await t.addUser('Ada', { ws: 'w1', role: 'owner' }); // the first account: instance administrator
      await t.addUser('Ed', { ws: 'w1', role: 'editor' });
      const settings = {
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        providerName: 'Council ID',
        allowedDomains: [],
        accounts: 'just_in_time',
        groupClaim: 'groups',
        groupRoles: [],
      };
      await t.stores.accounts.putSetting('sso.config', { ...settings, passwordSignIn: true });
      await t.signIn('Ed');
      await t.stores.accounts.putSetting('sso.config', { ...settings, passwordSignIn: false });
      const info = (await (await t.app.request(`${WAYMARK}/api/auth/sso`)).json()) as Record<string, unknown>;
      expect(info.passwordSignIn).toBe(false);
      const refused = await t.app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ed@example.org', password: PASSWORD }),
      });
      expect(refused.status).toBe(403);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('password_sign_in_off');
      // A wrong password is still only "do not match": the switch is said only to whoever knows the password.
      const wrong = await t.app.request('/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ed@example.org', password: 'not the password' }),
      });
      expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('invalid_credentials');
      await t.signIn('Ada');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('an administrator’s client secret is never shown back and is sealed in the row; what the environment sets wins and is named', async () => {
    const { provider, t } = await setUp({
      environment: { clientSecret: undefined, providerName: 'Council ID' },
    });
    try {
      await t.addUser('Ada', { ws: 'w1', role: 'owner' }); // the first account: instance administrator
      const admin = await t.signIn('Ada');
      const body = {
        issuer: 'https://ignored.example',
        clientId: 'ignored',
        clientSecret: TEST_CLIENT.secret,
        providerName: 'Ignored',
        allowedDomains: ['council.gov.uk'],
        accounts: 'just_in_time',
        groupClaim: 'groups',
        groupRoles: [{ group: 'journey-editors', workspaceId: 'w1', role: 'commenter' }],
        passwordSignIn: true,
      };
      const saved = await admin.request('PUT', '/api/admin/sso', body);
      expect(saved.status).toBe(200);
      const text = await saved.text();
      expect(text).not.toContain(TEST_CLIENT.secret);
      const view = JSON.parse(text) as {
        settings: Record<string, unknown>;
        clientSecret: string;
        fromEnvironment: string[];
        environmentVariables: string[];
      };
      expect(view.clientSecret).toBe('set');
      expect(view.settings).toMatchObject({
        issuer: provider.issuer,
        clientId: TEST_CLIENT.id,
        providerName: 'Council ID',
        allowedDomains: ['council.gov.uk'],
      });
      expect(view.environmentVariables).toEqual([
        'WAYMARK_OIDC_ISSUER',
        'WAYMARK_OIDC_CLIENT_ID',
        'WAYMARK_OIDC_NAME',
      ]);
      const [row] = await t.stores.sql.query<{ value: unknown }>(
        "SELECT value FROM settings WHERE key = 'sso.config'",
      );
      expect(JSON.stringify(row!.value)).not.toContain(TEST_CLIENT.secret);

      // The sealed secret signs people in (the provider refuses a client without it).
      const { res } = await signInThrough(t, provider, 'ada');
      expect(res.headers.get('location')).toBe('/w/w1');

      // Left out, it is kept; null removes it.
      await admin.request('PUT', '/api/admin/sso', { ...body, clientSecret: undefined });
      expect(
        ((await (await admin.request('GET', '/api/admin/sso')).json()) as { clientSecret: string })
          .clientSecret,
      ).toBe('set');
      await admin.request('PUT', '/api/admin/sso', { ...body, clientSecret: null });
      expect(
        ((await (await admin.request('GET', '/api/admin/sso')).json()) as { clientSecret: string })
          .clientSecret,
      ).toBe('not_set');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('given a secret sealed under another key, then the page is told it is unreadable and sign-in is refused plainly', async () => {
    const { provider, t } = await setUp({ environment: { clientSecret: undefined } });
    try {
      await t.addUser('Ada', { ws: 'w1', role: 'owner' });
      const admin = await t.signIn('Ada');
      await t.stores.accounts.putSetting('sso.config', {
        clientSecretSealed: sealSecret(
          TEST_CLIENT.secret,
          new Uint8Array(32).fill(7),
          'waymark sso.config clientSecret',
        ),
      });
      const view = (await (await admin.request('GET', '/api/admin/sso')).json()) as {
        clientSecret: string;
        secretProblem: string;
      };
      expect(view.clientSecret).toBe('unreadable');
      expect(view.secretProblem).toContain('does not open with this server’s key');
      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      expect(refusedWith(start)).toBe('secret_unreadable');
    } finally {
      await t.close();
      await provider.close();
    }
  });

  it('sends people back with not_configured when single sign-on is not set up', async () => {
    const t = await createTestApi();
    try {
      const start = await t.app.request(`${WAYMARK}/api/auth/sso/start`);
      expect(refusedWith(start)).toBe('not_configured');
    } finally {
      await t.close();
    }
  });
});
