import type { Journey } from '@waymark/core';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  startSignedIn,
  type SignedInSession,
  addMember,
  createJourney,
} from './harness';

type Version = { version: number; by: { name: string } | null; detail: Record<string, unknown> | null };

/**
 * Issue 10 item 5: the history a workshop can read, and restoring a moment as an edit. Two people edit one
 * map live; the history groups the edits by person and minute; one restores an earlier moment after a
 * confirmation; both screens show the restored map, the later versions are still listed, restoring the moment
 * just before the restore brings the work back, and Undo takes a restore back.
 */
describe('history and restore in Chromium', () => {
  let session: SignedInSession;
  let other: Page;
  let adminName = '';
  const mapPath = '/w/demo/j/history-e2e';
  const api = '/api/workspaces/demo/journeys/history-e2e';

  beforeAll(async () => {
    session = await startSignedIn('history');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
      user: { name: string };
    };
    adminName = me.user.name;
    await createJourney(session, { template: 'blank-current', id: 'history-e2e', title: 'Workshop history' });
    other = await addMember(session, { email: 'ed@example.org', role: 'editor', name: 'Ed' });
  }, 240_000);
  afterAll(() => session?.stop());

  const quick = (page: Page, lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const cards = (page: Page, text: string) => page.locator('button.card', { hasText: text });
  const addCard = async (page: Page, lane: string, step: string, text: string) => {
    await quick(page, lane, step).fill(text);
    await quick(page, lane, step).press('Enter');
    await expect.poll(() => status(page), { timeout: 15_000 }).toBe('All changes saved');
  };
  const status = (page: Page) => page.getByTestId('save-status').textContent();
  const get = async <T>(path: string): Promise<T> =>
    (await (await session.page.request.get(`${session.server.url}${api}${path}`)).json()) as T;
  const stored = () => get<{ version: number; journey: Journey }>('');
  const history = async () => (await get<{ items: Version[] }>('/history?before=1000&limit=100')).items;
  const storedTexts = async () => (await stored()).journey.cards.map((c) => ('text' in c ? c.text : ''));
  const panel = (page: Page) => page.getByRole('complementary', { name: 'History' });
  const restoreButton = (page: Page, version: number): Locator =>
    panel(page).getByRole('button', {
      name: new RegExp(`^Restore the map as it was at .*\\(version ${version}\\)$`),
    });
  const shown = (page: Page, text: string, count: number) =>
    expect.poll(() => cards(page, text).count(), { timeout: 15_000 }).toBe(count);

  it('given two people editing, then the history groups their edits by person and minute; a restore asks first, reaches both screens, keeps later versions, and can itself be restored and undone', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    await other.goto(`${server.url}${mapPath}`);
    for (const p of [page, other]) await quick(p, 'Pain points', 'Outcome').waitFor({ timeout: 20_000 });
    // Start early in a minute, so the two cards below fall in the same minute (the grouping under test).
    const second = new Date().getSeconds();
    if (second > 20) await page.waitForTimeout((61 - second) * 1000);

    await addCard(page, 'Pain points', 'Need arises', 'Letter is confusing');
    await addCard(page, 'Pain points', 'Makes contact', 'On hold for 40 minutes');
    await shown(other, 'On hold for 40 minutes', 1);
    await addCard(other, 'Pain points', 'Outcome', 'Nobody called back');
    await shown(page, 'Nobody called back', 1);

    const before = await history();
    const edVersion = before.find((v) => v.by?.name === 'Ed')!.version;
    const beforeEd = edVersion - 1;

    await page.getByRole('button', { name: 'History', exact: true }).click();
    // One session, with both people; the admin's two cards are one entry, expandable to the two edits.
    const sessionHeading = panel(page).getByRole('heading', { level: 3 });
    await expect.poll(() => sessionHeading.count(), { timeout: 15_000 }).toBe(1);
    expect(await panel(page).getByText(`Changes by ${adminName} and Ed`).count()).toBe(1);
    const adminEntry = panel(page).locator(`li.history-item[data-version="${beforeEd}"]`);
    expect(await adminEntry.getByText('Added 2 cards', { exact: true }).count()).toBe(1);
    const expand = adminEntry.getByRole('button', { name: /^(Show|Hide) the 2 edits/ });
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await adminEntry.getByRole('button', { name: /^Show the 2 edits/ }).click();
    expect(await expand.getAttribute('aria-expanded')).toBe('true');
    expect(await adminEntry.locator('.history-edits li').count()).toBe(2);
    const edEntry = panel(page).locator(`li.history-item[data-version="${edVersion}"]`);
    expect(await edEntry.getByText('Added card “Nobody called back”').count()).toBe(1);
    expect(await edEntry.getByText('(the map now)').count()).toBe(1);
    await expectNoAxeViolations(page);

    // Restore the moment after the admin's two cards: the confirmation says what will change and that
    // nothing is lost, and focus is on it.
    await restoreButton(page, beforeEd).first().click();
    const confirm = panel(page).getByRole('region', { name: /^Restore the map as it was at/ });
    await expect
      .poll(() => confirm.getByText('1 card added since then will be taken off the map.').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await confirm.getByText(/^Nothing is lost\./).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await expectNoAxeViolations(page);
    await confirm.getByRole('button', { name: 'Restore the map', exact: true }).click();

    for (const p of [page, other]) {
      await shown(p, 'Nobody called back', 0);
      await shown(p, 'On hold for 40 minutes', 1);
    }
    await expect.poll(storedTexts, { timeout: 15_000 }).not.toContain('Nobody called back');
    expect(await panel(page).getByRole('status').textContent()).toMatch(/^The map is back as it was at /);
    // The restore is the newest entry; Ed's card is still in the history.
    const afterRestore = await history();
    const restoreVersion = afterRestore[afterRestore.length - 1]!;
    expect([restoreVersion.version, restoreVersion.detail?.['restoredFrom']]).toEqual([
      edVersion + 1,
      beforeEd,
    ]);
    const restoreEntry = panel(page).locator(`li.history-item[data-version="${restoreVersion.version}"]`);
    await expect
      .poll(() => restoreEntry.getByText(/^Restored the map as it was at /).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await edEntry.getByText('Added card “Nobody called back”').count()).toBe(1);

    // Restoring the moment just before the restore brings Ed's card back, on both screens.
    await restoreButton(page, edVersion).first().click();
    await expect.poll(() => confirm.getByText('1 card will come back.').count(), { timeout: 15_000 }).toBe(1);
    await confirm.getByRole('button', { name: 'Restore the map', exact: true }).click();
    for (const p of [page, other]) await shown(p, 'Nobody called back', 1);
    await expect.poll(storedTexts, { timeout: 15_000 }).toContain('Nobody called back');

    // A restore is one edit of one's own: Undo takes it back, for everyone.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    for (const p of [page, other]) await shown(p, 'Nobody called back', 0);
    await expect.poll(storedTexts, { timeout: 15_000 }).not.toContain('Nobody called back');
    expect((await history()).length).toBe(edVersion + 3);

    // A moment can be found by its time too; one before the map existed is explained next to the field.
    const time = panel(page).getByLabel('Restore the map as it was at a time');
    await time.fill('2020-01-06T10:42');
    await panel(page).getByRole('button', { name: 'Find that moment' }).click();
    expect(
      await panel(page).getByText('The map did not exist yet at that time. Choose a later time.').count(),
    ).toBe(1);
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
  }, 240_000);
});
