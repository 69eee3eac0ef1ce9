import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 13 item 2: an instance administrator who loaded a GDP deflator series goes back to the one Waymark
 * ships with a button on the costs page; the page then says the shipped series is in force; axe finds nothing.
 * A bad CSV loaded on the page is refused with each problem in the catalogue's words, by line.
 */
describe('back to the shipped GDP deflator', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('deflator-reset', { width: 1280, height: 900 });
  }, 240_000);
  afterAll(() => session?.stop());

  it('given a loaded series, when the administrator presses the button, then the shipped series is in force again', async () => {
    const { page, server } = session;
    const me = await page.request.get(`${server.url}/api/auth/me`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    const query = new URLSearchParams({
      title: 'GDP deflators: test',
      published: '2026-09',
      url: 'https://www.gov.uk/x',
    });
    const loaded = await page.request.put(`${server.url}/api/admin/deflator?${query}`, {
      headers: { 'x-csrf-token': csrfToken, 'content-type': 'text/csv' },
      data: 'year,index\n2011,70.834\n2024,100\n2026,104.5\n',
    });
    expect(loaded.status(), await loaded.text()).toBe(200);
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Cost models' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cost models' }).waitFor();
    await page.getByText('GDP deflators: test, published 2026-09', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Go back to the shipped series' }).click();
    await page.getByText('Costs are uprated with the series Waymark ships again.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Go back to the shipped series' }).count()).toBe(0);
    await page.getByText('published 2025-12', { exact: false }).waitFor();
    await expectNoAxeViolations(page);
  }, 240_000);

  it('given a bad CSV and a bad address, when the administrator loads it, then each problem is said from the catalogue with its line and what was expected, in Welsh too', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Cost models' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cost models' }).waitFor();
    const summary = page.locator('form[aria-labelledby="costs-deflator-load"] .error-summary');
    // the language is chosen before the form is filled: changing it starts the page afresh
    const loadBadFile = async (button: string) => {
      await page.locator('#deflator-file').setInputFiles({
        name: 'bad.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('year,index\n2024,100\n2025,about 103\n2024,101\n'),
      });
      await page.locator('#deflator-title').fill('GDP deflators: test');
      await page.locator('#deflator-published').fill('2026-09');
      await page.locator('#deflator-url').fill('gov.uk/x');
      await page.getByRole('button', { name: button }).click();
    };
    await loadBadFile('Load the series');
    await summary.getByText('The series was not loaded. Put these right and load the file again:').waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'Address it was published at: expected the full address, starting https://; got “gov.uk/x”.',
      'Line 3: expected an index above zero, such as 70.834; got “about 103”.',
      'Line 4: 2024 is given more than once, first on line 2. Give each year once.',
    ]);
    // the server's English (for API callers and logs) is not what the page says
    expect(await page.getByText('expected each year once').count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.locator('header select').selectOption('cy');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('cy-GB');
    await loadBadFile('Llwytho’r gyfres');
    await summary.getByText('Ni lwythwyd y gyfres. Cywirwch y rhain a llwythwch y ffeil eto:').waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual([
      'Y cyfeiriad y’i cyhoeddwyd ynddo: disgwylid y cyfeiriad llawn, yn dechrau gyda https://; cafwyd “gov.uk/x”.',
      'Llinell 3: disgwylid mynegai uwchlaw sero, fel 70.834; cafwyd “about 103”.',
      'Llinell 4: rhoddir 2024 fwy nag unwaith, gyntaf ar linell 2. Rhowch bob blwyddyn unwaith.',
    ]);
    await page.locator('header select').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
  }, 240_000);
});
