import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/server-process';
import { expectNoAxeViolations, type SignedInSession, startSignedIn } from './harness';

/**
 * The map's look and feel (issue 11 item 9, decision 0022), as a person meets it on the demo's Melton ASB victim
 * journey: every lane says its kind by a glyph with a name as well as a colour; the persona's initials are over
 * the map; empty cells are quiet until pointed at, focused or tapped, and their add box still works by keyboard;
 * the density choice changes the rows and is remembered; axe finds nothing at 100 % or at 200 % zoom.
 */
const journeyId = 'melton-asb-victim-current';
/** Lanes of that journey, top to bottom (examples/melton-asb-victim-current.yaml). */
const lanes = [
  ['Key journey steps', 'step', 'Key journey steps'],
  ['Feelings and quotes', 'feeling', 'Feelings and quotes'],
  ['Customer satisfaction rating', 'emotion', 'Emotion'],
  ['Moments of truth', 'moment-of-truth', 'Moments of truth'],
  ['Pain points', 'pain-point', 'Pain points'],
  ['Levers for solution hunting', 'lever', 'Levers for solution hunting'],
] as const;

describe('the map’s look and feel in Chromium', () => {
  let session: SignedInSession;
  let server: ServerProcess;
  let page: Page;

  beforeAll(async () => {
    session = await startSignedIn('look-and-feel');
    ({ server, page } = session);
  }, 240_000);
  afterAll(() => session?.stop());

  const open = async () => {
    await page.goto(`${server.url}/w/demo/j/${journeyId}`);
    await page.getByTestId('map-grid').waitFor();
  };
  const stored = async () =>
    (
      (await (await page.request.get(`${server.url}/api/workspaces/demo/journeys/${journeyId}`)).json()) as {
        journey: Journey;
      }
    ).journey;
  /** The add box of a cell and how visible it is (0 hidden … 1 shown). */
  const addBox = (lane: string, step: string) =>
    page.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const shown = (lane: string, step: string) =>
    addBox(lane, step).evaluate((el) => Number(getComputedStyle(el.closest('.quick')!).opacity));

  it('given the map, then each lane header shows its kind as a named glyph in the kind’s colour, and the persona’s initials are over the map', async () => {
    await open();
    const headers = page.getByRole('rowheader');
    expect(await headers.count()).toBe(lanes.length);
    const colours = new Set<string>();
    for (const [i, [label, kind, kindName]] of lanes.entries()) {
      const header = headers.nth(i);
      expect(await header.textContent()).toContain(label);
      const glyph = header.getByRole('img', { name: `Lane kind: ${kindName}`, exact: true });
      expect(await glyph.getAttribute('data-kind-glyph')).toBe(kind);
      expect(await glyph.locator('path, circle').count()).toBeGreaterThan(0);
      // The glyph is drawn in the kind's token, which no other kind shares.
      const [colour, token] = await glyph.evaluate((svg, k) => {
        const probe = document.createElement('span');
        probe.style.color = `var(--kind-${k})`;
        document.body.append(probe);
        const expected = getComputedStyle(probe).color;
        probe.remove();
        return [getComputedStyle(svg).color, expected];
      }, kind);
      expect(colour).toBe(token);
      colours.add(colour);
    }
    expect(colours.size).toBe(lanes.length);

    // The persona over the map: initials in a circle beside the name; the feelings lane wears them too.
    const persona = page.getByRole('list', { name: 'Persona' }).getByRole('listitem');
    expect(await persona.allTextContents()).toEqual(['VRVictim of repeated anti-social behaviour']);
    expect(await persona.locator('.persona-avatar').getAttribute('aria-hidden')).toBe('true');
    expect(await headers.nth(1).locator('.persona-avatar').textContent()).toBe('VR');
    expect(await headers.nth(1).textContent()).toContain('For Victim of repeated anti-social behaviour');

    // "Key journey steps" cards that only repeat their step's name say so instead of printing it again,
    // and keep the name for screen readers.
    const step = page.locator('[data-card="step-incident-occurs"]');
    expect(await step.locator('.card__meta').textContent()).toBe('↑ Same as the step’s name');
    expect(await step.locator('.visually-hidden').first().textContent()).toBe('Incident occurs ');
    expect(await step.textContent()).toContain('Incident occurs');
    await expectNoAxeViolations(page);
  }, 90_000);

  it('given an empty cell, then its add box is out of sight until the cell is pointed at or focused, and by keyboard it adds a card', async () => {
    await open();
    await page.mouse.move(5, 5);
    // No dashed box in every cell: the add boxes are out of sight, though still in the page for screen readers.
    expect(await shown('Moments of truth', 'Incident occurs')).toBe(0);
    expect(await shown('Pain points', 'Incident occurs')).toBe(0);
    // Pointed at: that cell's box shows, no other.
    await page.locator('[data-cell="4:1"]').hover();
    await expect.poll(() => shown('Moments of truth', 'Incident occurs')).toBe(1);
    expect(await shown('Pain points', 'Incident occurs')).toBe(0);
    await page.mouse.move(5, 5);
    await expect.poll(() => shown('Moments of truth', 'Incident occurs')).toBe(0);

    // By keyboard: down the first step's cells to Moments of truth; the focused cell shows its box.
    await page.locator('[data-cell="1:1"]').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('4:1');
    await expect.poll(() => shown('Moments of truth', 'Incident occurs')).toBe(1);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Add to Moments of truth at Incident occurs',
    );
    await page.keyboard.type('The first incident is never reported');
    await page.keyboard.press('Enter');
    await page.locator('button.card', { hasText: 'The first incident is never reported' }).waitFor();
    await expect
      .poll(
        async () =>
          (await stored()).cards.some(
            (c) => c.kind === 'moment-of-truth' && c.text.startsWith('The first incident'),
          ),
        {
          timeout: 15_000,
        },
      )
      .toBe(true);

    // A tap (a click on the cell's empty space) focuses the cell and shows its box.
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await page.locator('[data-cell="5:1"]').click({ position: { x: 120, y: 4 } });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-cell'))).toBe('5:1');
    await expect.poll(() => shown('Pain points', 'Incident occurs')).toBe(1);
  }, 90_000);

  it('given the density choice, then Compact makes the rows shorter, and the choice is remembered after a reload', async () => {
    await open();
    const density = page.getByLabel('Density', { exact: true });
    expect(await density.inputValue()).toBe('comfortable');
    const rowHeight = () =>
      page.locator('[data-cell="4:1"]').evaluate((el) => el.getBoundingClientRect().height);
    const cardFont = () =>
      page
        .locator('button.card')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const comfortable = { row: await rowHeight(), font: await cardFont() };
    await density.selectOption({ label: 'Compact' });
    await expect.poll(rowHeight).toBeLessThan(comfortable.row);
    const compact = { row: await rowHeight(), font: await cardFont() };
    expect(compact.font).toBeLessThan(comfortable.font);
    // Never below 12 px type (WCAG leaves the size to the reader's zoom; this keeps compact readable).
    expect(compact.font).toBeGreaterThanOrEqual(12);
    await page.reload();
    await page.getByTestId('map-grid').waitFor();
    expect(await page.getByLabel('Density', { exact: true }).inputValue()).toBe('compact');
    expect(await rowHeight()).toBe(compact.row);
    await expectNoAxeViolations(page);
    await page.getByLabel('Density', { exact: true }).selectOption({ label: 'Spacious' });
    await expect.poll(rowHeight).toBeGreaterThan(comfortable.row);
    await page.getByLabel('Density', { exact: true }).selectOption({ label: 'Comfortable' });
    await expect.poll(rowHeight).toBe(comfortable.row);
  }, 90_000);

  it('given 200 % zoom (1280 px at 200 %: 640 CSS px), then the editor loses nothing: the page does not scroll sideways, the map keeps room and scrolls, and axe finds nothing', async () => {
    await page.setViewportSize({ width: 640, height: 450 });
    try {
      await open();
      const sizes = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        viewWidth: document.documentElement.clientWidth,
        map: document.querySelector('[data-testid="map-scroller"]')!.getBoundingClientRect().height,
        mapScrolls:
          document.querySelector('[data-testid="map-scroller"]')!.scrollWidth >
          document.querySelector('[data-testid="map-scroller"]')!.clientWidth,
      }));
      expect(sizes.pageWidth).toBeLessThanOrEqual(sizes.viewWidth);
      expect(sizes.map).toBeGreaterThanOrEqual(280);
      expect(sizes.mapScrolls).toBe(true);
      // The density choice and the persona are still on the page, not cut off.
      const density = page.getByLabel('Density', { exact: true });
      const box = (await density.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(640);
      await expectNoAxeViolations(page);
      // And a card's details, which cover the map at this width.
      await page.locator('[data-card="f-had-enough"]').click();
      await page.getByRole('heading', { name: 'Card details' }).waitFor();
      await expectNoAxeViolations(page);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  }, 90_000);
});
