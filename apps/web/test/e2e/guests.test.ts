import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 10 item 4 (decision 0015): the owner invites a guest from another organisation by a workshop link; the
 * guest joins from a phone-sized screen with their name, edits the map live, the owner sees them and removes
 * them, and the guest's screen says so and no longer lets them edit.
 */
describe('workshop guests in Chromium', () => {
  let session: SignedInSession;
  let guest: Page;
  const mapPath = '/w/demo/j/guest-e2e?live';

  beforeAll(async () => {
    session = await startSignedIn('guests');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { template: 'blank-current', id: 'guest-e2e', title: 'Housing repairs workshop' },
    });
    expect(made.status(), await made.text()).toBe(201);
  }, 240_000);
  afterAll(() => session?.stop());

  const phone = async (browser: Browser) =>
    (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
  const quick = (page: Page, lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const cards = (page: Page, text: string) => page.locator('button.card', { hasText: text });

  it('given an owner on a map, when they invite a guest who joins from a phone and edits, then the owner sees the card and the guest, removes them, and the guest is told and can no longer edit', async () => {
    const { page, server, browser } = session;
    await page.goto(`${server.url}${mapPath}`);
    // the map is live (its owner is on it) before the dialogue opens, so nothing still loading redraws it
    await expect
      .poll(() => page.getByRole('region', { name: 'People on this map' }).getByRole('listitem').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await page.getByRole('button', { name: 'Invite guests' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite guests to this map' });
    await dialog.getByRole('button', { name: 'Create guest link' }).click();
    const linkField = dialog.getByLabel('Guest link (shown only now)');
    await expect.poll(() => linkField.inputValue(), { timeout: 10_000 }).toMatch(/\/join\/[A-Za-z0-9_-]+$/);
    const url = await linkField.inputValue();
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The guest, on a phone-sized screen, without an account.
    guest = await phone(browser);
    await guest.goto(url);
    await guest.getByRole('heading', { name: 'Join the workshop' }).waitFor();
    await expect.poll(() => guest.getByText('Housing repairs workshop').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(guest);
    // Without a name, it says what to do.
    await guest.getByRole('button', { name: 'Join the workshop' }).click();
    await guest
      .getByText('Enter your name, so others in the workshop know who made each change')
      .first()
      .waitFor();
    await guest.getByLabel('Your name').fill('Gina');
    await guest.getByLabel('Your organisation (optional)').fill('Borough Council');
    await guest.getByRole('button', { name: 'Join the workshop' }).click();
    await guest.waitForURL((u) => u.pathname === '/guest', { timeout: 20_000 });
    const banner = guest.getByText(/^You are a guest on this map until \d\d:\d\d/);
    await banner.waitFor({ timeout: 20_000 });
    // Nothing of the workspace: no way back to its journeys, no views, share, export or history.
    for (const name of ['Journeys', 'Present', 'Print', 'Improve'])
      expect(await guest.getByRole('link', { name, exact: true }).count()).toBe(0);
    for (const name of ['Share', 'Export', 'History', 'Invite guests', 'Linked journeys'])
      expect(await guest.getByRole('button', { name, exact: true }).count()).toBe(0);
    // The guest's session reaches nothing else: the workspace's list answers as if it did not exist.
    expect((await guest.request.get(`${server.url}/api/workspaces/demo/journeys`)).status()).toBe(404);

    // The guest edits live; the owner sees the card without reloading, and sees who made it.
    await quick(guest, 'Thinks and feels', 'Need arises').fill('Nobody told us the repair was booked');
    await quick(guest, 'Thinks and feels', 'Need arises').press('Enter');
    await expect
      .poll(() => cards(page, 'Nobody told us the repair was booked').count(), { timeout: 10_000 })
      .toBe(1);
    const people = page.getByRole('region', { name: 'People on this map' });
    await expect
      .poll(() => people.getByRole('listitem').filter({ hasText: 'Gina (guest, Borough Council)' }).count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expectNoAxeViolations(guest);

    // The owner sees who joined, and removes them.
    await page.getByRole('button', { name: 'Invite guests' }).click();
    await expect.poll(() => dialog.getByText('Here now').count(), { timeout: 15_000 }).toBe(1);
    expect(await dialog.getByText('Gina, Borough Council').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Remove Gina' }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent(), { timeout: 10_000 })
      .toBe('Gina was removed from this map. They can no longer see or change it.');

    // The guest's screen says so, and nothing on it edits the map any more.
    await guest
      .getByRole('heading', { name: 'You were removed from this workshop' })
      .waitFor({ timeout: 20_000 });
    expect(await guest.getByText(/Ask .+, who invited you, for a new link\./).count()).toBe(1);
    expect(await quick(guest, 'Thinks and feels', 'Need arises').count()).toBe(0);
    expect((await guest.request.get(`${server.url}/api/workspaces/demo/journeys/guest-e2e`)).status()).toBe(
      401,
    );
    await expectNoAxeViolations(guest);
  }, 180_000);

  it('given a workshop link that was withdrawn, when someone opens it on a phone, then a plain page says so and whom to ask', async () => {
    const { page, server, browser } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
      user: { name: string };
    };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys/guest-e2e/guest-links`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { role: 'commenter' },
    });
    const { url, link } = (await made.json()) as { url: string; link: { id: string } };
    const withdrawn = await page.request.delete(
      `${server.url}/api/workspaces/demo/journeys/guest-e2e/guest-links/${link.id}`,
      { headers: { 'x-csrf-token': me.csrfToken } },
    );
    expect(withdrawn.status()).toBe(200);
    const late = await phone(browser);
    await late.goto(url);
    await late
      .getByRole('heading', { name: 'This workshop link was withdrawn' })
      .waitFor({ timeout: 20_000 });
    expect(
      await late.getByText(`Ask ${me.user.name}, who invited you, for a new link.`, { exact: false }).count(),
    ).toBe(1);
    expect(await late.getByRole('button', { name: 'Join the workshop' }).count()).toBe(0);
    await expectNoAxeViolations(late);
  }, 120_000);

  it('given a guest on a shared computer, when they leave the map, then the page says so and the browser no longer opens it', async () => {
    const { page, server, browser } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys/guest-e2e/guest-links`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {},
    });
    const { url } = (await made.json()) as { url: string };
    const kiosk = await phone(browser);
    await kiosk.goto(url);
    await kiosk.getByLabel('Your name').fill('Sam');
    await kiosk.getByRole('button', { name: 'Join the workshop' }).click();
    await kiosk.getByRole('button', { name: 'Leave this map' }).click({ timeout: 20_000 });
    await kiosk.getByRole('heading', { name: 'You have left the map' }).waitFor({ timeout: 20_000 });
    expect((await kiosk.request.get(`${server.url}/api/workspaces/demo/journeys/guest-e2e`)).status()).toBe(
      401,
    );
    await kiosk.goto(`${server.url}/guest`);
    await kiosk.getByRole('heading', { name: 'You are not a guest on any map' }).waitFor({ timeout: 20_000 });
  }, 120_000);
});
