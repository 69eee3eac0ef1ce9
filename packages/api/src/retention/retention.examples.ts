import type { Role, WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

const people: Record<Role, string> = { owner: 'Olive', editor: 'Ed', commenter: 'Cam', viewer: 'Vi' };

/**
 * Example requests of the retention routes for the authorisation test (issue 12 item 4). Deleting a workspace
 * gets a workspace of its own each time, with the same people in the same roles as w1 (and not Otto), so the
 * owner's successful deletion leaves w1 for every other check.
 */
export const retentionExamples = {
  'GET /api/workspaces/{ws}/retention': () => ({ path: '/api/workspaces/w1/retention' }),
  'PUT /api/workspaces/{ws}/retention': () => ({
    path: '/api/workspaces/w1/retention',
    body: { deletedJourneys: 30, datasets: 365, rawUploads: 7, audit: 730, history: 730 },
  }),
  'GET /api/workspaces/{ws}/export': () => ({ path: '/api/workspaces/w1/export' }),
  'DELETE /api/workspaces/{ws}': async (t: TestApi, n: number) => {
    const ws = `doomed-${n}`;
    for (const role of ['owner', 'editor', 'commenter', 'viewer'] as const)
      await t.addUser(people[role], { ws, role });
    const name = (await t.stores.accounts.getWorkspace(ws as WorkspaceId))!.name;
    return { path: `/api/workspaces/${ws}`, body: { confirmName: name } };
  },
};
