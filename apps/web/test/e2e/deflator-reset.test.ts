import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 13 item 2: an instance administrator who loaded a GDP deflator series goes back to the one Waymark
 * ships with a button on the costs page; the page then says the shipped series is in force; axe finds nothing.
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
});
