import { starterTemplates } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import type { TestApi } from '../testing/test-api';

const ws = 'w1' as WorkspaceId;
const people = ['Olive', 'Ed', 'Cam', 'Vi'] as const;

/** A template of w1 made for one check, so deleting it leaves the others. */
async function freshTemplate(t: TestApi, n: number): Promise<string> {
  const id = `tpl-${n}`;
  await t.stores.templates.addTemplates([
    {
      workspaceId: ws,
      id,
      name: `Template ${n}`,
      body: { kind: 'persona', persona: { id: 'p', name: 'Persona' } as never },
      by: 'u-olive' as never,
      at: new Date().toISOString(),
    },
  ]);
  return id;
}

const pack = JSON.stringify({
  format: 'waymark-template-pack',
  formatVersion: 1,
  templates: [{ name: 'Starter', kind: 'map', journey: starterTemplates[0]!.body.journey }],
});

/**
 * Example requests of the template routes for the authorisation test (issue 14 item 5). Copying a map needs a
 * workspace to copy into where the caller edits: each check gets one with w1's people (not Otto) as editors.
 */
export const templateExamples = {
  'GET /api/workspaces/{ws}/templates': () => ({ path: '/api/workspaces/w1/templates' }),
  'POST /api/workspaces/{ws}/templates': (_t: TestApi, n: number) => ({
    path: '/api/workspaces/w1/templates',
    body: { journeyId: 'j1', name: `Saved ${n}`, part: { kind: 'map' } },
  }),
  'GET /api/workspaces/{ws}/templates/{templateId}': async (t: TestApi, n: number) => ({
    path: `/api/workspaces/w1/templates/${await freshTemplate(t, n)}`,
  }),
  'DELETE /api/workspaces/{ws}/templates/{templateId}': async (t: TestApi, n: number) => ({
    path: `/api/workspaces/w1/templates/${await freshTemplate(t, n)}`,
  }),
  'GET /api/workspaces/{ws}/template-pack': () => ({ path: '/api/workspaces/w1/template-pack' }),
  'POST /api/workspaces/{ws}/template-pack': () => ({
    path: '/api/workspaces/w1/template-pack',
    body: pack,
    headers: { 'content-type': 'application/json' },
  }),
  'POST /api/workspaces/{ws}/journeys/{id}/copy': async (t: TestApi, n: number) => {
    const to = `copy-to-${n}`;
    await t.addUser('Olive', { ws: to, role: 'owner' });
    for (const person of people.slice(1)) await t.addUser(person, { ws: to, role: 'editor' });
    return { path: '/api/workspaces/w1/journeys/j1/copy', body: { toWorkspace: to } };
  },
  'GET /api/workspaces/{ws}/journeys/{id}/provenance': () => ({
    path: '/api/workspaces/w1/journeys/j1/provenance',
  }),
};
