import type { Journey } from '@waymark/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJourney, expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 13 items 3 and 5 on the web: the officer classes the demo log's activities (NI14's suggestions marked
 * as such) and the dataset page measures the value-added ratio with its source; the journey's details take its
 * Successful Customer Outcome rule; a consented survey answer becomes a quote card on the map, an unconsented
 * one never shows.
 */
describe('value added, the outcome rule and survey quotes on the map, in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  const ws = () => `${session.server.url}/api/workspaces/demo`;
  const journeyOf = async (id: string) =>
    ((await (await page.request.get(`${ws()}/journeys/${id}`)).json()) as { journey: Journey }).journey;

  beforeAll(async () => {
    session = await startSignedIn('value-added', { width: 1440, height: 900 });
    page = session.page;
    await createJourney(session, { template: 'blank-current', id: 'va-e2e', title: 'Reporting a problem' });
    const csrf = (
      (await (await page.request.get(`${session.server.url}/api/auth/me`)).json()) as { csrfToken: string }
    ).csrfToken;
    const csv = [
      'Respondent,Date,How satisfied were you?,Tell us more,May we quote you?',
      'r1,2026-03-02,4,Quick and kind,Yes',
      'r2,2026-03-03,2,Private words about my neighbour,No',
      'r3,2026-03-04,5,,Yes',
      'r4,2026-03-05,3,Slow to answer the phone,Yes',
    ].join('\n');
    const imported = await page.request.post(`${ws()}/journeys/va-e2e/surveys`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        name: 'Spring survey',
        fileName: 'spring.csv',
        file: Buffer.from(csv).toString('base64'),
        mapping: {
          respondent: 'Respondent',
          date: 'Date',
          consent: 'May we quote you?',
          questions: [
            { column: 'How satisfied were you?', kind: 'rating', scale: '1-5', stepId: 'contact' },
            { column: 'Tell us more', kind: 'text', stepId: 'contact' },
          ],
        },
      },
    });
    expect(imported.status(), await imported.text()).toBe(201);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given the demo log, when the officer classes its activities and saves, then the value-added ratio is measured and says where it came from', async () => {
    await page.goto(`${session.server.url}/w/demo/datasets/demo-change-of-address`);
    const figures = page.getByTestId('outcome-figures');
    const classes = page.getByTestId('value-classes');
    await classes.waitFor();
    expect(await figures.textContent()).toContain('Not measured: classify the log’s activities below');
    // NI14's rules suggest waste for chasing, marked as a suggestion
    const chase = classes.getByLabel('Class of “Chase progress”');
    expect(await chase.inputValue()).toBe('waste');
    expect(await classes.textContent()).toContain(
      'Suggested: waste or failure demand (NI14: progress chasing)',
    );
    await classes.getByLabel('Class of “Send decision letters”').selectOption('value-added');
    await classes.getByLabel('Class of “Report change of address”').selectOption('necessary');
    await classes.getByRole('button', { name: 'Save the classification' }).click();
    await classes.getByText('Saved with the journey.').waitFor();
    const stored = (await journeyOf('multi-service-change-of-address')).meta.valueClasses;
    expect(stored).toMatchObject({
      'Send decision letters': 'value-added',
      'Report change of address': 'necessary',
      'Chase progress': 'waste',
    });
    const res = await page.request.get(`${ws()}/datasets/demo-change-of-address`);
    const va = ((await res.json()) as { result: { valueAdded: { events: Record<string, number> } } }).result
      .valueAdded;
    const classified = va.events['value-added']! + va.events['necessary']! + va.events['waste']!;
    await expect
      .poll(async () => (await figures.textContent()) ?? '', { timeout: 15_000 })
      .toMatch(
        new RegExp(
          `Value-added ratio[\\d.]+% of .*From the log, with the activities classified in the journey “[^”]+”: ${classified.toLocaleString('en-GB')} of ${(classified + va.events['unclassified']!).toLocaleString('en-GB')} events classified`,
        ),
      );
    await expectNoAxeViolations(page);
  }, 60_000);

  it("given the journey's details, when the officer saves an outcome rule, then it is kept and a half-made condition is refused by name", async () => {
    await page.goto(`${session.server.url}/w/demo/j/va-e2e`);
    await page.getByRole('button', { name: 'Details', exact: true }).click();
    const sco = page.getByTestId('outcome-rule-settings');
    await sco.waitFor();
    await sco.getByLabel('Or a condition: the column').selectOption('outcome');
    await sco.getByRole('button', { name: 'Save as this journey’s Successful Customer Outcome' }).click();
    await sco.getByText('Enter the value the column must have.').waitFor();
    expect(await sco.getByLabel('has the value').getAttribute('aria-invalid')).toBe('true');
    await sco.getByLabel('has the value').fill('Resolved');
    await sco.getByRole('button', { name: 'Save as this journey’s Successful Customer Outcome' }).click();
    await sco.getByText('Measured in the attached log as: outcome = Resolved.').waitFor();
    await expect
      .poll(async () => (await journeyOf('va-e2e')).meta.outcomeRule, { timeout: 15_000 })
      .toEqual({ dimension: 'outcome', value: 'Resolved' });
    await expectNoAxeViolations(page);
  }, 60_000);

  it('given survey answers on a step, when the officer adds the consented quote to the map, then it is a quote card with its source and the unconsented one never shows', async () => {
    await page.goto(`${session.server.url}/w/demo/j/va-e2e`);
    const cell = page.locator('[data-survey-step="contact"]');
    await cell.getByText('Quick and kind').waitFor();
    expect(await page.getByText('Private words about my neighbour').count()).toBe(0);
    expect(await cell.getByRole('button', { name: /^Add to the map as a quote/ }).count()).toBe(2);
    await cell.getByRole('button', { name: 'Add to the map as a quote: “Quick and kind”' }).click();
    await cell.getByText('On the map as a quote').waitFor();
    await expect
      .poll(
        async () =>
          (await journeyOf('va-e2e')).cards.filter((c) => c.kind === 'feeling' && c.quote) as unknown[],
        { timeout: 15_000 },
      )
      .toEqual([
        expect.objectContaining({
          laneId: 'feelings',
          columnId: 'contact',
          text: 'Quick and kind',
          mode: 'says',
          source: expect.stringMatching(/^Spring survey, respondent p_[0-9a-f]{16}, 2026-03-02$/),
        }),
      ]);
    await expectNoAxeViolations(page);
    // the survey's page lists every consented quote: the one on the map says so, another can be added there
    await page.goto(`${session.server.url}/w/demo/j/va-e2e/surveys`);
    const step = page.locator('.survey-step', { has: page.getByRole('heading', { name: 'Makes contact' }) });
    await step.getByText('On the map as a quote').waitFor();
    await step.getByRole('button', { name: 'Add to the map as a quote: “Slow to answer the phone”' }).click();
    await page.getByTestId('quote-status').getByText('Added as a quote card').waitFor();
    const quotes = (await journeyOf('va-e2e')).cards.filter((c) => c.kind === 'feeling' && c.quote);
    expect(quotes.map((c) => (c as { text: string }).text)).toEqual([
      'Quick and kind',
      'Slow to answer the phone',
    ]);
    expect(JSON.stringify(await journeyOf('va-e2e'))).not.toContain('neighbour');
    expect(await page.getByText('Private words about my neighbour').count()).toBe(0);
  }, 60_000);
});
