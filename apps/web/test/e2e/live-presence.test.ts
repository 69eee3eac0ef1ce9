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
 * (noticed by the heartbeat, connected again, nothing lost).
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

  it('given two people open the map, then each sees both', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    await other.goto(`${server.url}${mapPath}`);
    const people = (p: Page) => p.getByRole('region', { name: 'People on this map' }).getByRole('listitem');
    for (const p of [page, other]) await expect.poll(() => people(p).count(), { timeout: 15_000 }).toBe(2);
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
    // Nothing of it was announced: the polite region says only who joined. (Which joins it last said depends on
    // whose connection the server welcomed first: under load Ed's can come first, and the region then says "Ed
    // joined. Administrator joined" in one change; never where anyone is, nor their typing.)
    const said = await page
      .getByRole('region', { name: 'People on this map' })
      .locator('[aria-live="polite"]')
      .textContent();
    expect(said).toMatch(/^(\w+ (joined|left)(\. |$))+$/);
    expect(said).toContain('Ed joined');
    expect(said).not.toMatch(/typing|Outcome|Pain points/);
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
    await silent.context().close();
  }, 150_000);
});
