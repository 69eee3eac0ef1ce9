import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startTestProvider,
  TEST_CLIENT,
  type TestProvider,
} from '../../../../packages/api/src/sso/oidc-test-provider';
import { freePort, startServerProcess } from '../../../server/test/server-process';
import {
  addMember,
  adminEmail,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signInAs,
  type SignedInSession,
} from './harness';

/**
 * Issue 12 item 1 in the browser, set up by hand: `npm start` with no WAYMARK_OIDC_* variables; the instance
 * administrator fills in /admin/single-sign-on (issuer, client id, the secret, a domain, a group role, an
 * invitation) for oidc-provider on loopback; a person then signs in through it and has the group's role; signing
 * out ends the session and offers the provider's sign-out. A workspace owner who is not an instance
 * administrator can reach neither the page nor its API.
 */
describe('single sign-on set up on its administration page', () => {
  let provider: TestProvider;
  let session: SignedInSession;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      accounts: {
        nel: { email: 'nel@council.gov.uk', name: 'Nel Jones', groups: ['journey-editors'] },
      },
      redirectUris: [`${url}/api/auth/sso/callback`],
    });
    // The provider must know the callback before Waymark starts: Waymark listens on a port chosen here.
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-e2e-sso-admin-'));
    const started = await startServerProcess({
      PORT: String(port),
      WAYMARK_DATA: join(dataDir, 'data'),
      WAYMARK_ADMIN_EMAIL: adminEmail,
    });
    const server = { ...started, url };
    const browser = await launchBrowser();
    const page = await newPage(browser);
    const password = await signInAs(page, server, adminEmail);
    session = {
      server,
      browser,
      page,
      dataDir,
      password,
      async stop() {
        await browser.close();
        started.child.kill('SIGTERM');
        await started.exited;
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }, 240_000);
  afterAll(async () => {
    await session?.stop();
    await provider?.close();
  });

  it('given the instance administrator, when they set up the provider on the page, then a person signs in through it with their group’s role, and signing out ends the session and offers the provider’s sign-out', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { level: 1, name: 'Single sign-on' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/single-sign-on');
    await page.getByText('Single sign-on is off.').waitFor();
    await page.getByText('No client secret is set.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Issuer').fill(provider.issuer);
    await page.getByLabel('Client ID').fill(TEST_CLIENT.id);
    await page.getByLabel('Provider name (optional)').fill('Council ID');
    await page.getByLabel('New client secret').fill(TEST_CLIENT.secret);
    // A wrong domain is named, and nothing is saved.
    await page.getByLabel('Allowed email domains (optional)').fill('council.gov.uk, not a domain');
    await page.getByRole('button', { name: 'Save single sign-on settings' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Allowed email domains: “not” is not a domain',
    );
    await page.getByLabel('Allowed email domains (optional)').fill('council.gov.uk');
    await page.getByRole('button', { name: 'Add a group role' }).click();
    await page.getByLabel('Group ID or name, row 1').fill('journey-editors');
    await page.getByLabel('Workspace, row 1').selectOption({ label: 'Demo' });
    await page.getByLabel('Role, row 1').selectOption('editor');
    await page.getByRole('button', { name: 'Add a group role' }).click();
    await page.getByLabel('Group ID or name, row 2').fill('to be removed');
    await page.getByRole('button', { name: 'Remove row 2' }).click();
    await page.getByRole('button', { name: 'Save single sign-on settings' }).click();
    await page.getByText('Single sign-on settings saved.').waitFor();
    await page.getByText('A client secret is set. It is never shown again.').waitFor();
    await page.getByText('Single sign-on is on: people see “Sign in with Council ID”.').waitFor();
    expect(await page.getByLabel('New client secret').inputValue()).toBe('');
    expect(await page.content()).not.toContain(TEST_CLIENT.secret);
    await expectNoAxeViolations(page);

    // A server refusal names its field too.
    await page.getByLabel('Issuer').fill('ftp://idp.example');
    await page.getByRole('button', { name: 'Save single sign-on settings' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^.*Issuer: /s);
    await page.reload();
    expect(await page.getByLabel('Issuer').inputValue()).toBe(provider.issuer);
    expect(await page.getByLabel('Group ID or name, row 1').inputValue()).toBe('journey-editors');
    expect(await page.getByLabel('Group ID or name, row 2').count()).toBe(0);

    // Invitations: add one, see it, withdraw it.
    await page.getByLabel('Email address').fill('ola@council.gov.uk');
    await page.getByLabel('Role', { exact: true }).selectOption('commenter');
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    await page.getByText('ola@council.gov.uk was invited.').waitFor();
    await page.getByRole('row', { name: /ola@council\.gov\.uk.*Commenter.*Not signed in yet/ }).waitFor();
    await page.getByRole('button', { name: 'Withdraw the invitation for ola@council.gov.uk' }).click();
    await page.getByText('The invitation for ola@council.gov.uk was withdrawn.').waitFor();
    await page.getByText('Nobody has been invited.').waitFor();

    // A person signs in through the provider, in a browser of their own.
    const nel = await newPage(session.browser);
    await nel.goto(`${url}/sign-in`);
    await nel.getByRole('link', { name: 'Sign in with Council ID' }).click();
    await nel.locator('input[name="login"]').fill('nel');
    await nel.locator('input[name="password"]').fill('anything');
    await nel.locator('button[type="submit"]').click();
    await nel.waitForURL((u) => u.origin === url && !u.pathname.startsWith('/sign-in'));
    const me = (await (await nel.request.get(`${url}/api/auth/me`)).json()) as {
      user: { email: string };
      workspaces: { id: string; role: string }[];
    };
    expect(me.user.email).toBe('nel@council.gov.uk');
    expect(me.workspaces.map((w) => [w.id, w.role])).toEqual([['demo', 'editor']]);

    // Signing out ends the Waymark session: its cookie no longer works.
    const cookie = (await nel.context().cookies()).find((c) => c.name === 'waymark_session')!;
    await nel.getByRole('button', { name: 'Sign out' }).click();
    await nel.getByText('You have signed out of Waymark.').waitFor();
    const stale = await fetch(`${url}/api/auth/me`, {
      headers: { cookie: `waymark_session=${cookie.value}` },
    });
    expect(stale.status).toBe(401);
    await expectNoAxeViolations(nel);
    // …and offers the provider's sign-out, which goes to its end-session endpoint.
    const providerSignOut = nel.getByRole('link', { name: 'Also sign out of Council ID' });
    expect(await providerSignOut.getAttribute('href')).toBe('/api/auth/sso/sign-out');
    await providerSignOut.click();
    await nel.waitForURL((u) => u.origin === provider.origin);
    expect(new URL(nel.url()).pathname).toBe('/session/end');
    await nel.context().close();
  }, 180_000);

  it('given a workspace owner who is not an instance administrator, then neither the page nor its API is theirs', async () => {
    const owner = await addMember(session, { email: 'owner2@example.org', role: 'owner', name: 'Owen' });
    await owner.goto(`${url}/admin/single-sign-on`);
    await owner.getByText('Only an instance administrator can manage single sign-on.').waitFor();
    expect(await owner.getByRole('link', { name: 'Single sign-on' }).count()).toBe(0);
    expect((await owner.request.get(`${url}/api/admin/sso`)).status()).toBe(403);
    expect((await owner.request.get(`${url}/api/admin/sso/invitations`)).status()).toBe(403);
    await owner.context().close();
  }, 120_000);

  it('given the instance administrator on People, when they suspend a member, then the member is signed out until restored, and the last instance administrator cannot step down', async () => {
    const { page } = session;
    const pat = await addMember(session, { email: 'pat@example.org', role: 'editor', name: 'Pat' });
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Suspend Pat' }).click();
    await page.getByText('Pat is suspended and has been signed out.').waitFor();
    await page.getByRole('row', { name: /Pat.*pat@example\.org.*No.*Suspended/ }).waitFor();
    expect((await pat.request.get(`${url}/api/auth/me`)).status()).toBe(401);
    await page.getByRole('button', { name: 'Restore Pat' }).click();
    await page.getByText('Pat can sign in again.').waitFor();

    const adminRow = page.getByRole('row', { name: new RegExp(adminEmail.replace('.', '\\.')) });
    await adminRow.getByRole('button', { name: /^Remove .* as an instance administrator$/ }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'This person is the only instance administrator who can sign in.',
    );
    await page.getByRole('button', { name: 'Make Pat an instance administrator' }).click();
    await page.getByText('Pat is now an instance administrator.').waitFor();
    await expectNoAxeViolations(page);
    await pat.context().close();
  }, 120_000);
});
