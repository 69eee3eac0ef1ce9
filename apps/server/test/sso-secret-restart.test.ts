import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStores } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signInAtProvider,
  startTestProvider,
  TEST_CLIENT,
  type TestProvider,
} from '../../../packages/api/src/sso/oidc-test-provider';
import {
  CHOSEN_PASSWORD,
  freePort,
  passwordFrom,
  signIn,
  startServerProcess,
  type ServerProcess,
} from './server-process';

/**
 * Issue 12 item 1, the client secret at rest: saved through the API by the instance administrator, it is not in
 * the database's row; the real server, stopped and started again on the same data directory (same keyring), still
 * signs people in through the provider with it; with its key replaced, the server keeps running, sign-in is refused
 * with secret_unreadable and the administrator is told to enter the secret again.
 */
describe('the single sign-on client secret across restarts', () => {
  let provider: TestProvider;
  let dataDir: string;
  let port: number;
  let url: string;
  let server: ServerProcess | null = null;

  const start = async () => {
    server = await startServerProcess({
      PORT: String(port),
      WAYMARK_DATA: join(dataDir, 'data'),
      WAYMARK_ADMIN_EMAIL: 'admin@example.org',
    });
    return server;
  };
  const stop = async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    server = null;
  };
  /** Begins at Waymark, signs in at the provider as Nel, and returns where Waymark's callback sends the browser. */
  const signInThroughProvider = async () => {
    const begun = await fetch(`${url}/api/auth/sso/start`, { redirect: 'manual' });
    const location = begun.headers.get('location')!;
    if (location.startsWith('/sign-in')) return location;
    const state = begun.headers
      .getSetCookie()
      .find((c) => c.startsWith('waymark_sso_state='))!
      .split(';')[0]!;
    const callback = await signInAtProvider(provider, location, 'nel', `${url}/api/auth/sso/callback`);
    const back = await fetch(callback, { redirect: 'manual', headers: { cookie: state } });
    expect(back.status).toBe(302);
    return back.headers.get('location')!;
  };

  beforeAll(async () => {
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      accounts: { nel: { email: 'nel@council.gov.uk', name: 'Nel Jones' } },
      redirectUris: [`${url}/api/auth/sso/callback`],
    });
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-sso-secret-'));
  }, 60_000);
  afterAll(async () => {
    await stop();
    await provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given a secret saved by the administrator, then the row does not hold it, a restart still signs people in, and another key is said plainly', async () => {
    const first = await start();
    const admin = await signIn(url, 'admin@example.org', passwordFrom(first.output()));
    const saved = await admin('PUT', '/api/admin/sso', {
      issuer: provider.issuer,
      clientId: TEST_CLIENT.id,
      clientSecret: TEST_CLIENT.secret,
      providerName: 'Council ID',
      allowedDomains: ['council.gov.uk'],
      accounts: 'just_in_time',
      groupClaim: 'groups',
      groupRoles: [],
      passwordSignIn: true,
    });
    expect(saved.status).toBe(200);
    expect(await signInThroughProvider()).toBe('/');
    await stop();

    // The database's row, read directly: the secret is not in it.
    const stores = await openStores({ dataDir: join(dataDir, 'data', 'pgdata') });
    const [row] = await stores.sql.query<{ value: unknown }>(
      "SELECT value FROM settings WHERE key = 'sso.config'",
    );
    await stores.close();
    expect(JSON.stringify(row!.value)).toContain('clientSecretSealed');
    expect(JSON.stringify(row!.value)).not.toContain(TEST_CLIENT.secret);

    // Started again with the same keyring: the sealed secret still signs people in.
    await start();
    expect(await signInThroughProvider()).toBe('/');
    await stop();

    // The key replaced (a keyring restored from another machine): refused plainly, and the server keeps running.
    const keyring = join(dataDir, 'data', 'keyring');
    const keyFile = readdirSync(keyring).find(
      (f) => f === `${Buffer.from('instance:sso-client-secret').toString('hex')}.key`,
    )!;
    writeFileSync(join(keyring, keyFile), `${'ab'.repeat(32)}\n`);
    await start();
    expect(await signInThroughProvider()).toBe('/sign-in?sso_error=secret_unreadable');
    const again = await signIn(url, 'admin@example.org', CHOSEN_PASSWORD);
    const view = (await (await again('GET', '/api/admin/sso')).json()) as {
      clientSecret: string;
      secretProblem: string;
    };
    expect(view.clientSecret).toBe('unreadable');
    expect(view.secretProblem).toContain('does not open with this server’s key');
    // Entering it again mends it.
    const settings = (await (await again('GET', '/api/admin/sso')).json()) as { settings: object };
    const mended = await again('PUT', '/api/admin/sso', {
      ...settings.settings,
      clientSecret: TEST_CLIENT.secret,
    });
    expect(mended.status).toBe(200);
    expect(await signInThroughProvider()).toBe('/');
  }, 300_000);
});
