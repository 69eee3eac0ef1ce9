import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startSignedIn, type SignedInSession } from './harness';

/**
 * Issue 12 item 2 in the browser: the instance administrator (the account made at first start) makes the
 * provisioning token on /admin/provisioning and sees its secret once; the directory (here: requests with that
 * token, as Entra ID sends them) provisions a person and a group; the administrator gives the group a role in the
 * demo workspace, and the person has it. Axe finds nothing on the page, in English and in Welsh.
 */
describe('provisioning from a directory (SCIM)', () => {
  let session: SignedInSession;
  beforeAll(async () => {
    session = await startSignedIn('provisioning');
  }, 240_000);
  afterAll(() => session?.stop());

  it('given the instance administrator, when they make a token and map a provisioned group, then its members get the role, and axe finds nothing', async () => {
    const { page, server } = session;
    await page.goto(`${server.url}/admin/provisioning`);
    await page.getByRole('heading', { level: 1, name: 'Provisioning from your directory' }).waitFor();
    await page.getByText('There is no provisioning token.').waitFor();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Make a token' }).click();
    const secretField = page.getByLabel('Secret token (shown only once)');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^wmscim_/);
    await expectNoAxeViolations(page);

    // The directory provisions a person and a group with the person in it.
    const scim = (method: 'post' | 'patch', path: string, data: unknown) =>
      page.request[method](`${server.url}/scim/v2${path}`, {
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
        data,
      });
    const person = (await (
      await scim('post', '/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'nia.evans@council.example',
        name: { givenName: 'Nia', familyName: 'Evans' },
        emails: [{ primary: true, type: 'work', value: 'nia.evans@council.example' }],
        active: true,
      })
    ).json()) as { id: string };
    const group = await scim('post', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Social care editors',
      members: [{ value: person.id }],
    });
    expect(group.status()).toBe(201);

    await page.reload();
    await page.getByRole('heading', { level: 3, name: 'Social care editors' }).waitFor();
    // The secret is not shown again.
    expect(await page.getByLabel('Secret token (shown only once)').count()).toBe(0);
    await page.getByLabel('Role in that workspace').selectOption('editor');
    await page.getByRole('button', { name: 'Save roles for Social care editors' }).click();
    await page.getByText('Roles for Social care editors saved.').waitFor();
    await page.getByText(/^Editor in /).waitFor();
    await expectNoAxeViolations(page);

    const me = await page.request.get(`${server.url}/api/auth/me`);
    const ws = ((await me.json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
    const members = await page.request.get(`${server.url}/api/workspaces/${ws}/members`);
    const rows = ((await members.json()) as { items: { email: string; role: string }[] }).items;
    expect(rows.find((m) => m.email === 'nia.evans@council.example')?.role).toBe('editor');

    // In Welsh too.
    await page.evaluate(() => localStorage.setItem('waymark.locale', 'cy'));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Darparu o’ch cyfeiriadur' }).waitFor();
    await expectNoAxeViolations(page);
  });
});
