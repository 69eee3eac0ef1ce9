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
 * The live editor's loose ends (issue 10, decision 0013), two people on one map in two Chromium contexts:
 * presence of a cell (someone typing into a cell's "Add…" box is outlined on that cell, not the whole step),
 * presence from the side panels (a step in the structure panel, an arrow's step), a live map that asks the
 * server for the journey only through the live route, and a connection that goes silent without closing
 * (noticed by the heartbeat, connected again, nothing lost). Screen readers hear, politely, only other
 * people's joins and leaves: never their own, nor the people already there when they came.
 */
describe('live presence and the connection, in Chromium', () => {
  let session: SignedInSession;
  let other: Page;
  const jid = 'presence-e2e';
  const mapPath = `/w/demo/j/${jid}`;
  const journeyPath = `/api/workspaces/demo/journeys/${jid}`;

  beforeAll(async () => {
    session = await startSignedIn('live-presence');
    await createJourney(session, { template: 'blank-current', id: jid, title: 'Presence workshop' });
    other = await addMember(session, { email: 'ed@example.org', role: 'editor', name: 'Ed' });
  }, 240_000);
  afterAll(() => session?.stop());

  const quick = (page: Page, lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  /** The lane × step cell that holds that "Add…" box. */
  const cellOf = (page: Page, lane: string, step: string) =>
    page.locator('.map-cell', { has: quick(page, lane, step) });
  const cards = (page: Page, text: string) => page.locator('button.card', { hasText: text });
  const stored = async () =>
    (
      (await (await session.page.request.get(`${session.server.url}${journeyPath}`)).json()) as {
        journey: Journey;
      }
    ).journey;
  const stepId = async (label: string) => (await stored()).columns.find((c) => c.label === label)!.id;
  const status = (page: Page) => page.getByTestId('save-status').textContent();
  const people = (p: Page) => p.getByRole('region', { name: 'People on this map' }).getByRole('listitem');
  /** Every text the presence list's polite region has had in this page, in order (recorded as it changes). */
  const recordPolite = () => {
    const said: string[] = [];
    (window as unknown as { presenceSaid: string[] }).presenceSaid = said;
    new MutationObserver(() => {
      const text = document.querySelector('section.presence [aria-live="polite"]')?.textContent ?? '';
      if (text && text !== said.at(-1)) said.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  };
  const polite = (page: Page) =>
    page.evaluate(() => (window as unknown as { presenceSaid: string[] }).presenceSaid);
  /** What the polite region has said in my page: Ed's arrival first, and only Ed's comings and goings. */
  const expectOnlyEdHeard = async (page: Page) => {
    const said = await polite(page);
    expect(said[0]).toBe('Ed joined');
    for (const text of said) expect(text).toMatch(/^Ed (joined|left)$/);
  };

  it('given I open the map and then the other person does, then each sees both, and my screen reader hears "Ed joined" but not that I joined', async () => {
    const { page, server } = session;
    for (const p of [page, other]) await p.context().addInitScript(recordPolite);
    await page.goto(`${server.url}${mapPath}`);
    // I am on the map (the list shows me) before Ed comes.
    await expect.poll(() => people(page).count(), { timeout: 15_000 }).toBe(1);
    await other.goto(`${server.url}${mapPath}`);
    for (const p of [page, other]) await expect.poll(() => people(p).count(), { timeout: 15_000 }).toBe(2);
    const region = (p: Page) =>
      p.getByRole('region', { name: 'People on this map' }).locator('[aria-live="polite"]').textContent();
    await expect.poll(() => region(page), { timeout: 15_000 }).toBe('Ed joined');
    await expectOnlyEdHeard(page);
    // Ed hears nothing of it: not his own arrival, nor mine (I was there before him). Checked again later,
    // when anything late would have arrived.
    expect(await polite(other)).toEqual([]);
  }, 60_000);

  it('given the other person types into a cell’s "Add…" box, then my map outlines that cell in their colour with "Ed is typing…", not the whole step; on the step’s header, the step is outlined', async () => {
    const { page } = session;
    const cell = cellOf(page, 'Pain points', 'Outcome');
    const box = quick(other, 'Pain points', 'Outcome');
    await box.focus();
    // In the cell: the cell is outlined with Ed's name, and no step column.
    await expect.poll(() => cell.locator('.presence-tag').textContent(), { timeout: 10_000 }).toBe('Ed');
    expect(await page.locator('.map-cell--presence').count()).toBe(1);
    expect(await page.locator('[data-presence-column]').count()).toBe(0);
    const colour = await cell.locator('.presence-tag').evaluate((el) => getComputedStyle(el).backgroundColor);
    // (the outline's colour eases in over 0.3 s, so it is read until it has arrived)
    await expect
      .poll(() => cell.evaluate((el) => getComputedStyle(el).outlineColor), { timeout: 5_000 })
      .toBe(colour);
    expect(await cell.locator('.presence-tags').getAttribute('aria-hidden')).toBe('true');
    // Typing there (kept up while the poll looks): "Ed is typing…" on that cell.
    let typing = true;
    const keys = (async () => {
      while (typing) await box.pressSequentially('a', { delay: 150 });
    })();
    try {
      await expect
        .poll(() => cell.locator('.presence-tag').textContent(), { timeout: 10_000 })
        .toBe('Ed is typing…');
      expect(await page.locator('.map-cell--presence').count()).toBe(1);
      expect(await page.locator('[data-presence-column]').count()).toBe(0);
    } finally {
      typing = false;
      await keys;
    }
    await box.fill('');
    // The step's header: the whole step is outlined, and the cell no longer.
    const outcome = await stepId('Outcome');
    await other.getByRole('columnheader', { name: /Outcome/ }).focus();
    await expect
      .poll(() => page.locator(`[data-presence-column="${outcome}"] .presence-tag`).textContent(), {
        timeout: 10_000,
      })
      .toBe('Ed');
    expect(await page.locator('.map-cell--presence').count()).toBe(0);
    // Nothing of it was announced: my polite region has said only that Ed joined, never where anyone is, nor
    // their typing; Ed's has said nothing at all (nobody came after him).
    await expectOnlyEdHeard(page);
    expect(await polite(other)).toEqual([]);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the other person in the structure panel on a step, then in the arrows panel, then my map outlines the step each is about', async () => {
    const { page } = session;
    const column = (id: string) => page.locator(`[data-presence-column="${id}"] .presence-tag`);
    await other.getByRole('button', { name: 'Steps & lanes' }).click();
    const panel = other.getByRole('complementary');
    // "Makes contact" is the second step of the blank map.
    await panel.getByLabel('Step 2 name', { exact: true }).focus();
    const contact = await stepId('Makes contact');
    await expect.poll(() => column(contact).textContent(), { timeout: 10_000 }).toBe('Ed');
    expect(await page.locator('[data-presence-column]').count()).toBe(1);
    await panel.getByRole('button', { name: /^Close/ }).click();

    await other.getByRole('button', { name: 'Arrows' }).click();
    const from = other.getByRole('complementary').getByLabel('From step', { exact: true });
    await from.focus();
    await from.selectOption({ label: 'Outcome' });
    const outcome = await stepId('Outcome');
    await expect.poll(() => column(outcome).textContent(), { timeout: 10_000 }).toBe('Ed');
    expect(await column(contact).count()).toBe(0);
    await other
      .getByRole('complementary')
      .getByRole('button', { name: /^Close/ })
      .click();
  }, 120_000);

  it('given a live map, when the window gets focus, then the journey is not asked for again: its changes come live', async () => {
    const { page } = session;
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'GET' && new URL(r.url()).pathname === journeyPath) asked.push(r.url());
    });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    // A request made after the focus, answered: any look the focus started was asked for before it.
    const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/me');
    await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
    await answered;
    expect(asked).toEqual([]);
  }, 60_000);

  it('given a live connection that goes silent without closing (a laptop asleep, a NAT timeout), then the tab notices within half a minute, connects again, and the card added meanwhile reaches the other screen', async () => {
    const { page, server, browser, password } = session;
    const silent = await newPage(browser);
    await silent.context().addInitScript(recordPolite);
    let connections = 0;
    let hush = false;
    await silent.context().routeWebSocket(/\/live\?/, (socket) => {
      const mine = ++connections;
      const upstream = socket.connectToServer();
      // The first connection, once hushed, passes nothing either way and never closes.
      const passes = () => !(hush && mine === 1);
      socket.onMessage((m) => {
        if (passes()) upstream.send(m);
      });
      upstream.onMessage((m) => {
        if (passes()) socket.send(m);
      });
    });
    await signInAs(silent, server, adminEmail, password);
    await silent.goto(`${server.url}${mapPath}`);
    await expect.poll(() => status(silent), { timeout: 15_000 }).toBe('All changes saved');
    hush = true;
    await quick(silent, 'Thinks and feels', 'Makes contact').fill('Sent while the line was dead');
    await quick(silent, 'Thinks and feels', 'Makes contact').press('Enter');
    await expect.poll(() => cards(silent, 'Sent while the line was dead').count()).toBe(1);
    // Nothing gets through the dead connection; the heartbeat gives up on it (20 s + 10 s) and connects again.
    await expect.poll(() => connections, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => cards(page, 'Sent while the line was dead').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => status(silent), { timeout: 30_000 }).toBe('All changes saved');
    expect(
      (await stored()).cards.filter((c) => 'text' in c && c.text === 'Sent while the line was dead'),
    ).toHaveLength(1);
    // My own connection dropping and coming back, and a second tab of mine, were announced to nobody: not in
    // that tab (Ed and I were already there), not in my first tab, not to Ed (I was there all along).
    expect(await polite(silent)).toEqual([]);
    await expectOnlyEdHeard(page);
    expect(await polite(other)).toEqual([]);
    await silent.context().close();
  }, 150_000);
  it('given a live connection slow to answer, then the map does not move when the answer comes: the workshop strip and the list of people keep their place', async () => {
    const { server, browser, password } = session;
    const slow = await newPage(browser);
    let release = () => {};
    const answered = new Promise<void>((resolve) => (release = resolve));
    // What the server says reaches the page only once released (in order); what the page says goes through.
    await slow.context().routeWebSocket(/\/live\?/, (socket) => {
      const upstream = socket.connectToServer();
      socket.onMessage((m) => upstream.send(m));
      upstream.onMessage(async (m) => {
        await answered;
        socket.send(m);
      });
    });
    await signInAs(slow, server, adminEmail, password);
    await slow.goto(`${server.url}${mapPath}`);
    await slow.getByTestId('map-grid').waitFor();
    const run = slow.getByRole('button', { name: 'Run a workshop', exact: true });
    const top = () => slow.getByTestId('map-grid').evaluate((el) => el.getBoundingClientRect().y);
    // Not answered yet: nobody listed, the workshop button there but not pressable.
    expect(await people(slow).count()).toBe(0);
    expect(await run.isDisabled()).toBe(true);
    const before = await top();
    release();
    await expect.poll(() => people(slow).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => run.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(Math.abs((await top()) - before)).toBeLessThan(1);
    await expectNoAxeViolations(slow);
    await slow.context().close();
  }, 90_000);
});
