import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminEmail,
  expectNoAxeViolations,
  newPage,
  signInAs,
  startSignedIn,
  type SignedInSession,
  addMember,
  createJourney,
} from './harness';

/**
 * Issue 10 items 1 and 2 (decision 0013): two people on one map in two Chromium contexts, the editor live for
 * everyone (no ?live). Each sees who is there and the other's cards without reloading; cards added at once on
 * different steps are both kept; words one replaced of the other's are said at the card with a way back;
 * where each is and who is typing shows on the other's map; and an editor who goes offline keeps editing,
 * their edits arrive when they are back, and one whose step was deleted meanwhile is explained.
 */
describe('live co-editing in Chromium', () => {
  let session: SignedInSession;
  let other: Page;
  let adminName = '';
  const mapPath = '/w/demo/j/live-e2e';

  beforeAll(async () => {
    session = await startSignedIn('live');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
      user: { name: string };
    };
    adminName = me.user.name;
    await createJourney(session, { template: 'blank-current', id: 'live-e2e', title: 'Live workshop' });
    // The second person is another member of the workspace, an editor.
    other = await addMember(session, { email: 'ed@example.org', role: 'editor', name: 'Ed' });
  }, 240_000);
  afterAll(() => session?.stop());

  const quick = (page: Page, lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const cards = (page: Page, text: string) => page.locator('button.card', { hasText: text });
  const addCard = async (page: Page, lane: string, step: string, text: string) => {
    await quick(page, lane, step).fill(text);
    await quick(page, lane, step).press('Enter');
  };
  const stored = async () =>
    (
      (await (
        await session.page.request.get(`${session.server.url}/api/workspaces/demo/journeys/live-e2e`)
      ).json()) as { journey: Journey }
    ).journey;
  const status = (page: Page) => page.getByTestId('save-status').textContent();
  const allSaved = (page: Page) =>
    expect.poll(() => status(page), { timeout: 15_000 }).toBe('All changes saved');
  /** The cards' words on a screen, sorted, to compare two screens and the server. */
  const onScreen = async (page: Page) =>
    (
      await page
        .locator('button.card[data-card]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-card')))
    ).sort();
  const cardIdOf = async (text: string) => {
    const card = (await stored()).cards.find((c) => 'text' in c && c.text === text);
    expect(card, text).toBeDefined();
    return card!.id;
  };

  it('given two people on one map, then each sees both names; when one adds a card, the other sees it without reloading; cards added at once on different steps are both kept', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    const people = (p: Page) => p.getByRole('region', { name: 'People on this map' }).getByRole('listitem');
    await expect.poll(() => people(page).count(), { timeout: 10_000 }).toBe(1);
    await other.goto(`${server.url}${mapPath}`);
    // Both see both names; the first hears the second join, politely.
    for (const p of [page, other]) await expect.poll(() => people(p).count(), { timeout: 10_000 }).toBe(2);
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'People on this map' })
          .locator('[aria-live="polite"]')
          .textContent(),
      )
      .toBe('Ed joined');
    for (const p of [page, other]) await allSaved(p);

    await addCard(page, 'Thinks and feels', 'Need arises', 'Worried about the letter');
    await expect.poll(() => cards(other, 'Worried about the letter').count(), { timeout: 10_000 }).toBe(1);

    // At the same moment, on different steps: neither is refused, both screens end with both cards.
    await quick(page, 'Pain points', 'Makes contact').fill('On hold for 40 minutes');
    await quick(other, 'Pain points', 'Outcome').fill('Nobody called back');
    await Promise.all([
      quick(page, 'Pain points', 'Makes contact').press('Enter'),
      quick(other, 'Pain points', 'Outcome').press('Enter'),
    ]);
    for (const p of [page, other]) {
      for (const text of ['On hold for 40 minutes', 'Nobody called back'])
        await expect.poll(() => cards(p, text).count(), { timeout: 10_000 }).toBe(1);
      await allSaved(p);
      expect(await p.getByRole('alert').count()).toBe(0);
    }
    await expectNoAxeViolations(other);
    const texts = (await stored()).cards.map((c) => ('text' in c ? c.text : ''));
    expect(texts).toEqual(
      expect.arrayContaining(['Worried about the letter', 'On hold for 40 minutes', 'Nobody called back']),
    );
  }, 120_000);

  it('given my words in a card, when the other person replaces them, then I am told at the card whose words replaced mine, "Put my words back" restores them on both screens, and my undo still works', async () => {
    const { page } = session;
    await addCard(page, 'Pain points', 'Need arises', 'Phoned twice');
    await allSaved(page);
    const id = await cardIdOf('Phoned twice');
    // Ed opens the card and rewrites it.
    await other.locator(`[data-card="${id}"]`).click();
    const field = other.getByRole('complementary').getByLabel('Pain point', { exact: true });
    await field.fill('Wrote a letter instead');
    await field.press('Control+Enter');
    await allSaved(other);
    // On my screen: the card has Ed's words, and says so in place, at the card.
    const cell = page.locator('.map-cell', { has: page.locator(`[data-card="${id}"]`) });
    await expect
      .poll(() => page.locator(`[data-card="${id}"]`).textContent(), { timeout: 10_000 })
      .toMatch(/Wrote a letter instead/);
    const notice = cell.locator('.live-replaced');
    await expect
      .poll(() => notice.textContent(), { timeout: 10_000 })
      .toMatch(/^Ed changed this card’s text after you\. Your words: “Phoned twice”/);
    expect(await notice.getByRole('button', { name: 'Keep Ed’s' }).count()).toBe(1);
    // The message bar says it once (an alert), pointing to the card.
    expect(await page.getByRole('alert').textContent()).toMatch(/Ed changed this card’s text after you/);
    await expectNoAxeViolations(page);
    await notice.getByRole('button', { name: 'Put my words back' }).click();
    for (const p of [page, other])
      await expect
        .poll(() => p.locator(`[data-card="${id}"]`).textContent(), { timeout: 10_000 })
        .toMatch(/Phoned twice/);
    expect(await notice.count()).toBe(0);
    // Now Ed's words were replaced: Ed is told in place too, in the card's details that Ed has open.
    const edsNotice = other.getByRole('complementary').locator('.live-replaced');
    await expect
      .poll(() => edsNotice.textContent(), { timeout: 10_000 })
      .toMatch(`${adminName} changed this card’s text after you. Your words: “Wrote a letter instead”`);
    await allSaved(page);
    expect((await stored()).cards.find((c) => c.id === id)).toMatchObject({ text: 'Phoned twice' });
    // Undo takes back my own last edit (putting my words back), with Ed's edit before it kept.
    await page.getByRole('button', { name: 'Undo' }).click();
    for (const p of [page, other])
      await expect
        .poll(() => p.locator(`[data-card="${id}"]`).textContent(), { timeout: 10_000 })
        .toMatch(/Wrote a letter instead/);
    await allSaved(page);
    expect((await stored()).cards.find((c) => c.id === id)).toMatchObject({ text: 'Wrote a letter instead' });
    // Ed's words are back, so Ed's notice has nothing left to answer and goes.
    await expect.poll(() => edsNotice.count(), { timeout: 10_000 }).toBe(0);
    await other
      .getByRole('complementary')
      .getByRole('button', { name: /^Close/ })
      .click();
  }, 120_000);

  it('given the other person selects a card, types in it and moves to a step, then my map shows where they are in their colour and that they are typing, never announced', async () => {
    const { page } = session;
    const id = await cardIdOf('On hold for 40 minutes');
    const tag = (where: string) => page.locator(`${where} .presence-tag`);
    await other.locator(`[data-card="${id}"]`).click();
    await expect.poll(() => tag(`[data-card="${id}"]`).textContent(), { timeout: 10_000 }).toBe('Ed');
    const colour = await page.evaluate(
      () => getComputedStyle(document.querySelector('.presence-tag')!).backgroundColor,
    );
    await expect
      .poll(() => page.locator(`[data-card="${id}"]`).evaluate((el) => getComputedStyle(el).outlineColor))
      .toBe(colour);
    // Typing in the card's words: "Ed is typing…" in that card on my screen (kept up while the poll looks).
    const field = other.getByRole('complementary').getByLabel('Pain point', { exact: true });
    await field.focus();
    await field.press('End');
    let typing = true;
    const keys = (async () => {
      while (typing) await other.keyboard.type('.', { delay: 150 });
    })();
    try {
      await expect
        .poll(() => tag(`[data-card="${id}"]`).textContent(), { timeout: 10_000 })
        .toBe('Ed is typing…');
    } finally {
      typing = false;
      await keys;
    }
    expect(await page.locator(`[data-card="${id}"] .presence-tags`).getAttribute('aria-hidden')).toBe('true');
    // With reduced motion the typing tag does not pulse; otherwise it does.
    const animation = () =>
      page.locator(`[data-card="${id}"] .presence-tag`).evaluate((el) => getComputedStyle(el).animationName);
    expect(await animation()).toBe('presence-typing');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await animation()).toBe('none');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await other.keyboard.press('Escape'); // the draft of dots is thrown away
    // Ed leaves the card for a step: the step's column is outlined on my screen with Ed's name.
    await other
      .getByRole('complementary')
      .getByRole('button', { name: /^Close/ })
      .click();
    const outcome = (await stored()).columns.find((c) => c.label === 'Outcome')!.id;
    // On the step's header (a cell's own outline is in live-presence.test.ts).
    await other.getByRole('columnheader', { name: /Outcome/ }).focus();
    await expect
      .poll(() => tag(`[data-presence-column="${outcome}"]`).textContent(), { timeout: 10_000 })
      .toBe('Ed');
    expect(await tag(`[data-card="${id}"]`).count()).toBe(0);
    // The screen reader region heard who joined, never focus or typing.
    expect(
      await page
        .getByRole('region', { name: 'People on this map' })
        .locator('[aria-live="polite"]')
        .textContent(),
    ).toBe('Ed joined');
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the other person goes offline and keeps editing while I delete the step one of their edits was on, when they are back, then their other edits arrive, the dropped one is explained, and both screens end with the same map', async () => {
    const { page } = session;
    await allSaved(other);
    await other.context().setOffline(true);
    await expect
      .poll(() => status(other), { timeout: 10_000 })
      .toBe('Offline — your changes will be sent when you reconnect');
    await addCard(other, 'Pain points', 'Makes contact', 'Transferred three times');
    await addCard(other, 'Thinks and feels', 'Outcome', 'Gave up waiting');
    await expect.poll(() => cards(other, 'Gave up waiting').count()).toBe(1);
    expect(await status(other)).toBe('Offline — your changes will be sent when you reconnect');
    expect(await cards(page, 'Transferred three times').count()).toBe(0);
    // Meanwhile I delete the step "Outcome" (with the cards on it).
    await page.getByRole('button', { name: 'Steps & lanes' }).click();
    await page.getByRole('complementary').getByRole('button', { name: 'Delete Outcome' }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Outcome/ }).count()).toBe(0);
    await allSaved(page);
    await page
      .getByRole('complementary')
      .getByRole('button', { name: /^Close/ })
      .click();

    await other.context().setOffline(false);
    await allSaved(other);
    await expect.poll(() => cards(page, 'Transferred three times').count(), { timeout: 10_000 }).toBe(1);
    const said = other.getByRole('alert');
    await expect
      .poll(() => said.textContent(), { timeout: 10_000 })
      .toMatch(
        `Your new card “Gave up waiting” was not added, because ${adminName} deleted the step “Outcome” it was on. Add it to another step if you still need it.`,
      );
    expect(await cards(other, 'Gave up waiting').count()).toBe(0);
    expect(await other.getByRole('columnheader', { name: /Outcome/ }).count()).toBe(0);
    // Both screens and the server: the same cards.
    const server = (await stored()).cards.map((c) => c.id as string).sort();
    await expect.poll(() => onScreen(page), { timeout: 10_000 }).toEqual(server);
    await expect.poll(() => onScreen(other), { timeout: 10_000 }).toEqual(server);
    await expectNoAxeViolations(other);
  }, 120_000);

  it('given a network that lets the page load but blocks live connections, then the status line says so in words and edits are still saved, reaching the live screens', async () => {
    const { server, browser, password, page } = session;
    const blocked = await newPage(browser);
    await blocked.context().routeWebSocket(/\/live\?/, (socket) => socket.close());
    await signInAs(blocked, server, adminEmail, password);
    await blocked.goto(`${server.url}${mapPath}`);
    await blocked
      .getByText('Live editing could not connect on this network: your changes are still saved', {
        exact: false,
      })
      .waitFor({ timeout: 30_000 });
    // The REST editor, now the one in use, looks for others' changes (here on window focus): more than the
    // one look it makes when it takes over.
    let looks = 0;
    blocked.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === '/api/workspaces/demo/journeys/live-e2e')
        looks++;
    });
    await expect
      .poll(
        async () => {
          await blocked.evaluate(() => window.dispatchEvent(new Event('focus')));
          return looks;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await addCard(blocked, 'Thinks and feels', 'Need arises', 'Saved without live');
    await allSaved(blocked);
    expect((await stored()).cards.some((c) => 'text' in c && c.text === 'Saved without live')).toBe(true);
    // Saved by the ordinary route, it still reaches the people who are live.
    await expect.poll(() => cards(page, 'Saved without live').count(), { timeout: 10_000 }).toBe(1);
    await expectNoAxeViolations(blocked);
    await blocked.context().close();
  }, 120_000);
});
