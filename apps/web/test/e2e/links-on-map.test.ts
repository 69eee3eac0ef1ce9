import { readFileSync } from 'node:fs';
import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createJourney,
  expectNoAxeViolations,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 11 item 2: links (feedback loops, requests to outside agencies, hand-offs) drawn on the map being
 * edited, where people can see, choose and change them. A map with two links made through the API; the arrows
 * sit under their steps (also when scrolled); Tab reaches them; Enter opens one; its kind and label change and
 * the map, the server and the poster export show it; Delete takes it away and Undo brings it back; a new link
 * is added from the map; axe finds nothing.
 */
describe('links on the map, end to end in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  const api = '/api/workspaces/demo/journeys/links-e2e';

  beforeAll(async () => {
    // A narrow window, so the map scrolls sideways.
    session = await startSignedIn('links', { width: 900, height: 900 });
    page = session.page;
    await createJourney(session, { template: 'blank-current', id: 'links-e2e', title: 'Links on the map' });
    const csrf = (
      (await (await page.request.get(`${session.server.url}/api/auth/me`)).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
    const { version } = await stored();
    const added = await page.request.post(`${session.server.url}${api}/commands`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        baseVersion: version,
        commands: [
          { type: 'organisation.add', item: { id: 'police', name: 'Police', kind: 'outside-agency' } },
          {
            type: 'link.add',
            item: {
              id: 'loop',
              kind: 'feedback-loop',
              from: { columnId: 'outcome' },
              to: { kind: 'column', columnId: 'contact' },
              label: 'Calls again',
            },
          },
          {
            type: 'link.add',
            item: {
              id: 'check',
              kind: 'outside-request',
              from: { columnId: 'contact' },
              to: { kind: 'organisation', organisationId: 'police' },
              returnsTo: { columnId: 'outcome' },
              label: 'Checks the record',
            },
          },
        ],
      },
    });
    expect(added.status(), await added.text()).toBe(200);
  }, 240_000);
  afterAll(() => session?.stop());

  async function stored(): Promise<{ version: number; journey: Journey }> {
    const res = await session.page.request.get(`${session.server.url}${api}`);
    return (await res.json()) as { version: number; journey: Journey };
  }
  const allSaved = () =>
    expect
      .poll(() => page.getByTestId('save-status').textContent(), { timeout: 15_000 })
      .toBe('All changes saved');
  const chip = (name: string) => page.getByRole('button', { name, exact: true });
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  /** How far the start mark of a link's arrow is from the centre of a step's header, in screen pixels. */
  const offCentre = (linkId: string, headerCell: string) =>
    // Both measured in one frame, so nothing can move between the two.
    page.evaluate(
      ([link, cell]) => {
        const centre = (selector: string) => {
          const box = document.querySelector(selector)!.getBoundingClientRect();
          return box.x + box.width / 2;
        };
        return Math.abs(
          centre(`.links-overlay g[data-link="${link}"] .links-overlay__start`) -
            centre(`[data-cell="${cell}"]`),
        );
      },
      [linkId, headerCell] as const,
    );
  const loopName = 'Feedback loop from Outcome to Makes contact: Calls again';
  const checkName =
    'Request to an outside agency from Makes contact to Police, coming back at Outcome: Checks the record';
  const changedName = 'Hand-off from Outcome to Makes contact: Hands back to the team';

  it('given a map with links, then each is an arrow under its steps, named in words, and stays there when the map scrolls', async () => {
    await page.goto(`${session.server.url}/w/demo/j/links-e2e`);
    await chip(loopName).waitFor({ timeout: 20_000 });
    expect(await chip(checkName).count()).toBe(1);
    expect(await page.locator('.links-overlay g[data-link]').count()).toBe(2);
    expect(await page.locator('.links-overlay g[data-link="loop"]').getAttribute('data-kind')).toBe(
      'feedback-loop',
    );
    // The stop names the agency the request goes to.
    expect(await page.locator('.links-overlay__stop').textContent()).toBe('Police');
    // Each arrow leaves the step it comes from (Outcome is the third step: header cell 0:3).
    expect(await offCentre('loop', '0:3')).toBeLessThan(30);
    expect(await offCentre('check', '0:2')).toBeLessThan(30);
    await page.locator('.map-scroller').evaluate((el) => {
      el.scrollLeft = 300;
    });
    await expect.poll(() => page.locator('.map-scroller').evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    expect(await offCentre('loop', '0:3')).toBeLessThan(30);
    await page.locator('.map-scroller').evaluate((el) => {
      el.scrollLeft = 0;
    });
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the arrows, when one is reached with Tab and opened with Enter, then its kind and label change on the map, on the server and in the poster export', async () => {
    await page.getByRole('button', { name: 'Add arrow' }).focus();
    await page.keyboard.press('Tab');
    // Reading order: by the step each arrow leaves — Makes contact, then Outcome.
    expect(await focusedName()).toBe(checkName);
    await page.keyboard.press('ArrowRight');
    expect(await focusedName()).toBe(loopName);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedName()).toBe(checkName);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe(loopName);
    await page.keyboard.press('Enter');
    expect(await chip(loopName).getAttribute('aria-expanded')).toBe('true');
    expect(await chip(loopName).getAttribute('class')).toContain('links-overlay__chip--selected');
    const details = page.locator('.links-overlay__details');
    // Focus moved into the link's fields, to its kind.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(await details.getByLabel('Kind of arrow').getAttribute('id'));
    await expectNoAxeViolations(page);

    await details.getByLabel('Kind of arrow').selectOption('hand-off');
    await details.getByLabel('Label (optional)').fill('Hands back to the team');
    await details.getByLabel('Label (optional)').press('Enter');
    await chip(changedName).waitFor();
    expect(await page.locator('.links-overlay g[data-link="loop"]').getAttribute('data-kind')).toBe(
      'hand-off',
    );
    // A hand-off is a solid line (a feedback loop is dashed): the kind shows without colour.
    expect(
      await page
        .locator('.links-overlay g[data-link="loop"] > path')
        .first()
        .getAttribute('stroke-dasharray'),
    ).toBeNull();
    await allSaved();
    const link = (await stored()).journey.links.find((l) => l.id === 'loop');
    expect(link).toMatchObject({ kind: 'hand-off', label: 'Hands back to the team' });

    await page.getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'SVG drawing' }).click(),
    ]);
    const svg = readFileSync((await file.path())!, 'utf8');
    const drawn = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const g = doc.querySelector('[data-role="link"][data-link="loop"]');
      return { kind: g?.getAttribute('data-kind'), words: (g?.textContent ?? '').replace(/\s+/g, '') };
    }, svg);
    expect(drawn.kind).toBe('hand-off');
    expect(drawn.words).toContain('Handsbacktotheteam');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('given a chosen link, when deleted, then it leaves the map and the server, and Undo brings it back', async () => {
    if ((await chip(changedName).getAttribute('aria-expanded')) !== 'true') await chip(changedName).click();
    await page.getByRole('button', { name: 'Delete arrow' }).click();
    await expect.poll(() => chip(changedName).count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'Arrow deleted' }).count()).toBe(1);
    // Focus goes to the link that is left, not to the top of the page.
    expect(await focusedName()).toBe(checkName);
    await allSaved();
    expect((await stored()).journey.links.map((l) => l.id)).toEqual(['check']);

    await page.getByRole('button', { name: 'Undo' }).click();
    await chip(changedName).waitFor();
    await allSaved();
    expect((await stored()).journey.links.find((l) => l.id === 'loop')).toMatchObject({
      kind: 'hand-off',
      label: 'Hands back to the team',
    });
  }, 120_000);

  it('given Add arrow on the map, when a link to the customer is added, then its arrow is drawn and chosen', async () => {
    await page.locator('[data-cell="0:2"]').focus();
    await page.getByRole('button', { name: 'Add arrow' }).click();
    const details = page.locator('.links-overlay__details');
    expect(await details.getByLabel('From step').inputValue()).toBe('contact');
    await details.getByLabel('To', { exact: true }).selectOption('customer');
    await details.getByLabel('Label (optional)').fill('Asks for proof of address');
    await details.getByRole('button', { name: 'Add arrow' }).click();
    const name = 'Feedback loop from Makes contact to the customer: Asks for proof of address';
    await chip(name).waitFor();
    expect(await chip(name).getAttribute('aria-expanded')).toBe('true');
    expect(await focusedName()).toBe(name);
    await allSaved();
    expect((await stored()).journey.links).toHaveLength(3);
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given a viewer, then they see and can choose the arrows, hear them in words, and have nothing to change them with', async () => {
    const viewer = await addMember(session, { email: 'vi@example.org', role: 'viewer', name: 'Vi' });
    await viewer.goto(`${session.server.url}/w/demo/j/links-e2e`);
    const named = viewer.getByRole('button', { name: checkName, exact: true });
    await named.waitFor({ timeout: 20_000 });
    expect(await viewer.getByRole('button', { name: 'Add arrow' }).count()).toBe(0);
    await named.focus();
    await viewer.keyboard.press('Enter');
    expect(await named.getAttribute('aria-expanded')).toBe('true');
    const details = viewer.locator('.links-overlay__details');
    expect(await details.getByRole('heading', { name: checkName }).count()).toBe(1);
    expect(await details.locator('select, input, button:not(:has-text("Done"))').count()).toBe(0);
    await expectNoAxeViolations(viewer);
  }, 120_000);
});
