import type { JourneyId } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import type { Stores } from './open-store';
import { describeOnPostgres } from './postgres-test-stores';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { createTestStores, seedOwner } from './test-database';
import { WORKSHOP_CHANNEL } from './workshop-store';

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T09:05:00.000Z';
const ws = 'w1' as WorkspaceId;
const j1 = 'j1' as JourneyId;
const ann = 'ann' as UserId;

/** One workshop state per journey, written only on the revision it was made on, announced when it commits. */
function workshopContract(open: () => Promise<{ stores: Stores; dispose(): Promise<void> }>) {
  it('given a journey, when its workshop is written, then each revision is stored once, a stale write is refused with the current one, and each change is announced', async () => {
    const { stores, dispose } = await open();
    try {
      const heard: unknown[] = [];
      const stop = await stores.sql.listen(WORKSHOP_CHANNEL, (p) => heard.push(p && JSON.parse(p)));
      await seedOwner(stores, ann, ws, T0);
      await stores.journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney('j1'),
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
      expect(await stores.workshops.get(ws, j1)).toBeNull();

      const first = await stores.workshops.put({
        workspaceId: ws,
        journeyId: j1,
        state: { locked: true, label: 'Café ☕' },
        baseRevision: 0,
        at: T0,
      });
      expect(first).toEqual({
        ok: true,
        workshop: { state: { locked: true, label: 'Café ☕' }, revision: 1, updatedAt: T0 },
      });
      // A second "first" write (another process starting at the same moment) is refused.
      const again = await stores.workshops.put({
        workspaceId: ws,
        journeyId: j1,
        state: { locked: false },
        baseRevision: 0,
        at: T1,
      });
      expect(again).toMatchObject({ ok: false, code: 'revision_conflict', current: { revision: 1 } });

      const second = await stores.workshops.put({
        workspaceId: ws,
        journeyId: j1,
        state: { locked: false },
        baseRevision: 1,
        at: T1,
      });
      expect(second).toMatchObject({ ok: true, workshop: { revision: 2, state: { locked: false } } });
      const stale = await stores.workshops.put({
        workspaceId: ws,
        journeyId: j1,
        state: { locked: true },
        baseRevision: 1,
        at: T1,
      });
      expect(stale).toMatchObject({
        ok: false,
        code: 'revision_conflict',
        current: { revision: 2, state: { locked: false } },
      });
      expect(await stores.workshops.get(ws, j1)).toEqual({
        state: { locked: false },
        revision: 2,
        updatedAt: T1,
      });

      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        { s: expect.any(String), w: 'w1', j: 'j1', r: 1 },
        { s: expect.any(String), w: 'w1', j: 'j1', r: 2 },
      ]);
      await stop();
    } finally {
      await dispose();
    }
  });

  it('given no such journey (or one in another workspace), when a workshop is started on it, then nothing is stored', async () => {
    const { stores, dispose } = await open();
    try {
      await seedOwner(stores, ann, ws, T0);
      await stores.accounts.createWorkspace({ id: 'w2' as WorkspaceId, name: 'Other', ownerId: ann, at: T0 });
      await stores.journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney('j1'),
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
      const elsewhere = await stores.workshops.put({
        workspaceId: 'w2' as WorkspaceId,
        journeyId: j1,
        state: {},
        baseRevision: 0,
        at: T0,
      });
      expect(elsewhere).toEqual({ ok: false, code: 'journey_not_found' });
      expect(await stores.workshops.get('w2' as WorkspaceId, j1)).toBeNull();
    } finally {
      await dispose();
    }
  });
}

describe('workshop store on PGlite', () => {
  workshopContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});

describeOnPostgres('workshop store on PostgreSQL', workshopContract);
