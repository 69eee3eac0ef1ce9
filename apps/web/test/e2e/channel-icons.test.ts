import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channels, type CardOf } from '@waymark/core';
import { readJourneyText } from '@waymark/document';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../../../server/test/server-process';
import { expectNoAxeViolations, type SignedInSession, startSignedIn } from './harness';

/**
 * Channel icons are drawn SVG, not core's emoji (which show as empty boxes without an emoji font, as on
 * Debian's Chromium here), and the channel is always said in words beside them: on the editor's touchpoint
 * cards and in presentation mode's step details, on the demo's desired Melton ASB journey.
 */
const journeyId = 'melton-asb-victim-desired';
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const read = readJourneyText(readFileSync(join(repoRoot, 'examples', `${journeyId}.yaml`), 'utf8'));
if (!read.ok) throw new Error(`examples/${journeyId}.yaml does not read`);
const journey = read.value;
const touchpoints = journey.cards.filter((c): c is CardOf<'touchpoint'> => c.kind === 'touchpoint');

describe('channel icons in Chromium', () => {
  let session: SignedInSession;
  let server: ServerProcess;
  let page: Page;

  beforeAll(async () => {
    session = await startSignedIn('channel-icons');
    ({ server, page } = session);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given the touchpoints on the map, then each shows its channel drawn, hidden from screen readers, and named in words', async () => {
    expect(touchpoints.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/w/demo/j/${journeyId}`);
    await page.getByTestId('map-grid').waitFor();
    await page.getByRole('button', { name: '100%' }).click();
    for (const card of touchpoints) {
      const chip = page.locator(`[data-card="${card.id}"]`);
      const icon = chip.locator('svg.channel-icon');
      expect(await icon.getAttribute('data-channel'), card.id).toBe(card.channel);
      expect(await icon.getAttribute('aria-hidden')).toBe('true');
      expect(await icon.locator('path, circle, ellipse, rect').count()).toBeGreaterThan(0);
      // Drawn at a readable size, in the card's text colour.
      const box = (await icon.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(16);
      expect(box.height).toBeGreaterThanOrEqual(16);
      const colours = await icon.evaluate((svg) => [
        getComputedStyle(svg).stroke,
        getComputedStyle(svg).color,
      ]);
      expect(colours[0]).toBe(colours[1]);
      // The label is in the visible text and so in the button's name; no emoji is left to show as a box.
      const text = (await chip.textContent())!;
      expect(text).toContain(`${channels[card.channel].label}: ${card.text}`);
      expect(text).not.toContain(channels[card.channel].icon);
    }
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given a presented step with touchpoints, then each is listed with its channel drawn and named', async () => {
    const index = journey.columns.findIndex((c) => touchpoints.some((t) => t.columnId === c.id));
    const here = touchpoints.filter((t) => t.columnId === journey.columns[index]!.id);
    await page.goto(`${server.url}/w/demo/j/${journeyId}/present?step=${index + 1}`);
    const section = page.locator('.step-details__section', {
      has: page.getByRole('heading', { name: 'Touchpoints' }),
    });
    await section.waitFor();
    const items = section.locator('li');
    expect(await items.count()).toBe(here.length);
    for (const [i, card] of here.entries()) {
      const item = items.nth(i);
      expect(await item.locator('svg.channel-icon[aria-hidden="true"]').getAttribute('data-channel')).toBe(
        card.channel,
      );
      expect(await item.textContent()).toBe(
        ` ${channels[card.channel].label} (${card.direction}): ${card.text}`,
      );
    }
    await expectNoAxeViolations(page);
  }, 60_000);
});
