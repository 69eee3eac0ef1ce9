import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 11 item 10, bilingual content (decision 0023): a person makes a map bilingual in its details, types a
 * card's Welsh text beside its English, switches the map between English, Cymraeg and both, and exports the
 * poster as SVG with both languages, the Welsh marked as Welsh.
 */
describe('a map in English and Welsh', () => {
  let session: SignedInSession;
  const id = 'dwyieithog-e2e';

  beforeAll(async () => {
    session = await startSignedIn('bilingual');
    const { page, server } = session;
    const me = await page.request.get(`${server.url}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const made = await page.request.post(`${server.url}/api/workspaces/demo/journeys`, {
      headers: { 'x-csrf-token': csrfToken },
      data: {
        journey: {
          schemaVersion: 2,
          id,
          meta: { title: 'Apply for a bus pass', journeyType: 'current' },
          columns: [{ id: 'apply', label: 'Apply' }],
          lanes: [{ id: 'steps', kind: 'step', label: 'Steps' }],
          cards: [{ id: 's1', kind: 'step', laneId: 'steps', columnId: 'apply', text: 'Fill in the form' }],
        },
      },
    });
    expect(made.status(), await made.text()).toBe(201);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a map made bilingual, when a Welsh card text is typed, then the map shows English, Cymraeg or both and the SVG poster has both', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/j/${id}`);
    await page.locator('button.card', { hasText: 'Fill in the form' }).waitFor();
    // The map's only card, found whatever language it shows.
    const card = page.locator('button.card').first();
    const panel = page.getByRole('complementary');

    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await panel.getByLabel('Write this map in English and Welsh').check();
    await panel.getByLabel('Title in Cymraeg').fill('Gwneud cais am bàs bws');
    await panel.getByLabel('Title in Cymraeg').press('Enter');
    await expectNoAxeViolations(page);

    await card.click();
    const welshField = panel.getByLabel(/ in Cymraeg$/).first();
    expect(await welshField.getAttribute('lang')).toBe('cy-GB');
    await welshField.fill("Llenwi'r ffurflen");
    await welshField.press('Enter');

    // Both, side by side: the Welsh marked as Welsh.
    const welsh = card.locator('span[lang="cy-GB"]');
    await expect.poll(() => welsh.textContent()).toBe("Llenwi'r ffurflen");
    expect(await card.textContent()).toContain('Fill in the form');
    await expectNoAxeViolations(page);

    const view = page.getByLabel('Show text in');
    await view.selectOption('cy');
    await expect.poll(() => card.textContent()).not.toContain('Fill in the form');
    expect(await card.textContent()).toContain("Llenwi'r ffurflen");
    await view.selectOption('en');
    await expect.poll(() => card.textContent()).not.toContain("Llenwi'r ffurflen");
    expect(await card.textContent()).toContain('Fill in the form');
    await view.selectOption('both');
    await expect.poll(() => welsh.count()).toBe(1);
    await expectNoAxeViolations(page);

    // The poster as SVG, as the Export menu asks for it: both languages, the Welsh marked.
    await expect
      .poll(async () => {
        const res = await page.request.get(`${server.url}/api/workspaces/demo/journeys/${id}`);
        const body = (await res.json()) as { journey: { cards: { translations?: unknown }[] } };
        return JSON.stringify(body.journey.cards[0]?.translations ?? null);
      })
      .toContain('ffurflen');
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^SVG drawing/ }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync(path, 'utf8');
    expect(svg).toContain('Fill in the form');
    expect(svg).toMatch(/xml:lang="cy-GB"[^>]*><tspan[^>]*>Llenwi&apos;r ffurflen/);
    expect(svg).toContain('Gwneud cais am bàs bws');
  }, 180_000);

  it('given the bilingual map, when a lane is named in Welsh in "Steps & lanes", then the lane header shows both names, the Welsh marked', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo/j/${id}`);
    await page.locator('button.card').first().waitFor();
    const panel = page.getByRole('complementary');
    await page.getByRole('button', { name: 'Steps & lanes', exact: true }).click();
    const welshLane = panel.getByLabel('Lane 1 name (Key journey steps) in Cymraeg');
    expect(await welshLane.getAttribute('lang')).toBe('cy-GB');
    await welshLane.fill('Camau');
    await welshLane.press('Enter');
    const header = page.locator('.map-lane-head__label').first();
    await expect.poll(() => header.locator('span[lang="cy-GB"]').textContent()).toBe('Camau');
    expect(await header.textContent()).toContain('Steps');
    await expectNoAxeViolations(page);
    await expect
      .poll(async () => {
        const res = await page.request.get(`${server.url}/api/workspaces/demo/journeys/${id}`);
        const body = (await res.json()) as { journey: { lanes: { translations?: unknown }[] } };
        return JSON.stringify(body.journey.lanes[0]?.translations ?? null);
      })
      .toBe('{"cy":{"label":"Camau"}}');
  }, 120_000);
});
