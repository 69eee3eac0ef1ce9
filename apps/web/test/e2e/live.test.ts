import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage, signInAs, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 10, first wiring (decision 0013): two people on one map in two Chromium contexts, the editor opened
 * with ?live. Each sees who is there (names in their colours, joins announced politely) and the other's cards
 * without reloading, and cards added at the same moment on different steps are both kept (no conflict).
 */
describe('live co-editing in Chromium', () => {
  let session: SignedInSession;
  let other: Page;
  const mapPath = '/w/demo/j/live-e2e?live';

  beforeAll(async () => {
    session = await startSignedIn('live');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { template: 'blank-current', id: 'live-e2e', title: 'Live workshop' },
    });
    expect(made.status(), await made.text()).toBe(201);
    // The second person is another member of the workspace, an editor.
    const added = await page.request.post(`${server.url}/api/workspaces/demo/members`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { email: 'ed@example.org', role: 'editor' },
    });
    expect(added.status(), await added.text()).toBe(201);
    const { oneTimePassword } = (await added.json()) as { oneTimePassword: string };
    other = await newPage(session.browser);
    await signInAs(other, server, 'ed@example.org', oneTimePassword);
  }, 240_000);
  afterAll(() => session?.stop());

  const quick = (page: Page, lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const cards = (page: Page, text: string) => page.locator('button.card', { hasText: text });

  it('given two people on one map, then each sees both names; when one adds a card, the other sees it without reloading; cards added at once on different steps are both kept', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    const people = (p: Page) => p.getByRole('region', { name: 'People on this map' }).getByRole('listitem');
    await expect.poll(() => people(page).count(), { timeout: 5_000 }).toBe(1);
    await other.goto(`${server.url}${mapPath}`);
    // Both see both names; the first hears the second join, politely.
    for (const p of [page, other]) await expect.poll(() => people(p).count(), { timeout: 5_000 }).toBe(2);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'People on this map' })
          .locator('[aria-live="polite"]')
          .textContent(),
      )
      .toMatch(/ joined$/);

    await quick(page, 'Thinks and feels', 'Need arises').fill('Worried about the letter');
    await quick(page, 'Thinks and feels', 'Need arises').press('Enter');
    await expect.poll(() => cards(other, 'Worried about the letter').count(), { timeout: 5_000 }).toBe(1);

    // At the same moment, on different steps: neither is refused, both screens end with both cards.
    await quick(page, 'Pain points', 'Makes contact').fill('On hold for 40 minutes');
    await quick(other, 'Pain points', 'Outcome').fill('Nobody called back');
    await Promise.all([
      quick(page, 'Pain points', 'Makes contact').press('Enter'),
      quick(other, 'Pain points', 'Outcome').press('Enter'),
    ]);
    for (const p of [page, other]) {
      for (const text of ['On hold for 40 minutes', 'Nobody called back'])
        await expect.poll(() => cards(p, text).count(), { timeout: 5_000 }).toBe(1);
    }
    const stored = (await (
      await page.request.get(`${server.url}/api/workspaces/demo/journeys/live-e2e`)
    ).json()) as {
      journey: Journey;
    };
    await expectNoAxeViolations(other);
    const texts = stored.journey.cards.map((c) => ('text' in c ? c.text : ''));
    expect(texts).toEqual(
      expect.arrayContaining(['Worried about the letter', 'On hold for 40 minutes', 'Nobody called back']),
    );
  }, 120_000);
});
