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
 * Issue 10 item 3, dot-voting (decision 0014): a facilitator (the owner) and a participant (a commenter) in
 * two Chromium contexts. The facilitator starts a round on pain points with 2 votes each and the tallies shown
 * only at the end; both vote, the participant's limit holds, the facilitator closes it; the tallies are on
 * both maps and in the ideas list, where a top-voted pain point starts an idea linked to it.
 */
describe('dot-voting in Chromium', () => {
  let session: SignedInSession;
  let ed: Page;
  const journeyId = 'voting-e2e';
  const mapPath = `/w/demo/j/${journeyId}`;
  const WAIT = { timeout: 20_000 };

  const stored = async () =>
    (await (
      await session.page.request.get(`${session.server.url}/api/workspaces/demo/journeys/${journeyId}`)
    ).json()) as { journey: Journey; version: number };

  beforeAll(async () => {
    session = await startSignedIn('voting');
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    await createJourney(session, { template: 'blank-current', id: journeyId, title: 'Moving home' });
    const pain = (id: string, columnId: string, text: string) => ({
      type: 'card.add',
      item: { id, kind: 'pain-point', laneId: 'pain', columnId, text },
    });
    const cards = await page.request.post(
      `${server.url}/api/workspaces/demo/journeys/${journeyId}/commands`,
      {
        headers,
        data: {
          baseVersion: 1,
          commands: [
            pain('phone', 'contact', 'Had to phone three times'),
            pain('letter', 'outcome', 'Letter never came'),
          ],
        },
      },
    );
    expect(cards.status(), await cards.text()).toBe(200);
    ed = await addMember(session, { email: 'ed@example.org', role: 'commenter', name: 'Ed' });
  }, 240_000);
  afterAll(() => session?.stop());

  const voting = (p: Page) => p.getByRole('region', { name: /^Dot-voting/ });
  const left = (p: Page) => voting(p).getByRole('status').first().textContent();
  const voteFor = (p: Page, text: string, mine: number) =>
    p.getByRole('button', { name: `Vote for pain point: ${text}, ${mine} of your votes here`, exact: true });
  const badge = (p: Page, cardId: string) => p.locator(`[data-vote-slot="${cardId}"] .vote-badge`);

  it('given a round of 2 votes each shown at the end, when two people vote, then the limit holds, and closing puts the tallies on both maps and in the map itself', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}${mapPath}`);
    await ed.goto(`${server.url}${mapPath}`);
    await page.getByRole('button', { name: 'Run a workshop' }).click();
    // The facilitator opens the dot-voting form: pain points (chosen already), 2 votes each, tallies at the end.
    await page.getByText('Dot-voting', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Start dot-voting' });
    expect(await form.getByLabel('Pain points').isChecked()).toBe(true);
    await form.getByLabel('Votes for each person (1 to 20)').fill('2');
    await form.getByRole('button', { name: 'Start dot-voting' }).click();

    // Ed, a commenter, sees the round and votes twice on one pain point with the keyboard.
    await expect.poll(() => left(ed), WAIT).toBe('2 of 2 votes left.');
    await voteFor(ed, 'Had to phone three times', 0).focus();
    await ed.keyboard.press('Enter');
    await expect.poll(() => left(ed), WAIT).toBe('1 of 2 votes left.');
    await voteFor(ed, 'Had to phone three times', 1).press('Enter');
    await expect
      .poll(() => left(ed), WAIT)
      .toBe('0 of 2 votes left. Take one back to vote for something else.');
    // The limit: his vote button on the other pain point says it cannot take more, and nothing changes.
    const other = voteFor(ed, 'Letter never came', 0);
    expect(await other.getAttribute('aria-disabled')).toBe('true');
    await other.focus();
    await ed.keyboard.press('Enter');
    await ed.keyboard.press('Space');
    expect(await left(ed)).toBe('0 of 2 votes left. Take one back to vote for something else.');
    // Taking one back and placing it elsewhere works.
    await ed
      .getByRole('button', { name: 'Take back a vote from pain point: Had to phone three times' })
      .click();
    await expect.poll(() => left(ed), WAIT).toBe('1 of 2 votes left.');
    await voteFor(ed, 'Letter never came', 0).click();
    await expect
      .poll(() => left(ed), WAIT)
      .toBe('0 of 2 votes left. Take one back to vote for something else.');
    // The facilitator votes too; until the vote closes nobody sees the tallies.
    await voteFor(page, 'Had to phone three times', 0).click();
    await expect.poll(() => left(page), WAIT).toBe('1 of 2 votes left.');
    expect(await badge(ed, 'phone').count()).toBe(0);
    expect(await badge(page, 'phone').count()).toBe(0);
    await expectNoAxeViolations(ed);

    await page.getByRole('button', { name: 'Close the vote' }).click();
    for (const p of [page, ed]) {
      await expect.poll(() => badge(p, 'phone').textContent(), WAIT).toBe('2 votes');
      await expect.poll(() => badge(p, 'letter').textContent(), WAIT).toBe('1 vote');
      await expect
        .poll(() => voting(p).getByRole('status').textContent(), WAIT)
        .toBe('The vote has closed. The results are on the map and in the ideas list.');
      expect(await p.getByRole('button', { name: /^Vote for/ }).count()).toBe(0);
    }
    // In the map itself, written once by the facilitator, so it is in the history too.
    await expect
      .poll(async () => {
        const j = (await stored()).journey;
        return j.cards.filter((c) => c.kind === 'pain-point').map((c) => [c.id, c.votes]);
      }, WAIT)
      .toEqual([
        ['phone', 2],
        ['letter', 1],
      ]);
    const history = (await (
      await page.request.get(`${server.url}/api/workspaces/demo/journeys/${journeyId}/history`)
    ).json()) as { items: { commands?: { type: string }[] }[] };
    expect(history.items.filter((h) => h.commands?.some((c) => c.type === 'votes.record'))).toHaveLength(1);
    // Put away, the badges stay: they come from the map.
    await page.getByRole('button', { name: 'Put the vote away' }).click();
    await expect.poll(() => voting(ed).count(), WAIT).toBe(0);
    expect(await badge(ed, 'phone').textContent()).toBe('2 votes');
  }, 180_000);

  it('given the results, then the ideas list shows the top-voted pain points, and one starts an idea linked to it', async () => {
    const { page, server } = session;
    const ideasPath = `${server.url}${mapPath}/improve/ideas`;
    await ed.goto(ideasPath);
    const top = (p: Page) =>
      p.getByRole('region', { name: 'Most votes in dot-voting' }).getByRole('listitem');
    const tops = async (p: Page) =>
      (await top(p).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    await expect
      .poll(() => tops(ed), WAIT)
      .toEqual(['Had to phone three times (pain point, 2 votes)', 'Letter never came (pain point, 1 vote)']);
    // A commenter cannot start ideas; the facilitator (owner) can.
    expect(await ed.getByRole('button', { name: /^Start an idea from this/ }).count()).toBe(0);
    await page.goto(ideasPath);
    await page.getByRole('button', { name: 'Start an idea from this: Had to phone three times' }).click();
    const title = page.getByLabel('Title', { exact: true });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
    expect(await page.getByLabel('Had to phone three times', { exact: true }).isChecked()).toBe(true);
    await title.fill('Call people back within a day');
    await page.getByRole('button', { name: 'Save idea' }).click();
    await expect
      .poll(async () => (await stored()).journey.ideas.map((i) => [i.title, i.painPointCardIds]), WAIT)
      .toEqual([['Call people back within a day', ['phone']]]);
    await expect
      .poll(() => top(page).first().textContent(), WAIT)
      .toContain('answered by Call people back within a day');
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given a round on ideas with the tallies shown live, then each screen sees the running tally, the pain-point results stay, and the ideas list sorts by the votes', async () => {
    const { page, server } = session;
    const me = (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string };
    const added = await page.request.post(
      `${server.url}/api/workspaces/demo/journeys/${journeyId}/commands`,
      {
        headers: { 'x-csrf-token': me.csrfToken },
        data: {
          baseVersion: (await stored()).version,
          commands: [{ type: 'idea.add', item: { id: 'texts', title: 'Text updates' } }],
        },
      },
    );
    expect(added.status(), await added.text()).toBe(200);
    await page.goto(`${server.url}${mapPath}`);
    await ed.goto(`${server.url}${mapPath}`);
    await page.getByText('Dot-voting', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Start dot-voting' });
    await form.getByLabel('Pain points').uncheck();
    await form.getByLabel('Ideas').check();
    await form.getByLabel('Votes for each person (1 to 20)').fill('3');
    await form.getByLabel('Show the tallies to everyone while they vote').check();
    await form.getByRole('button', { name: 'Start dot-voting' }).click();

    const ideaVote = (p: Page, title: string, mine: number) =>
      p.getByRole('button', { name: `Vote for idea: ${title}, ${mine} of your votes here`, exact: true });
    await expect.poll(() => left(ed), WAIT).toBe('3 of 3 votes left.');
    await ideaVote(ed, 'Text updates', 0).click();
    await expect.poll(() => left(ed), WAIT).toBe('2 of 3 votes left.');
    await ideaVote(ed, 'Text updates', 1).click();
    // Shown live: the facilitator sees Ed's two dots before the vote closes.
    await expect.poll(() => badge(page, 'texts').textContent(), WAIT).toBe('2 votes');
    await ideaVote(page, 'Call people back within a day', 0).click();
    await expect.poll(() => badge(ed, 'call-people-back-within-a-day').textContent(), WAIT).toBe('1 vote');
    // The pain points are not in this round: their results from the first round stay on the map.
    expect(await badge(ed, 'phone').textContent()).toBe('2 votes');
    expect(await ed.getByRole('button', { name: /^Vote for pain point/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Close the vote' }).click();
    await expect
      .poll(async () => (await stored()).journey.ideas.map((i) => [i.id, i.votes]), WAIT)
      .toEqual([
        ['call-people-back-within-a-day', 1],
        ['texts', 2],
      ]);
    expect((await stored()).journey.cards.filter((c) => c.kind === 'pain-point').map((c) => c.votes)).toEqual(
      [2, 1],
    );

    await ed.goto(`${server.url}${mapPath}/improve/ideas`);
    const ideasTable = ed.getByRole('table', { name: /^Ideas, with the pain points/ });
    const firstIdea = () => ideasTable.getByRole('rowheader').first().textContent();
    await expect.poll(firstIdea, WAIT).toBe('Call people back within a day');
    await ed.getByLabel('Sort ideas').selectOption('votes');
    await expect.poll(firstIdea, WAIT).toBe('Text updates');
    expect(await ideasTable.getByRole('row').nth(1).getByRole('cell').nth(6).textContent()).toBe('2');
    await expectNoAxeViolations(ed);
  }, 180_000);
});
