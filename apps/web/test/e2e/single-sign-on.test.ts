import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  startTestProvider,
  TEST_CLIENT,
  type TestProvider,
} from '../../../../packages/api/src/sso/oidc-test-provider';
import { freePort, startServerProcess, type ServerProcess } from '../../../server/test/server-process';
import { expectNoAxeViolations, launchBrowser, newPage } from './harness';

describe('single sign-on in the browser', () => {
  let provider: TestProvider;
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  let url: string;

  beforeAll(async () => {
    // `npm start` with the provider's issuer, client id and secret in the environment.
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider({
      accounts: { ada: { email: 'ada@council.gov.uk', name: 'Ada Lovelace' } },
      redirectUris: [`http://127.0.0.1:${port}/api/auth/sso/callback`],
    });
    dataDir = mkdtempSync(join(tmpdir(), 'waymark-e2e-sso-'));
    server = await startServerProcess({
      PORT: String(port),
      WAYMARK_DATA: join(dataDir, 'data'),
      WAYMARK_OIDC_ISSUER: provider.issuer,
      WAYMARK_OIDC_CLIENT_ID: TEST_CLIENT.id,
      WAYMARK_OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
      WAYMARK_OIDC_NAME: 'Council ID',
    });
    browser = await launchBrowser();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await server?.exited;
    await provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs a person in through the provider, with an accessible sign-in page', async () => {
    const page = await newPage(browser);
    await page.goto(`${url}/sign-in`);
    const button = page.getByRole('link', { name: 'Sign in with Council ID' });
    await button.waitFor();
    await expectNoAxeViolations(page);
    await button.click();
    await page.locator('input[name="login"]').fill('ada');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((u) => u.origin === url);
    expect(page.url()).not.toContain('/sign-in');
    const me = (await (await page.request.get(`${url}/api/auth/me`)).json()) as {
      user: { email: string; name: string };
    };
    expect(me.user).toEqual(expect.objectContaining({ email: 'ada@council.gov.uk', name: 'Ada Lovelace' }));
  }, 120_000);

  it('says why a refused sign-in was refused', async () => {
    const page = await newPage(browser);
    await page.goto(`${url}/sign-in?sso_error=state_mismatch`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('was not started in this browser');
  }, 60_000);
});
