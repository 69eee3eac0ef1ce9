import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  adminEmail,
  expectNoAxeViolations,
  expectUniqueLandmarks,
  startSignedIn,
  type SignedInSession,
} from './harness';

/** A journey file as the import route takes it: two stages, three steps, emotions, a pain point and a quote. */
function journeyFile(
  id: string,
  title: string,
  extra: { owner: string; service: string; reviewDate?: string; quote: string; lowest: number },
) {
  return {
    schemaVersion: 2,
    id,
    meta: {
      title,
      journeyType: 'current',
      owner: extra.owner,
      service: extra.service,
      ...(extra.reviewDate ? { reviewDate: extra.reviewDate } : {}),
    },
    stages: [
      { id: 'find', name: 'Find out' },
      { id: 'pay', name: 'Pay' },
    ],
    columns: [
      { id: 's1', label: 'Gets a letter', stageId: 'find' },
      { id: 's2', label: 'Rings the council', stageId: 'find' },
      { id: 's3', label: 'Sorts it out', stageId: 'pay' },
    ],
    lanes: [
      { id: 'tp', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'em', kind: 'emotion', label: 'Emotion' },
      { id: 'fe', kind: 'feeling', label: 'Feelings' },
      { id: 'pp', kind: 'pain-point', label: 'Pain points' },
    ],
    cards: [
      {
        id: 'c1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 's2',
        text: 'Phones',
        channel: 'telephone',
        contacts: 2,
      },
      { id: 'e1', kind: 'emotion', laneId: 'em', columnId: 's1', score: 10 },
      { id: 'e2', kind: 'emotion', laneId: 'em', columnId: 's2', score: extra.lowest },
      { id: 'e3', kind: 'emotion', laneId: 'em', columnId: 's3', score: 30 },
      { id: 'q1', kind: 'feeling', laneId: 'fe', columnId: 's2', text: extra.quote, quote: true },
      { id: 'p1', kind: 'pain-point', laneId: 'pp', columnId: 's2', text: 'Nobody rings back' },
    ],
  };
}

async function importJourney(page: Page, url: string, ws: string, file: object) {
  const csrf = ((await (await page.request.get(`${url}/api/auth/me`)).json()) as { csrfToken: string })
    .csrfToken;
  const made = await page.request.post(`${url}/api/workspaces/${ws}/import`, {
    headers: { 'x-csrf-token': csrf, 'content-type': 'application/json' },
    data: JSON.stringify(file),
  });
  expect(made.status(), await made.text()).toBe(201);
}

/**
 * Issue 14, items 3, 4 and 6 in the browser: a manager sorts and filters the portfolio and opens the worst
 * journey at its lowest step; an owner sees a stale map flagged and marks it reviewed; a search finds a quote
 * in another workspace the person belongs to, and not in one they do not. axe finds nothing on the way.
 */
