import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 12 item 3 in the browser: the instance administrator (the account made at first start) creates and
 * renames a workspace; as owner of Demo makes an API token that expires and revokes it; filters the audit trail
 * and downloads it as CSV; and signs out everywhere from "Your sessions". Axe finds nothing on each new page.
 */
describe('administration', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('administration');
  }, 240_000);
  afterAll(() => session?.stop());

  it('given the instance administrator, when they manage a workspace, a token, the audit trail and their sessions, then each is done', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/w/demo`);

    // Workspaces: create one, then rename it.
    await page.getByRole('link', { name: 'Workspaces', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspaces' }).waitFor();
    await page.getByRole('row', { name: /Demo/ }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Name', { exact: true }).fill('Housing');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.getByText('Workspace ‘Housing’ created.').waitFor();
    await page.getByRole('button', { name: 'Rename Housing' }).click();
    await page.getByLabel('New name for Housing').fill('Housing services');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByText('Workspace renamed to ‘Housing services’.').waitFor();
    await page.getByRole('rowheader', { name: 'Housing services' }).waitFor();
    await expectNoAxeViolations(page);

    // An API token with an expiry, then revoked.
    await page.goto(`${server.url}/w/demo/tokens`);
    await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Nightly export');
    await page.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await page.getByRole('button', { name: 'Make token' }).click();
    await page.getByText('The token “Nightly export” was made.', { exact: false }).waitFor();
    const row = page.getByRole('row', { name: /Nightly export/ });
    expect(await row.textContent()).toContain('Never used');
    // It expires (a date, not 'Never') and has not been used.
    expect(await row.textContent()).not.toMatch(/Never(?! used)/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await row.getByText(/^Revoked /).waitFor();

    // The audit trail: filtered to the token's creation, then downloaded.
    await page.goto(`${server.url}/w/demo`);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    await page.getByRole('cell', { name: 'token.revoke' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('Action').selectOption('token.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('1 entry shown').waitFor();
    expect(await page.getByRole('cell', { name: 'token.revoke' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-demo-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(csv[0]).toBe('seq,at,actor_id,actor_name,action,target,detail,ip');
    expect(csv.slice(1).map((line) => line.split(',')[4])).toEqual(['token.create']);
    await expectNoAxeViolations(page);

    // Your sessions: this one is marked, then every session ends.
    await page.getByRole('link', { name: 'Your sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your sessions' }).waitFor();
    await page.getByText('This device').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Waymark' }).waitFor();
    expect((await page.request.get(`${server.url}/api/auth/me`)).status()).toBe(401);
  }, 240_000);
});
