import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 12 item 4 in the browser: the owner of the demo workspace changes how long deleted journeys are kept
 * (a period out of bounds is refused at its field), downloads the export (a tar whose first file is the
 * README), and deletes the workspace by typing its name (a wrong name is refused); axe finds nothing.
 */
describe('retention, export and deletion of a workspace', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('retention');
  }, 240_000);
  afterAll(() => session?.stop());

  it('given the owner of Demo, when they change a period, download the export and delete the workspace by its name, then each is done', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Retention, export and deletion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Retention, export and deletion' }).waitFor();
    const deleted = page.getByLabel('Deleted journeys (days)');
    expect(await deleted.inputValue()).toBe('30');
    await expectNoAxeViolations(page);

    // A period out of bounds is refused at its field, in words.
    await deleted.fill('0');
    await page.getByRole('button', { name: 'Save retention periods' }).click();
    await page.getByText('Deleted journeys: enter at least 1 day').first().waitFor();
    expect(await deleted.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);

    await deleted.fill('14');
    await page.getByRole('button', { name: 'Save retention periods' }).click();
    await page.getByText('Retention periods saved.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Deleted journeys (days)').inputValue()).toBe('14');

    // The export: a tar archive whose first file is the README.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the export (.tar)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^waymark-demo-\d{4}-\d\d-\d\d\.tar$/);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 10).toString('latin1')).toBe('README.txt');
    expect(bytes.toString('utf8')).toContain('Export of the Waymark workspace Demo');
    expect(bytes.toString('utf8')).toContain('journey.yaml');

    // Deleting needs the workspace's name typed exactly.
    const confirm = page.getByLabel('To confirm, type the workspace’s name: Demo');
    await confirm.fill('demo workspace');
    await page.getByRole('button', { name: 'Delete this workspace for good' }).click();
    await page.getByText('Workspace name: type the name exactly as shown').first().waitFor();
    await expectNoAxeViolations(page);
    await confirm.fill('Demo');
    await page.getByRole('button', { name: 'Delete this workspace for good' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspace deleted' }).waitFor();
    await expectNoAxeViolations(page);
    const gone = await page.request.get(`${server.url}/api/workspaces/demo/journeys`);
    expect(gone.status()).toBe(404);
  }, 180_000);
});
