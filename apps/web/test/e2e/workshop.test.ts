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
 * Issue 10 item 3 (decision 0014): a facilitator and two participants (an editor and a viewer) in three
 * Chromium contexts. Everyone follows the facilitator's screen, a participant steps away and comes back; the
 * structure is locked (a participant's new step refused with the reason, their card kept); a timer everyone
 * sees, extended and stopped.
 */
describe('workshop facilitation in Chromium', () => {
  let session: SignedInSession;
  let ed: Page;
  let vic: Page;
  let adminName = '';
  const mapPath = '/w/demo/j/workshop-e2e';

  beforeAll(async () => {
    session = await startSignedIn('workshop');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as {
      csrfToken: string;
      user: { name: string };
    };
    adminName = me.user.name;
    await createJourney(session, { template: 'blank-current', id: 'workshop-e2e', title: 'Workshop' });
    const member = (email: string, name: string, role: string) => addMember(session, { email, role, name });
    ed = await member('ed@example.org', 'Ed', 'editor');
    vic = await member('vic@example.org', 'Vic', 'viewer');
  }, 240_000);
  afterAll(() => session?.stop());

  const bar = (p: Page) => p.getByRole('region', { name: 'Workshop' });
  const quick = (p: Page, lane: string, step: string) =>
    p.getByLabel(`Add to ${lane} at ${step}`, { exact: true });
  const addCard = async (p: Page, lane: string, step: string, text: string) => {
    await quick(p, lane, step).fill(text);
    await quick(p, lane, step).press('Enter');
  };
  const card = (p: Page, text: string) => p.locator('button.card', { hasText: text });
  /** The words of the selected card on a screen (without the name tags of who else is on it). */
  const selected = async (p: Page) => {
    const chosen = p.locator('button.card.card--selected');
    if ((await chosen.count()) !== 1) return `${await chosen.count()} selected`;
    const text = (await chosen.textContent()) ?? '';
    return ['Waits on hold', 'Gives up'].find((t) => text.includes(t)) ?? text;
  };
  const addStep = (p: Page) =>
    p.getByRole('group', { name: 'Edit' }).getByRole('button', { name: 'Add step' });
  const status = (p: Page) => p.getByTestId('save-status').textContent();
  const allSaved = (p: Page) => expect.poll(() => status(p), { timeout: 15_000 }).toBe('All changes saved');
  const stored = async () =>
    (
      (await (
        await session.page.request.get(`${session.server.url}/api/workspaces/demo/journeys/workshop-e2e`)
      ).json()) as { journey: Journey }
    ).journey;

  it('given a facilitator and two participants, when everyone follows the facilitator, then their screens show the facilitator’s card; one steps away and is left alone, then follows again and jumps to where the facilitator is now', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    await addCard(page, 'Pain points', 'Makes contact', 'Waits on hold');
    await addCard(page, 'Pain points', 'Outcome', 'Gives up');
    await allSaved(page);
    await ed.goto(`${server.url}${mapPath}`);
    await vic.goto(`${server.url}${mapPath}`);
    await expect.poll(() => card(ed, 'Gives up').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => card(vic, 'Gives up').count(), { timeout: 15_000 }).toBe(1);
    // A viewer cannot run a workshop; an editor or owner can.
    expect(await vic.getByRole('button', { name: 'Run a workshop' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Run a workshop' }).click();
    // The button goes away: the keyboard focus moves on to the first facilitator control.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 })
      .toBe('Everyone follow me');
    await expect
      .poll(() => bar(page).textContent(), { timeout: 10_000 })
      .toContain('You are running this workshop.');
    for (const p of [ed, vic])
      await expect
        .poll(() => bar(p).textContent(), { timeout: 10_000 })
        .toContain(`${adminName} is running this workshop.`);
    // Said politely once to screen readers.
    await expect
      .poll(() => ed.getByTestId('workshop-said').textContent(), { timeout: 10_000 })
      .toBe(`${adminName} started a workshop on this map.`);

    await page.getByRole('button', { name: 'Everyone follow me' }).click();
    for (const p of [ed, vic])
      await expect
        .poll(() => bar(p).textContent(), { timeout: 10_000 })
        .toContain(`Your screen follows ${adminName}.`);
    await card(page, 'Waits on hold').click();
    for (const p of [ed, vic])
      await expect.poll(() => selected(p), { timeout: 10_000 }).toBe('Waits on hold');

    // Ed steps away; the facilitator moves on; Vic follows, Ed stays where he was.
    await ed.getByRole('button', { name: 'Stop following' }).click();
    expect(await bar(ed).textContent()).toContain(`You stopped following ${adminName}.`);
    await card(page, 'Gives up').click();
    await expect.poll(() => selected(vic), { timeout: 10_000 }).toBe('Gives up');
    expect(await selected(ed)).toBe('Waits on hold');
    // Ed comes back: his screen jumps to the facilitator's card.
    await ed.getByRole('button', { name: 'Follow again' }).click();
    await expect.poll(() => selected(ed), { timeout: 10_000 }).toBe('Gives up');

    // The facilitator stops it: nobody follows any more.
    await page.getByRole('button', { name: 'Stop everyone following me' }).click();
    await expect
      .poll(() => ed.getByRole('button', { name: 'Stop following' }).count(), { timeout: 10_000 })
      .toBe(0);
    await expectNoAxeViolations(ed);
  }, 180_000);

  it('given the structure locked, then participants see the lock and cannot add steps; a step Ed added offline is refused with the reason when he is back while his card is kept; the facilitator can still add steps', async () => {
    const { page } = session;
    await allSaved(ed);
    await ed.context().setOffline(true);
    await expect
      .poll(() => status(ed), { timeout: 10_000 })
      .toBe('Offline — your changes will be sent when you reconnect');
    // Offline, Ed does not know yet that the facilitator is locking the structure.
    await addStep(ed).click();
    await addCard(ed, 'Pain points', 'Need arises', 'Form is confusing');
    await page.getByRole('button', { name: 'Lock steps, stages and lanes' }).click();
    await expect
      .poll(() => vic.getByTestId('workshop-lock').textContent(), { timeout: 10_000 })
      .toContain('locked by the facilitator');
    await expect
      .poll(() => vic.getByTestId('workshop-said').textContent(), { timeout: 10_000 })
      .toBe(`${adminName} locked the steps, stages and lanes. You can still add and change cards.`);

    await ed.context().setOffline(false);
    await expect
      .poll(
        () =>
          ed
            .getByRole('alert')
            .allTextContents()
            .then((t) => t.join(' ')),
        { timeout: 15_000 },
      )
      .toContain(
        'Your new step “New step” was not added. The facilitator has locked the steps, stages and lanes for this exercise. You can still add and change cards.',
      );
    await expect.poll(() => card(page, 'Form is confusing').count(), { timeout: 15_000 }).toBe(1);
    const journey = await stored();
    expect(journey.columns.map((c) => c.label)).toEqual(['Need arises', 'Makes contact', 'Outcome']);
    expect(await ed.getByTestId('workshop-lock').textContent()).toContain(
      'You can still add and change cards.',
    );
    expect(await addStep(ed).isDisabled()).toBe(true);
    // The structure panel says so and its controls are disabled ("Add step" above already opened it).
    const structure = ed.getByRole('button', { name: 'Steps & lanes' });
    if ((await structure.getAttribute('aria-pressed')) !== 'true') await structure.click();
    await expect
      .poll(() =>
        ed
          .getByRole('note')
          .allTextContents()
          .then((t) => t.join(' ')),
      )
      .toContain('The facilitator has locked the steps, stages and lanes');
    expect(
      await ed.getByRole('complementary').getByRole('button', { name: 'Delete Outcome' }).isDisabled(),
    ).toBe(true);
    // The facilitator is not held back.
    await addStep(page).click();
    await allSaved(page);
    await expect.poll(async () => (await stored()).columns.length, { timeout: 10_000 }).toBe(4);
    await page.getByRole('button', { name: 'Unlock steps, stages and lanes' }).click();
    await expect.poll(() => addStep(ed).isDisabled(), { timeout: 10_000 }).toBe(false);
    await expectNoAxeViolations(ed);
  }, 180_000);

  it('given a timed exercise, then everyone sees the same countdown; the facilitator adds a minute and stops it', async () => {
    const { page } = session;
    await page.getByLabel('Exercise').fill('Pain points');
    await page.getByLabel('Minutes').fill('5');
    await page.getByRole('button', { name: 'Start the timer' }).click();
    const clock = (p: Page) => p.getByTestId('workshop-timer').getByRole('timer').textContent();
    for (const p of [page, ed, vic]) {
      await expect
        .poll(() => p.getByTestId('workshop-timer').textContent(), { timeout: 10_000 })
        .toContain('Pain points');
      expect(await clock(p)).toMatch(/^[45]:\d\d$/);
      expect(await p.getByTestId('workshop-timer').getByRole('timer').getAttribute('aria-label')).toMatch(
        /^Pain points: [45] minutes?( \d+ seconds?)? left$/,
      );
    }
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 })
      .toBe('Add 1 minute');
    await page.getByRole('button', { name: 'Add 1 minute' }).click();
    await expect.poll(() => clock(vic), { timeout: 10_000 }).toMatch(/^[56]:\d\d$/);
    await expectNoAxeViolations(vic);
    await page.getByRole('button', { name: 'Stop the timer' }).click();
    for (const p of [page, ed, vic])
      await expect.poll(() => p.getByTestId('workshop-timer').count(), { timeout: 10_000 }).toBe(0);
    // A quarter of a minute: everyone sees and hears that the time is up (and nothing every second).
    await page.getByLabel('Exercise').fill('Quick check');
    await page.getByLabel('Minutes').fill('0.25');
    await page.getByRole('button', { name: 'Start the timer' }).click();
    for (const p of [page, ed, vic]) {
      await expect.poll(() => clock(p), { timeout: 60_000 }).toBe('Time is up');
      await expect
        .poll(() => p.getByTestId('workshop-timer').locator('[aria-live="polite"]').textContent(), {
          timeout: 10_000,
        })
        .toBe('Quick check: Time is up');
    }
    await page.getByRole('button', { name: 'Stop the timer' }).click();
    await expect.poll(() => ed.getByTestId('workshop-timer').count(), { timeout: 10_000 }).toBe(0);
  }, 120_000);
  it('given everyone following, when the facilitator presents and moves to the next step, then the followers’ screens present the same step; when the facilitator goes back to the map, so do they', async () => {
    const { page, server } = session;
    await page.getByRole('button', { name: 'Everyone follow me' }).click();
    for (const p of [ed, vic])
      await expect
        .poll(() => bar(p).textContent(), { timeout: 10_000 })
        .toContain(`Your screen follows ${adminName}.`);
    await page.goto(`${server.url}${mapPath}/present`);
    await expect
      .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
      .toContain('Everyone following sees this step.');
    for (const p of [ed, vic]) {
      await expect.poll(() => new URL(p.url()).pathname, { timeout: 15_000 }).toBe(`${mapPath}/present`);
      await expect
        .poll(() => p.locator('.present__meta').textContent(), { timeout: 15_000 })
        .toMatch(/^Step 1 of/);
    }
    await page.getByRole('button', { name: 'Next step' }).click();
    for (const p of [ed, vic])
      await expect
        .poll(() => p.locator('.present__meta').textContent(), { timeout: 15_000 })
        .toMatch(/^Step 2 of/);
    // Vic steps away in the presentation; the facilitator moves on without him.
    await vic.getByRole('button', { name: 'Stop following' }).click();
    await page.getByRole('button', { name: 'Next step' }).click();
    await expect
      .poll(() => ed.locator('.present__meta').textContent(), { timeout: 15_000 })
      .toMatch(/^Step 3 of/);
    expect(await vic.locator('.present__meta').textContent()).toMatch(/^Step 2 of/);
    await expectNoAxeViolations(ed);
    // Back to the map: Ed's screen goes back with the facilitator.
    await page.getByRole('link', { name: 'Leave presentation' }).click();
    await expect.poll(() => new URL(ed.url()).pathname, { timeout: 15_000 }).toBe(mapPath);
    expect(new URL(vic.url()).pathname).toBe(`${mapPath}/present`);
  }, 180_000);

  it('given Ed running the workshop and then made a viewer, when he locks the structure, then he is told why in the catalogue’s words with his role, never the server’s English', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    await page.getByRole('button', { name: 'End the workshop' }).click();
    await ed.goto(`${server.url}${mapPath}`);
    await ed.getByRole('button', { name: 'Run a workshop' }).click();
    await expect
      .poll(() => bar(ed).textContent(), { timeout: 10_000 })
      .toContain('You are running this workshop.');
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const edId = (
      (await (await ed.request.get(`${server.url}/api/auth/me`)).json()) as { user: { id: string } }
    ).user.id;
    const demoted = await page.request.patch(`${server.url}/api/workspaces/demo/members/${edId}`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { role: 'viewer' },
    });
    expect(demoted.status(), await demoted.text()).toBe(200);
    await ed.getByRole('button', { name: 'Lock steps, stages and lanes' }).click();
    await expect
      .poll(() => ed.locator('.workshop-refusal').textContent(), { timeout: 10_000 })
      .toContain(
        'Running a workshop needs the editor or owner role; your role is Viewer. You can still take part.',
      );
    expect(await ed.getByRole('alert').filter({ hasText: 'you are viewer' }).count()).toBe(0);
  }, 120_000);
});
