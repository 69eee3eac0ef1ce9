import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { seedJourney, type TestApi } from '../testing/test-api';

type Example = { path: string; body?: unknown; headers?: Record<string, string> };
const ws = 'w1' as WorkspaceId;

/** Journey `id` in w1, made straight in the store; with `copyOf`, as a group's copy of that journey. */
async function seed(t: TestApi, id: string, copyOf?: string): Promise<void> {
  await seedJourney(
    t,
    ws,
    id,
    copyOf ? { kind: 'duplicate', detail: { from: copyOf, fromVersion: 1, group: 'Group 1' } } : {},
  );
}

/** Example requests for the authorisation matrix (authorisation.test.ts), one per group route. */
export const groupExamples: Record<string, (t: TestApi, n: number) => Promise<Example> | Example> = {
  'POST /api/workspaces/{ws}/journeys/{id}/group-copies': async (t, n) => {
    await seed(t, `grouped-${n}`);
    return { path: `/api/workspaces/w1/journeys/grouped-${n}/group-copies`, body: { group: 'Group 1' } };
  },
  'GET /api/workspaces/{ws}/journeys/{id}/group-copy': async (t, n) => {
    await seed(t, `gc-main-${n}`);
    await seed(t, `gc-copy-${n}`, `gc-main-${n}`);
    return { path: `/api/workspaces/w1/journeys/gc-copy-${n}/group-copy` };
  },
  'GET /api/workspaces/{ws}/journeys/{id}/group-merge': async (t, n) => {
    await seed(t, `gm-main-${n}`);
    await seed(t, `gm-copy-${n}`, `gm-main-${n}`);
    return { path: `/api/workspaces/w1/journeys/gm-copy-${n}/group-merge` };
  },
  'POST /api/workspaces/{ws}/journeys/{id}/group-merge': async (t, n) => {
    await seed(t, `gm-main-${n}`);
    await seed(t, `gm-copy-${n}`, `gm-main-${n}` as JourneyId);
    return { path: `/api/workspaces/w1/journeys/gm-copy-${n}/group-merge`, body: {} };
  },
};
