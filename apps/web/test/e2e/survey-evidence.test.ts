import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import {
  createJourney,
  expectNoAxeViolations,
  expectUniqueLandmarks,
  startSignedIn,
  type SignedInSession,
} from './harness';

/**
 * Issue 13 item 3 as an officer meets it: a Microsoft Forms export (XLSX, the worked example's twenty answers)
 * is uploaded from the journey, its questions matched to the "Makes contact" step and imported; the step then
 * shows CSAT and NPS with their intervals, and on the map the emotion curve shades the survey's interval beside
 * the workshop's score, which is still marked as an estimate.
 */
const satisfaction = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5, 5];
const recommend = [0, 3, 5, 6, 6, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10];
const satQ = 'How satisfied were you with making contact?';
const npsQ = 'How likely are you to recommend us to a friend?';
const textQ = 'Tell us about making contact';
const consentQ = 'May we quote your words, without your name, in our report?';

async function formsExport(): Promise<string> {
  const rows = satisfaction.map((s, i) => [
    i + 1,
    new Date(Date.UTC(2026, 2, 2 + i, 9, 0, 0)),
    new Date(Date.UTC(2026, 2, 2 + i, 9, 4, 0)),
    'anonymous',
    null,
    s,
    recommend[i]!,
    i === 3 ? 'The form timed out twice, ring me on 07700 900123' : null,
    i === 3 ? 'Yes' : null,
  ]);
  const sheet = [
    ['ID', 'Start time', 'Completion time', 'Email', 'Name', satQ, npsQ, textQ, consentQ],
    ...rows,
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'waymark-survey-')), 'Reporting a problem(1-20).xlsx');
  writeFileSync(file, await writeExcelFile(sheet, { dateFormat: 'dd/mm/yyyy hh:mm:ss' }).toBuffer());
  return file;
}

describe('survey evidence on the map, end to end in Chromium', () => {
  let session: SignedInSession;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    session = await startSignedIn('survey-evidence', { width: 1440, height: 900 });
    page = session.page;
    file = await formsExport();
    await createJourney(session, {
      template: 'blank-current',
      id: 'survey-e2e',
      title: 'Reporting a problem',
    });
    const api = `${session.server.url}/api/workspaces/demo/journeys/survey-e2e`;
    const csrf = (
      (await (await page.request.get(`${session.server.url}/api/auth/me`)).json()) as { csrfToken: string }
    ).csrfToken;
    const { version } = (await (await page.request.get(api)).json()) as { version: number };
    // the workshop's own score for the step, an estimate
    const added = await page.request.post(`${api}/commands`, {
      headers: { 'x-csrf-token': csrf },
      data: {
        baseVersion: version,
        commands: [
          {
            type: 'card.add',
            item: {
              id: 'em-contact',
              kind: 'emotion',
              laneId: 'emotion',
              columnId: 'contact',
              score: -20,
              estimate: true,
            },
          },
        ],
      },
    });
    expect(added.status(), await added.text()).toBe(200);
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a Microsoft Forms export, when the officer imports it onto a step, then the step shows CSAT and NPS and the curve shows the band', async () => {
    await page.goto(`${session.server.url}/w/demo/j/survey-e2e`);
    await page.getByRole('link', { name: 'Survey answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import survey answers' }).waitFor();
    await expectNoAxeViolations(page);
    // One main region, the app's: the page's own content is not a second one inside it.
    expect(await page.getByRole('main').count()).toBe(1);
    await expectUniqueLandmarks(page);

    await page.locator('#survey-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Read the file' }).click();
    await page.getByRole('heading', { level: 2, name: '2. Match the columns' }).waitFor();
    await page.getByText('This looks like a Microsoft Forms export.').waitFor();
    expect(await page.getByLabel('Survey name').inputValue()).toBe('Reporting a problem(1-20)');
    expect(await page.getByLabel(`Question type of ${satQ}`).inputValue()).toBe('rating');
    expect(await page.getByLabel(`Question type of ${npsQ}`).inputValue()).toBe('nps');
    for (const q of [satQ, npsQ, textQ])
      await page.getByLabel(`Step that ${q} is about`).selectOption('contact');
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Import the survey' }).click();
    await page.getByRole('status').getByText('Survey imported: 20 responses.').waitFor();
    const step = page.locator('.survey-step', { has: page.getByRole('heading', { name: 'Makes contact' }) });
    await step.getByText('CSAT 70% satisfied (95% interval 48.1% to 85.5%)').waitFor();
    await step.getByText(/^NPS 25 \(95% interval -11\.7 to 55\.2\)$/).waitFor();
    // only the consented quote, with its personal details taken out and its source
    await step.getByText('The form timed out twice, ring me on [phone number]').waitFor();
    expect(await step.locator('.survey-quotes').textContent()).toMatch(
      /Reporting a problem\(1-20\), respondent p_[0-9a-f]{16}, 2026-03-05/,
    );
    await expectNoAxeViolations(page);

    // On the map: the band on the emotion curve, its interval in words, CSAT and NPS, and the estimate marked.
    await page.getByRole('link', { name: 'Back to the map' }).click();
    const band = page.locator('[data-survey-band="contact"]');
    await band.waitFor({ state: 'attached' });
    const figures = page.locator('[data-survey-step="contact"]');
    await figures.getByText('Survey: 13.1 to 66.9 (20 answers)').waitFor();
    expect(await figures.textContent()).toContain('CSAT 70% satisfied');
    expect(await figures.textContent()).toContain('NPS 25');
    // the consented quote is on the map too, with its source
    expect(await figures.locator('.survey-quotes').textContent()).toMatch(
      /ring me on \[phone number\].*Reporting a problem\(1-20\), respondent p_[0-9a-f]{16}, 2026-03-05/,
    );
    const height = Number(await band.getAttribute('height'));
    expect(height).toBeGreaterThan(20);
    await page.locator('.emotion-score', { hasText: 'estimate' }).first().waitFor();
    await expectNoAxeViolations(page);
  }, 180_000);
});
