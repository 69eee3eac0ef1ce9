import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  createJourney,
  expectNoAxeViolations,
  newPage,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 11 item 10 in the browser: a person chooses Cymraeg in the header of the sign-in page, signs in, and the
 * home page and the editor are in Welsh; the choice survives a reload and follows them to a new browser (their
 * account keeps it); dates and plurals come out the Welsh way; switching back to English works.
 *
 * Other areas' words are still being moved into the catalogue, so this test reads words of the app shell and the
 * workshop tools (this area's own) and the page's language, not every word on the page.
 */
describe('choosing English or Cymraeg', () => {
  let session: SignedInSession;
  const mapPath = '/w/demo/j/iaith-e2e';

  beforeAll(async () => {
    session = await startSignedIn('language');
    await createJourney(session, { template: 'blank-current', id: 'iaith-e2e', title: 'Iaith' });
  }, 240_000);
  afterAll(() => session?.stop());

  const lang = (p: Page) => p.evaluate(() => document.documentElement.lang);
  /** The header's language control, found without relying on the words of either language. */
  const chooser = (p: Page) => p.locator('header select');
  /** Signs in on the sign-in page by the fields' types (their labels may be in either language). */
  const signIn = async (p: Page) => {
    await p.locator('input[type="email"]').fill(adminEmail);
    await p.locator('input[type="password"]').fill(session.password);
    await p.locator('main form button[type="submit"]').click();
    await p.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  };
  /** Holds back the page's questions "who is signed in?" (GET /api/auth/me) until the returned function is called. */
  const holdWhoIsSignedIn = async (p: Page): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/api/auth/me', async (route) => {
      if (route.request().method() === 'GET') await held;
      await route.continue();
    });
    return release;
  };
  const accountLocale = async (p: Page) =>
    ((await (await p.request.get(`${session.server.url}/api/auth/me`)).json()) as { locale: string | null })
      .locale;

  it('given a person on the sign-in page, when they choose Cymraeg and sign in, then the home page and the editor are in Welsh, with Welsh dates and plurals', async () => {
    const { server } = session;
    const page = await newPage(session.browser);
    await page.goto(`${server.url}/sign-in`);
    expect(await lang(page)).toBe('en-GB');
    // Each language is named in itself and marked as that language.
    const options = await chooser(page)
      .locator('option')
      .evaluateAll((all) => all.map((o) => `${o.getAttribute('lang')}:${o.textContent}`));
    expect(options).toEqual(['en:English', 'cy:Cymraeg']);
    expect(await page.getByLabel('Language', { exact: true }).count()).toBe(1);

    await chooser(page).selectOption('cy');
    // At once, without a reload; the keyboard stays on the control.
    await expect.poll(() => lang(page)).toBe('cy-GB');
    await expect.poll(() => page.getByLabel('Iaith', { exact: true }).count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase()))
      .toBe('select');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Gymraeg' }).count()).toBe(1);
    await expectNoAxeViolations(page);

    await signIn(page);
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(await lang(page)).toBe('cy-GB');
    expect(await page.getByRole('link', { name: 'Newid eich cyfrinair' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Neidio i’r prif gynnwys' }).count()).toBe(1);
    // The choice made before signing in is kept on the account.
    await expect.poll(() => accountLocale(page)).toBe('cy');
    // The journeys' dates in Welsh: "4 Rhag 2026", not "4 Dec 2026".
    await page.goto(`${server.url}/w/demo`);
    const months = /\d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \d{4}/;
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toMatch(months);
    expect(await page.locator('main').textContent()).not.toMatch(
      /\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}/,
    );

    // The editor: the workshop tools in Welsh, and a Welsh plural ("2 funud", the dual form).
    await page.goto(`${server.url}${mapPath}`);
    await page.getByRole('button', { name: 'Cynnal gweithdy' }).click();
    const bar = page.getByRole('region', { name: 'Gweithdy' });
    await expect
      .poll(() => bar.textContent(), { timeout: 15_000 })
      .toContain('Chi sy’n cynnal y gweithdy hwn.');
    expect(await lang(page)).toBe('cy-GB');
    await bar.getByLabel('Ymarfer').fill('Syniadau');
    await bar.getByLabel('Munudau').fill('2');
    await bar.getByRole('button', { name: 'Dechrau’r amserydd' }).click();
    await expect
      .poll(() => page.getByTestId('workshop-said').textContent(), { timeout: 15_000 })
      .toBe('Mae’r amserydd wedi dechrau: Syniadau, 2 funud.');
    await bar.getByRole('button', { name: 'Dod â’r gweithdy i ben' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Cynnal gweithdy' }).count(), { timeout: 15_000 })
      .toBe(1);

    // A reload keeps Welsh.
    await page.reload();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(await lang(page)).toBe('cy-GB');
    await page.context().close();
  }, 120_000);

  it('given the account chose Cymraeg, when the person signs in from a new browser (English), then the account’s choice wins; switching back to English is kept too', async () => {
    const { server } = session;
    const page = await newPage(session.browser);
    await page.goto(`${server.url}/sign-in`);
    // A new browser knows nothing of the choice yet.
    expect(await lang(page)).toBe('en-GB');
    await signIn(page);
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(await lang(page)).toBe('cy-GB');
    expect(await chooser(page).inputValue()).toBe('cy');
    await expectNoAxeViolations(page);

    await chooser(page).selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await lang(page)).toBe('en-GB');
    await expect.poll(() => accountLocale(page)).toBe('en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await lang(page)).toBe('en-GB');
    await page.context().close();

    // And a third browser, where Welsh was chosen before signing in, gets English from the account.
    const third = await newPage(session.browser);
    await third.goto(`${server.url}/sign-in`);
    await chooser(third).selectOption('cy');
    await expect.poll(() => lang(third)).toBe('cy-GB');
    await signIn(third);
    await third.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await lang(third)).toBe('en-GB');
    await third.context().close();
  }, 120_000);

  it('given the account chose English, when Cymraeg is chosen while the page is still asking who is signed in, then Cymraeg stays and the account keeps it', async () => {
    const { server } = session;
    const page = await newPage(session.browser);
    await page.goto(`${server.url}/sign-in`);
    await signIn(page);
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const english = await page.request.patch(`${server.url}/api/auth/me`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { locale: 'en' },
    });
    expect(english.status(), await english.text()).toBe(200);
    // The page's own "who is signed in?" is held back until the choice has been made.
    const release = await holdWhoIsSignedIn(page);
    await page.goto(`${server.url}/w/demo`);
    await chooser(page).selectOption('cy');
    await expect.poll(() => lang(page)).toBe('cy-GB');
    release();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('cy');
    expect(await lang(page)).toBe('cy-GB');
    expect(await chooser(page).inputValue()).toBe('cy');
    await page.unrouteAll();
    await page.reload();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    expect(await lang(page)).toBe('cy-GB');

    // A change re-mounts the page, which asks again: a second change made while it asks is the one kept.
    const again = await holdWhoIsSignedIn(page);
    await chooser(page).selectOption('en');
    await expect.poll(() => lang(page)).toBe('en-GB');
    await expect.poll(() => accountLocale(page)).toBe('en');
    await chooser(page).selectOption('cy');
    await expect.poll(() => lang(page)).toBe('cy-GB');
    again();
    await page.getByRole('button', { name: 'Allgofnodi' }).waitFor();
    await expect.poll(() => accountLocale(page)).toBe('cy');
    expect(await lang(page)).toBe('cy-GB');
    await page.unrouteAll();
    await page.context().close();
  }, 120_000);
});
