import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourney, expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 13 items 1 and 4, as a service-improvement officer would meet them: a map whose last contact does not
 * ask the customer whether it was OK gets a "closing the loop" hint in the editor; ticking "closes the loop" on
 * the outbound touchpoint that does it takes the hint away and is saved. Compare says where its hand-offs came
 * from and whether each journey closes the loop.
 */
describe('closing the loop and hand-offs, end to end in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  const api = '/api/workspaces/demo/journeys/loop-e2e';

  beforeAll(async () => {
    session = await startSignedIn('closing-loop', { width: 1280, height: 900 });
    page = session.page;
    await createJourney(session, { template: 'blank-current', id: 'loop-e2e', title: 'Grab rail' });
    const csrf = (
      (await (await page.request.get(`${session.server.url}/api/auth/me`)).json()) as { csrfToken: string }
    ).csrfToken;
    const { version } = await stored();
    const card = (id: string, columnId: string, text: string, direction: string) => ({
      type: 'card.add',
      item: { id, kind: 'touchpoint', laneId: 'touchpoints', columnId, text, channel: 'sms', direction },
    });
    const added = await page.request.post(`${session.server.url}${api}/commands`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        baseVersion: version,
        commands: [
          card('tp-asks', 'contact', 'Asks for a grab rail', 'inbound'),
          card('tp-text', 'outcome', 'Text message from the occupational therapist', 'outbound'),
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

  it('given a map with no "was it OK?" contact, when the officer marks the outbound text as closing the loop, then the hint goes and the mark is saved', async () => {
    await page.goto(`${session.server.url}/w/demo/j/loop-e2e`);
    const hint = page.getByTestId('closed-loop-hint');
    await hint.waitFor();
    expect(await hint.textContent()).toContain(
      'Closing the loop: nothing on this map tells the customer the service was delivered and asks if it was OK after “Outcome”.',
    );
    await expectNoAxeViolations(page);
    await page.locator('[data-card="tp-text"]').click();
    const panel = page.getByRole('complementary');
    await panel
      .getByLabel('Tells the customer it was delivered and asks if it was OK (closes the loop)')
      .check();
    await expect.poll(() => hint.count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(
        async () =>
          (await stored()).journey.cards.find((c) => c.id === 'tp-text') as { confirmsDelivery?: boolean },
        { timeout: 15_000 },
      )
      .toMatchObject({ confirmsDelivery: true });
    // the inbound contact offers no such mark: only an outbound contact can close the loop
    await page.locator('[data-card="tp-asks"]').click();
    expect(await panel.getByLabel(/closes the loop/).count()).toBe(0);
  }, 90_000);

  it('given the Melton ASB journeys, when compared, then hand-offs say they come from the map and neither journey closes the loop', async () => {
    await page.goto(`${session.server.url}/w/demo/j/melton-asb-victim-desired/improve/compare`);
    const evidence = page.getByTestId('compare-evidence');
    await evidence.waitFor();
    const text = (await evidence.textContent()) ?? '';
    expect(text).toContain('counted from the map: baton changes, hand-off arrows and changes of step owner');
    expect(text).toMatch(
      /Loop not closed on “[^”]+”: no outbound “was it OK\?” contact at or after “Perpetrator carries on”/,
    );
    expect(await page.getByRole('rowheader', { name: 'Hand-offs (from the map)' }).count()).toBe(1);
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given the demo contact log, when the analyst chooses the Successful Customer Outcome, then its share with an interval and its time are shown beside the closed loop', async () => {
    await page.goto(`${session.server.url}/w/demo/datasets/demo-change-of-address`);
    const figures = page.getByTestId('outcome-figures');
    await figures.waitFor();
    // closing the loop, detected by name in the log: the follow-up call after the decision letters
    expect(await figures.textContent()).toMatch(
      /Loop closed: told it was delivered and asked if it was OK[\d,]+ of [\d,]+ delivered cases, [\d.]+% \(95% interval [\d.]+% to [\d.]+%\)\s?Found by name: “Follow-up call” after “Send decision letters”/,
    );
    await figures
      .getByLabel('Successful Customer Outcome: the activity that means the customer got what they came for')
      .selectOption('Send decision letters');
    await figures.getByRole('button', { name: 'Measure the outcome' }).click();
    const reached = figures.getByText(/^[\d,]+ of [\d,]+ cases, [\d.]+% \(95% interval/);
    await reached.waitFor();
    const res = await page.request.get(
      `${session.server.url}/api/workspaces/demo/datasets/demo-change-of-address?sco=${encodeURIComponent('Send decision letters')}`,
    );
    const sco = ((await res.json()) as { result: { successfulOutcome: { reached: number; cases: number } } })
      .result.successfulOutcome;
    expect(await reached.textContent()).toContain(
      `${sco.reached.toLocaleString('en-GB')} of ${sco.cases.toLocaleString('en-GB')} cases`,
    );
    expect(await figures.textContent()).toContain(
      'Time to the Successful Customer Outcome (median, 90th percentile)',
    );
    await expectNoAxeViolations(page);
  }, 90_000);

  it('given the log attached to a journey, when the officer saves a condition as its Successful Customer Outcome, then the journey keeps it and the page measures it by default', async () => {
    // the demo log is attached to the multi-service change-of-address journey
    const journey = async () =>
      (
        (await (
          await page.request.get(
            `${session.server.url}/api/workspaces/demo/journeys/multi-service-change-of-address`,
          )
        ).json()) as { journey: Journey }
      ).journey;
    await page.goto(`${session.server.url}/w/demo/datasets/demo-change-of-address`);
    const figures = page.getByTestId('outcome-figures');
    await figures.waitFor();
    await figures.getByLabel('Or a condition: the column').selectOption('channel');
    await figures.getByLabel('has the value').fill('Email');
    await figures.getByRole('button', { name: 'Save as this journey’s Successful Customer Outcome' }).click();
    await page.getByTestId('sco-saved').waitFor();
    expect((await journey()).meta.outcomeRule).toEqual({ dimension: 'channel', value: 'Email' });
    await page.reload();
    await figures.waitFor();
    const named = figures.getByText('Successful Customer Outcome reached (“channel = Email”)');
    await named.waitFor();
    expect(await figures.textContent()).toContain('This is the journey’s saved Successful Customer Outcome.');
    await expectNoAxeViolations(page);
  }, 120_000);

  it('given the Compare page, when the officer compares the journey a log is attached to, then the log figures sit beside the map with source and interval, and the downloads carry them', async () => {
    await page.goto(`${session.server.url}/w/demo/j/melton-asb-victim-desired/improve/compare`);
    await page.getByTestId('compare-totals').waitFor();
    // choosing the journey the demo log is attached to chooses that log for its side
    await page.getByLabel('Current journey', { exact: true }).selectOption('multi-service-change-of-address');
    expect(await page.getByLabel('Event log for the current journey').inputValue()).toBe(
      'demo-change-of-address',
    );
    const figures = page.getByTestId('compare-log');
    await figures.waitFor();
    const res = await page.request.get(
      `${session.server.url}/api/workspaces/demo/compare?current=multi-service-change-of-address&desired=melton-asb-victim-desired&currentLog=demo-change-of-address`,
    );
    const { logs } = (await res.json()) as {
      logs: { current: { dataset: { name: string; cases: number } }; desired: null };
    };
    const text = (await figures.textContent()) ?? '';
    expect(text).toContain(
      `From the log “${logs.current.dataset.name}”, ${logs.current.dataset.cases.toLocaleString('en-GB')} cases`,
    );
    expect(text).toContain('No event log chosen for');
    const loop = figures.getByRole('row', { name: /^Loop closed/ });
    expect(await loop.textContent()).toMatch(
      /[\d,]+ of [\d,]+ delivered cases, [\d.]+% \(95% interval [\d.]+% to [\d.]+%\)/,
    );
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toContain('currentLog=demo-change-of-address');
    const download = await page.request.get(`${session.server.url}${(await csv.getAttribute('href')) ?? ''}`);
    expect(await download.text()).toMatch(/From the event logs,Loop closed[^\r]*delivered cases/);
    await expectNoAxeViolations(page);
  }, 60_000);
});
