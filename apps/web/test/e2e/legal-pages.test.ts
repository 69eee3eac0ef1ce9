import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 12 item 5 in the browser: the accessibility statement and the privacy notice are read by someone who has
 * not signed in, in English and in Welsh, with nothing for axe to find at 100 % and 200 % zoom (200 %: 1280 px at
 * 200 % lays the page out in 640 CSS px, as the a11y sweep explains); the footer of the sign-in page leads to
 * them; the instance administrator (the account made at first start) fills in the contact details, and the
 * statement shows them to everyone.
 */
const languages = [
  {
    locale: 'en',
    tag: 'en-GB',
    statement: 'Accessibility statement for Waymark',
    privacy: 'Privacy notice for Waymark',
    enforcement: 'Enforcement procedure',
    placeholder: '[contact email address: not filled in yet]',
  },
  {
    locale: 'cy',
    tag: 'cy-GB',
    statement: 'Datganiad hygyrchedd ar gyfer Waymark',
    privacy: 'Hysbysiad preifatrwydd ar gyfer Waymark',
    enforcement: 'Gweithdrefn orfodi',
    placeholder: '[cyfeiriad e-bost cyswllt: heb ei llenwi eto]',
  },
] as const;
const zooms = [
  { name: '100 %', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '200 %', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const;

/** A browser of someone who has not signed in, with this language chosen as the header's control keeps it. */
async function anonymousPage(
  browser: Browser,
  locale: string,
  zoom: (typeof zooms)[number] = zooms[0],
): Promise<Page> {
  const context = await browser.newContext({
    viewport: zoom.viewport,
    deviceScaleFactor: zoom.deviceScaleFactor,
  });
  await context.addInitScript((chosen) => localStorage.setItem('waymark.locale', chosen), locale);
  return context.newPage();
}

describe('the legal pages: accessibility statement and privacy notice', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('legal-pages');
  }, 240_000);
  afterAll(() => session?.stop());

  for (const language of languages)
    for (const zoom of zooms)
      it(`given someone not signed in, in ${language.locale} at ${zoom.name}, when they read both pages, then each is in their language with placeholders for what is not filled in, and axe finds nothing`, async () => {
        const page = await anonymousPage(session.browser, language.locale, zoom);
        try {
          await page.goto(`${session.server.url}/accessibility`);
          await page.getByRole('heading', { level: 1, name: language.statement }).waitFor();
          expect(new URL(page.url()).pathname).toBe('/accessibility');
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.tag);
          await page.getByRole('heading', { level: 2, name: language.enforcement }).waitFor();
          expect(await page.getByText(language.placeholder).count()).toBeGreaterThan(0);
          await expectNoAxeViolations(page);

          await page.goto(`${session.server.url}/privacy`);
          await page.getByRole('heading', { level: 1, name: language.privacy }).waitFor();
          expect(new URL(page.url()).pathname).toBe('/privacy');
          await expectNoAxeViolations(page);
        } finally {
          await page.context().close();
        }
      }, 90_000);

  it('given the sign-in page, when its footer’s link is followed, then the accessibility statement opens without signing in', async () => {
    const page = await anonymousPage(session.browser, 'en');
    try {
      await page.goto(`${session.server.url}/sign-in`);
      const footer = page.getByRole('navigation', { name: 'Support links' });
      await footer.getByRole('link', { name: 'Privacy notice' }).waitFor();
      await footer.getByRole('link', { name: 'Accessibility statement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Accessibility statement for Waymark' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/accessibility');
      // Someone not signed in is not offered the administrator's form.
      expect(await page.getByRole('link', { name: /Edit this page/ }).count()).toBe(0);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('given the instance administrator, when they fill in the contact details, then the statement shows them to everyone, in both languages', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/accessibility`);
    await page.getByRole('link', { name: 'Edit this page’s details (instance administrators)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit the legal pages' }).waitFor();
    await expectNoAxeViolations(page);

    const form = page.locator('form', { has: page.getByLabel('Contact email address') });
    // A wrong address is refused in words that name the field, and nothing is saved.
    await form.getByLabel('Contact email address').fill('access at melton');
    await form.getByRole('button', { name: 'Save' }).click();
    await form
      .getByRole('alert')
      .getByText('Contact email address: enter an email address like name@example.org, or leave it empty.')
      .waitFor();
    expect(await form.getByLabel('Contact email address').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Organisation name (English)').fill('Melton Borough Council');
    await form.getByLabel('Contact email address').fill('access@melton.gov.uk');
    await form.getByLabel('Contact telephone number').fill('01664 502502');
    await form.getByLabel('Working days to answer a request').fill('10');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByRole('status').getByText('Saved. The page shows your changes now.').waitFor();

    const reader = await anonymousPage(session.browser, 'en');
    try {
      await reader.goto(`${server.url}/accessibility`);
      await reader.getByRole('heading', { level: 1, name: 'Accessibility statement for Waymark' }).waitFor();
      const email = reader.getByRole('link', { name: 'access@melton.gov.uk' }).first();
      await email.waitFor();
      expect(await email.getAttribute('href')).toBe('mailto:access@melton.gov.uk');
      expect(await reader.getByText('within 10 working days').count()).toBe(1);
      expect(await reader.getByText('[contact email address: not filled in yet]').count()).toBe(0);
      expect(await reader.getByText(/run by Melton Borough Council/).count()).toBe(1);
      await expectNoAxeViolations(reader);
    } finally {
      await reader.context().close();
    }

    // In Welsh, the name given only in English is marked as English for screen readers.
    const welsh = await anonymousPage(session.browser, 'cy');
    try {
      await welsh.goto(`${server.url}/accessibility`);
      await welsh.getByRole('heading', { level: 1, name: 'Datganiad hygyrchedd ar gyfer Waymark' }).waitFor();
      await welsh.getByRole('link', { name: 'access@melton.gov.uk' }).first().waitFor();
      expect(
        await welsh.locator('span[lang="en"]', { hasText: 'Melton Borough Council' }).count(),
      ).toBeGreaterThan(0);
    } finally {
      await welsh.context().close();
    }
  }, 120_000);
});