describe('the journey library: portfolio, living maps and search', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('library');
    const { page, server } = session;
    await importJourney(
      page,
      server.url,
      'demo',
      journeyFile('lib-tax', 'Council tax arrears', {
        owner: adminEmail,
        service: 'Revenues',
        reviewDate: '2020-01-31',
        quote: 'I kept waiting on hold about my council tax',
        lowest: -80,
      }),
    );
    await importJourney(
      page,
      server.url,
      'demo',
      journeyFile('lib-bin', 'Missed bin', {
        owner: adminEmail,
        service: 'Waste',
        quote: 'The bin men never came back',
        lowest: -20,
      }),
    );
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a manager, when they filter and sort the portfolio, then they open the worst journey at its lowest step', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.getByRole('table', { name: 'Journeys and their headline figures' }).waitFor();
    await expectNoAxeViolations(page);

    await page.getByLabel('Owner').selectOption(adminEmail);
    const rows = page.getByRole('table', { name: 'Journeys and their headline figures' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    await page.getByLabel('Service').selectOption('Waste');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Missed bin');
    await page.getByLabel('Service').selectOption('');

    // Sorted by lowest emotion, the worst journey comes first; the heading says how it is sorted.
    await page.getByRole('button', { name: 'Sort by Lowest emotion' }).click();
    expect(await rows.first().textContent()).toContain('Council tax arrears');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('Lowest emotion');
    // The heat map says pain in words as well as colour.
    const heat = page.getByRole('table', { name: 'Pain points and lowest emotion by stage' });
    expect(await heat.locator('tbody tr', { hasText: 'Council tax arrears' }).textContent()).toContain(
      '1 pain point',
    );
    expect(await heat.locator('tbody tr', { hasText: 'Council tax arrears' }).textContent()).toContain(
      'Pain: high',
    );
    await expectNoAxeViolations(page);

    // The CSV holds what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    const csv = await (await download.createReadStream()).toArray();
    const text = Buffer.concat(csv as Buffer[]).toString('utf8');
    expect(text.split('\n')).toHaveLength(4); // heading, two journeys, the last line break
    expect(text).toContain('Council tax arrears');

    await rows.first().getByRole('link', { name: '-80 at Rings the council' }).click();
    await page.waitForURL(/\/w\/demo\/j\/lib-tax\?step=s2/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-column-id') === 's2');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(
      'Rings the council',
    );
  }, 180_000);

  it('given an owner of a map past its review date, when they mark it reviewed, then it is no longer flagged', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);
    const due = page.getByRole('region', { name: 'Maps to review' });
    await due.getByRole('heading', { name: 'Maps you own that need a review' }).waitFor();
    expect(await due.textContent()).toContain('Council tax arrears');
    expect(await due.textContent()).toContain('Past its review date');
    await expectNoAxeViolations(page);

    await due.getByRole('link', { name: 'Council tax arrears' }).click();
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    await page.getByText('This map has not been reviewed yet.').waitFor();
    await page.getByLabel('Next review date (optional)').fill('31 March');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await page.getByText('Enter the next review date as YYYY-MM-DD').waitFor();
    await page.getByLabel('Next review date (optional)').fill('2099-03-31');
    await page.getByRole('button', { name: 'Mark as reviewed' }).click();
    await page.getByText('Marked as reviewed today.').waitFor();
    await page.getByText(/Last reviewed on/).waitFor();
    await expectNoAxeViolations(page);

    const answered = page.waitForResponse((r) => r.url().includes('/reviews-due') && r.status() === 200);
    await page.goto(`${server.url}/w/demo`);
    const dueNow = (await (await answered).json()) as { items: { journeyId: string }[] };
    expect(dueNow.items.map((i) => i.journeyId)).not.toContain('lib-tax');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Maps you own that need a review');
    // Who and when are in the audit trail.
    const audit = await page.request.get(`${server.url}/api/workspaces/demo/audit?action=journey.review`);
    expect(JSON.stringify(await audit.json())).toContain('lib-tax');
  }, 180_000);

  it('given two workspaces, when a person searches, then a quote is found in another workspace they belong to and not in one they do not', async () => {
    const { page, server } = session;
    const csrf = (
      (await (await page.request.get(`${server.url}/api/auth/me`)).json()) as { csrfToken: string }
    ).csrfToken;
    const made = await page.request.post(`${server.url}/api/workspaces`, {
      headers: { 'x-csrf-token': csrf },
      data: { name: 'Neighbours' },
    });
    const { id: neighbours } = (await made.json()) as { id: string };
    await importJourney(
      page,
      server.url,
      neighbours,
      journeyFile('skips', 'Bulky waste', {
        owner: 'Nia',
        service: 'Waste',
        quote: 'The skip lorry never turned up',
        lowest: -50,
      }),
    );

    await page.goto(`${server.url}/w/demo`);
    // The header's search and the list's own are told apart by name.
    await page.getByRole('search', { name: 'All journeys', exact: true }).waitFor();
    await expectUniqueLandmarks(page);
    await page.getByRole('searchbox', { name: 'Search all journeys' }).first().fill('skip lorry');
    await page.getByRole('button', { name: 'Search', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByRole('heading', { name: '1 result for “skip lorry”' }).waitFor();
    const result = page.locator('.search-results li').first();
    expect(await result.textContent()).toContain('in Bulky waste, Neighbours');
    expect(await result.locator('mark').allTextContents()).toEqual(['skip', 'lorry']);
    await expectNoAxeViolations(page);
    // The header's search and the page's own, by name.
    await page.getByRole('search', { name: 'Search all journeys', exact: true }).waitFor();
    await page.getByRole('search', { name: 'Search', exact: true }).waitFor();
    await expectUniqueLandmarks(page);

    // Sam belongs to Demo only: the Demo quote is found, the Neighbours quote is not.
    const sam = await addMember(session, { email: 'sam@example.org', role: 'viewer', name: 'Sam' });
    await sam.goto(`${server.url}/search?q=${encodeURIComponent('skip lorry')}`);
    await sam.getByRole('heading', { name: 'No results for “skip lorry”' }).waitFor();
    await sam.goto(`${server.url}/search?q=${encodeURIComponent('waiting on hold')}`);
    await sam.getByRole('heading', { name: '1 result for “waiting on hold”' }).waitFor();
    expect(await sam.locator('.search-results').textContent()).toContain('Council tax arrears');
    await sam.close();
  }, 180_000);
});
