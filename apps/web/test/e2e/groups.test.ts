import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations,
  startSignedIn,
  type SignedInSession,
  addMember,
  createJourney,
} from './harness';

/**
 * Issue 10 item 3, groups (decision 0014): a facilitator and two participants in three Chromium contexts.
 * Group 1 works on a stretch of steps of the map, Group 2 on its own copy; each adds a card; the facilitator
 * checks and merges Group 2's work and ends the group work; every screen then shows the main map with both
 * cards.
 */
describe('group work in Chromium', () => {
  let session: SignedInSession;
  let ann: Page;
  let bob: Page;
  const mapPath = '/w/demo/j/groups-e2e';

  beforeAll(async () => {
    session = await startSignedIn('groups');
    await createJourney(session, { template: 'blank-current', id: 'groups-e2e', title: 'Blue badge' });
    const member = (email: string, name: string) => addMember(session, { email, role: 'editor', name });
    ann = await member('ann@example.org', 'Ann');
    bob = await member('bob@example.org', 'Bob');
  }, 240_000);
  afterAll(() => session?.stop());

  const quick = (p: Page, lane: string, step: string) =>
    p.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const addCard = async (p: Page, lane: string, step: string, text: string) => {
    await quick(p, lane, step).fill(text);
    await quick(p, lane, step).press('Enter');
  };
  const card = (p: Page, text: string) => p.locator('button.card', { hasText: text });
  const banner = (p: Page) => p.getByTestId('group-banner');
  const panel = () => session.page.getByRole('region', { name: 'Groups', exact: true });
  const status = (p: Page) => p.getByTestId('save-status').textContent();
  const allSaved = (p: Page) => expect.poll(() => status(p), { timeout: 15_000 }).toBe('All changes saved');
  const stored = async (id: string) =>
    (
      (await (
        await session.page.request.get(`${session.server.url}/api/workspaces/demo/journeys/${id}`)
      ).json()) as { journey: Journey }
    ).journey;

  it('given two groups, one on steps 1–2 and one on its own copy, when each adds a card and the facilitator merges and ends the group work, then every screen shows the main map with both cards', async () => {
    const { page, server } = session;
    for (const p of [page, ann, bob]) await p.goto(`${server.url}${mapPath}`);
    await page.getByRole('button', { name: 'Run a workshop' }).click();
    await page.getByRole('button', { name: 'Split into groups' }).click();

    // Group 1: steps 1–2 of this map.
    await panel().getByLabel('Name', { exact: true }).fill('Group 1');
    await panel().getByLabel('From step', { exact: true }).selectOption({ label: '1. Need arises' });
    await panel().getByLabel('to step', { exact: true }).selectOption({ label: '2. Makes contact' });
    await panel().getByRole('button', { name: 'Add group' }).click();
    await expect
      .poll(() => panel().getByRole('heading', { name: 'Group 1: steps 1–2' }).count(), { timeout: 10_000 })
      .toBe(1);
    // Group 2: its own copy, made at once.
    await panel().getByLabel('Name', { exact: true }).fill('Group 2');
    await panel().getByLabel('its own copy of the map, merged back at the end').check();
    await panel().getByRole('button', { name: 'Add group' }).click();
    await expect
      .poll(() => panel().getByRole('heading', { name: 'Group 2: its own copy of the map' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect((await stored('groups-e2e-group-2')).meta.title).toBe('Blue badge — Group 2');

    // The facilitator puts Ann in Group 1 and Bob in Group 2, by keyboard-operable selects and buttons.
    await panel().getByLabel('Put in Group 1').selectOption({ label: 'Ann' });
    await panel().getByRole('button', { name: 'Put in group: Ann in Group 1' }).click();
    await expect
      .poll(() => banner(ann).textContent(), { timeout: 10_000 })
      .toBe('You are in Group 1: steps 1–2 (“Need arises” to “Makes contact”).');
    await panel().getByLabel('Put in Group 2').selectOption({ label: 'Bob' });
    await panel().getByRole('button', { name: 'Put in group: Bob in Group 2' }).click();
    await expect
      .poll(() => banner(bob).textContent(), { timeout: 10_000 })
      .toBe('You are in Group 2, which works on its own copy of the map.');
    await expectNoAxeViolations(page);

    // Ann works on her stretch; moving to a step outside it warns her, but she may still edit there.
    await addCard(ann, 'Pain points', 'Need arises', 'Form is long');
    await quick(ann, 'Pain points', 'Outcome').focus();
    await expect
      .poll(() => ann.getByRole('region', { name: 'Your group', exact: true }).textContent(), {
        timeout: 10_000,
      })
      .toContain('This step is outside your group’s steps (“Outcome”). You can still add cards here');
    await expectNoAxeViolations(ann);
    await allSaved(ann);

    // Bob goes to his group's copy and works there; the main map does not change.
    await bob.getByRole('button', { name: 'Go to Group 2’s copy' }).click();
    await expect
      .poll(() => banner(bob).textContent(), { timeout: 15_000 })
      .toContain('You are working in Group 2’s copy of the map.');
    expect(new URL(bob.url()).pathname).toBe('/w/demo/j/groups-e2e-group-2');
    // Opened without the workshop in its address (as from the workspace's list), the copy still knows its map.
    await bob.goto(`${server.url}/w/demo/j/groups-e2e-group-2`);
    await expect
      .poll(() => banner(bob).textContent(), { timeout: 15_000 })
      .toContain('You are working in Group 2’s copy of the map.');
    await addCard(bob, 'Pain points', 'Outcome', 'No reply for weeks');
    await allSaved(bob);
    await expectNoAxeViolations(bob);
    expect((await stored('groups-e2e')).cards.map((c) => ('text' in c ? c.text : ''))).not.toContain(
      'No reply for weeks',
    );

    // The facilitator checks what Group 2's work will change, then merges it.
    await panel().getByRole('button', { name: 'Check what Group 2’s work will change' }).click();
    await expect
      .poll(() => panel().textContent(), { timeout: 15_000 })
      .toContain('Add card “No reply for weeks” at step “Outcome”');
    await panel().getByRole('button', { name: 'Merge Group 2’s work' }).click();
    await expect
      .poll(() => panel().getByRole('status').textContent(), { timeout: 15_000 })
      .toContain('Group 2’s work was merged into this map');
    // Bob is taken back to the main map.
    await expect.poll(() => new URL(bob.url()).pathname, { timeout: 15_000 }).toBe(mapPath);

    await panel().getByRole('button', { name: 'End group work: everyone back to the main map' }).click();
    await expect.poll(() => banner(ann).count(), { timeout: 10_000 }).toBe(0);

    for (const p of [page, ann, bob]) {
      await expect.poll(() => card(p, 'Form is long').count(), { timeout: 15_000 }).toBe(1);
      await expect.poll(() => card(p, 'No reply for weeks').count(), { timeout: 15_000 }).toBe(1);
    }
    const texts = (await stored('groups-e2e')).cards.map((c) => ('text' in c ? c.text : ''));
    expect(texts).toEqual(expect.arrayContaining(['Form is long', 'No reply for weeks']));
    // The merged copy went to the bin.
    const copy = await page.request.get(`${server.url}/api/workspaces/demo/journeys/groups-e2e-group-2`);
    expect(copy.status()).toBe(404);
  }, 300_000);

  it('given the facilitator lets people choose, then a participant picks a group by keyboard, sees its step, and leaves it', async () => {
    const addStretch = async (name: string, step: string) => {
      await panel().getByLabel('Name', { exact: true }).fill(name);
      await panel().getByLabel('some steps of this map').check();
      await panel().getByLabel('From step', { exact: true }).selectOption({ label: step });
      await panel().getByLabel('to step', { exact: true }).selectOption({ label: step });
      await panel().getByRole('button', { name: 'Add group' }).click();
    };
    await addStretch('Group 1', '3. Outcome');
    await addStretch('Group 2', '1. Need arises');
    await expect
      .poll(() => panel().getByRole('heading', { name: 'Group 2: step 1' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect
      .poll(() => banner(ann).textContent(), { timeout: 10_000 })
      .toBe('The room is working in groups. The facilitator will put you in one.');
    // The box shows the workshop's state, so it is ticked once the server has it.
    const choose = panel().getByLabel('Let people choose their own group');
    await choose.click();
    await expect.poll(() => choose.isChecked(), { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => banner(ann).textContent(), { timeout: 10_000 })
      .toBe('The room is working in groups. Choose yours below.');

    // By keyboard: the choice, then Tab to Join and Enter.
    const choice = ann.getByLabel('Choose your group');
    await choice.selectOption({ label: 'Group 2: step 1' });
    await choice.focus();
    await ann.keyboard.press('Tab');
    expect(await ann.evaluate(() => document.activeElement?.textContent)).toBe('Join Group 2');
    await ann.keyboard.press('Enter');
    await expect
      .poll(() => banner(ann).textContent(), { timeout: 10_000 })
      .toBe('You are in Group 2: step 1 (“Need arises”).');
    await expect
      .poll(() => panel().getByRole('list', { name: 'People in Group 2' }).textContent(), { timeout: 10_000 })
      .toContain('Ann');
    await expectNoAxeViolations(ann);

    await ann.getByRole('button', { name: 'Leave my group' }).click();
    await expect
      .poll(() => banner(ann).textContent(), { timeout: 10_000 })
      .toBe('The room is working in groups. Choose yours below.');
    await panel().getByRole('button', { name: 'End group work: everyone back to the main map' }).click();
    for (const p of [ann, bob]) await expect.poll(() => banner(p).count(), { timeout: 10_000 }).toBe(0);
  }, 180_000);
});
