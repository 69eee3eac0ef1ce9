import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';

// Issue 13 item 2: an instance administrator can go back to the shipped deflator after loading one.
const ws = 'w1' as WorkspaceId;
const load = `/api/admin/deflator?${new URLSearchParams({ title: 'GDP deflators: test', published: '2026-09', url: 'https://www.gov.uk/x' })}`;

describe('DELETE /api/admin/deflator', () => {
  let t: TestApi;
  let admin: Client;
  let editor: Client;
  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Olive', { ws, role: 'owner' }); // the first person is the instance administrator
    await t.addUser('Ed', { ws, role: 'owner' });
    admin = await t.signIn('Olive');
    editor = await t.signIn('Ed');
  });
  afterAll(() => t.close());

  const inForce = async () =>
    (
      (await (await editor.request('GET', '/api/workspaces/w1/cost-models')).json()) as {
        deflator: { published: string; loaded: boolean };
      }
    ).deflator;

  it('given a loaded series, an administrator goes back to the shipped one; a workspace owner may not', async () => {
    const put = await admin.request('PUT', load, 'year,index\n2011,70.834\n2024,100\n2026,104.5\n', {
      'content-type': 'text/csv',
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await inForce()).toMatchObject({ published: '2026-09', loaded: true });
    const refused = await editor.request('DELETE', '/api/admin/deflator');
    expect(refused.status).toBe(403);
    expect(await inForce()).toMatchObject({ published: '2026-09', loaded: true });
    const back = await admin.request('DELETE', '/api/admin/deflator');
    expect(back.status, await back.clone().text()).toBe(200);
    expect(((await back.json()) as { deflator: { loaded: boolean } }).deflator.loaded).toBe(false);
    expect(await t.stores.costs.getDeflator()).toBeNull();
    expect(await inForce()).toMatchObject({ published: '2025-12', loaded: false });
    // again: nothing to forget, still the shipped series
    expect((await admin.request('DELETE', '/api/admin/deflator')).status).toBe(200);
  });
});
