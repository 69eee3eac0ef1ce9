import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { passwordFrom, startServerProcess, type ServerProcess } from '../../../server/test/server-process';

/** Shared by the browser tests: Debian's Chromium with the flags this closed network needs, sign-in, axe. */
export const chromiumPath = process.env['WAYMARK_CHROMIUM'] ?? '/usr/bin/chromium';
export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath, args: launchArgs });

/** A page of its own context (axe needs an explicit context), downloads allowed. */
export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }): Promise<Page> {
  return (await browser.newContext({ acceptDownloads: true, viewport })).newPage();
}

/** Signs in through the sign-in page with the password the server printed at first start. */
export async function signInAs(page: Page, server: ServerProcess, email: string, password?: string) {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password ?? passwordFrom(server.output()));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** axe with the WCAG 2.0–2.2 A and AA rules: the page must have no violations. */
export async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Counts the pages of a PDF file by its page objects. */
export const pdfPages = (bytes: Buffer) =>
  (bytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** A fresh server (its own data directory, the demo workspace loaded) with Chromium, the administrator signed in. */
export interface SignedInSession {
  readonly server: ServerProcess;
  readonly browser: Browser;
  readonly page: Page;
  /** A temporary directory of the test's own; the server's data is in its `data` folder. */
  readonly dataDir: string;
  stop(): Promise<void>;
}

export const adminEmail = 'admin@example.org';

export async function startSignedIn(
  name: string,
  viewport?: { width: number; height: number },
): Promise<SignedInSession> {
  const dataDir = mkdtempSync(join(tmpdir(), `waymark-e2e-${name}-`));
  const server = await startServerProcess({
    WAYMARK_DATA: join(dataDir, 'data'),
    WAYMARK_ADMIN_EMAIL: adminEmail,
  });
  const browser = await launchBrowser();
  const page = await newPage(browser, viewport);
  await signInAs(page, server, adminEmail);
  return {
    server,
    browser,
    page,
    dataDir,
    async stop() {
      await browser.close();
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
