import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  CHOSEN_PASSWORD,
  passwordFrom,
  startServerProcess,
  type ServerProcess,
} from '../../../server/test/server-process';

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

/**
 * Signs in through the sign-in page (by default with the one-time password the server printed at first start).
 * A one-time password leads to "Choose your own password": it chooses CHOSEN_PASSWORD there, as a person
 * would. Returns the password that now signs this person in.
 */
export async function signInAs(
  page: Page,
  server: ServerProcess,
  email: string,
  password?: string,
): Promise<string> {
  await page.goto(`${server.url}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password ?? passwordFrom(server.output()));
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in')),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  const { mustChangePassword } = (await answer.json()) as { mustChangePassword?: boolean };
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  if (!mustChangePassword) return password ?? passwordFrom(server.output());
  await choosePassword(page, CHOSEN_PASSWORD);
  return CHOSEN_PASSWORD;
}

/** On "Choose your own password": types it twice and saves; waits until the page has gone. */
export async function choosePassword(page: Page, password: string) {
  const heading = page.getByRole('heading', { name: 'Choose your own password' });
  await heading.waitFor();
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again').fill(password);
  await page.getByRole('button', { name: 'Save my password and continue' }).click();
  await heading.waitFor({ state: 'detached' });
}

/** The axe rules run on every page: WCAG 2.0–2.2, A and AA (the accessibility statement says so). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

/**
 * axe with the WCAG 2.0–2.2 A and AA rules: the page must have no violations. Only violations are gathered node
 * by node (axe's `resultTypes`), which takes about a tenth off each run; the options go before `withTags`, as
 * `options()` would replace the rules `withTags` chose.
 */
export async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags([...axeTags])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    // what axe found, to mend it: the element and why
    result.violations
      .flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.html.slice(0, 3000)}: ${n.failureSummary ?? ''}`))
      .join('\n'),
  ).toEqual([]);
}

/**
 * axe's best-practice rule that every landmark of a role has a name of its own (the header's search and a page's
 * own search or filters are both `search` landmarks): a screen reader's list of landmarks tells them apart.
 */
export async function expectUniqueLandmarks(page: Page) {
  const result = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
  expect(result.violations.flatMap((v) => v.nodes.map((n) => n.html.slice(0, 200)))).toEqual([]);
}

/**
 * A slow network for one kind of request: the real server answers each, and the answer is held back a second
 * before the page gets it. Says how many were answered; `end` puts the line back to normal.
 */
export async function slowLine(page: Page, url: string, method: 'PUT' | 'POST' | 'PATCH' | 'DELETE') {
  let answered = 0;
  await page.route(url, async (route) => {
    if (route.request().method() !== method) return route.continue();
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1000));
    answered += 1;
    await route.fulfill({ response });
  });
  return { answered: () => answered, end: () => page.unroute(url) };
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
  /** The administrator's password (chosen after the printed one-time password). */
  readonly password: string;
  stop(): Promise<void>;
}

export const adminEmail = 'admin@example.org';

export async function startSignedIn(
  name: string,
  viewport?: { width: number; height: number },
  env: Record<string, string> = {},
): Promise<SignedInSession> {
  const dataDir = mkdtempSync(join(tmpdir(), `waymark-e2e-${name}-`));
  const server = await startServerProcess({
    WAYMARK_DATA: join(dataDir, 'data'),
    WAYMARK_ADMIN_EMAIL: adminEmail,
    ...env,
  });
  const browser = await launchBrowser();
  const page = await newPage(browser, viewport);
  const password = await signInAs(page, server, adminEmail);
  return {
    server,
    browser,
    page,
    dataDir,
    password,
    async stop() {
      await browser.close();
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The CSRF token of the session's signed-in administrator, for API calls from their page's context. */
async function csrfOf(session: SignedInSession): Promise<string> {
  const me = await session.page.request.get(`${session.server.url}/api/auth/me`);
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}

/** Makes a journey in the demo workspace from a template, through the API, as the administrator. */
export async function createJourney(
  session: SignedInSession,
  data: { readonly template: string; readonly id: string; readonly title: string },
): Promise<void> {
  const made = await session.page.request.post(`${session.server.url}/api/workspaces/demo/journeys`, {
    headers: { 'x-csrf-token': await csrfOf(session) },
    data,
  });
  expect(made.status(), await made.text()).toBe(201);
}

/**
 * Adds a member to the demo workspace through the API (as the administrator) and signs them in, in a browser
 * context of their own, choosing their own password as a person would; returns their page.
 */
export async function addMember(
  session: SignedInSession,
  member: { readonly email: string; readonly role: string; readonly name?: string },
): Promise<Page> {
  const added = await session.page.request.post(`${session.server.url}/api/workspaces/demo/members`, {
    headers: { 'x-csrf-token': await csrfOf(session) },
    data: member,
  });
  expect(added.status(), await added.text()).toBe(201);
  const { oneTimePassword } = (await added.json()) as { oneTimePassword: string };
  const page = await newPage(session.browser);
  await signInAs(page, session.server, member.email, oneTimePassword);
  return page;
}
