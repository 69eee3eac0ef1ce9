import type { JourneyCommand, JourneyId } from '@waymark/core';
import { applyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import type { Stores } from './open-store';
import { describeOnPostgres } from './postgres-test-stores';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { createTestStores, seedOwner } from './test-database';

const T0 = '2026-01-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;

/** Every new journey version is announced on `waymark_journeys`; the history can be read from a version on. */
function notifyContract(open: () => Promise<{ stores: Stores; dispose(): Promise<void> }>) {
  it('given a listener, when a journey is created and then edited, then each version is announced after it commits, and history after a version gives only the later ones', async () => {
    const { stores, dispose } = await open();
    try {
      const heard: unknown[] = [];
      const stop = await stores.sql.listen('waymark_journeys', (p) => heard.push(p && JSON.parse(p)));
      await seedOwner(stores, ann, ws, T0);
      const journey = sampleJourney('j1');
      await stores.journeys.createJourney({
        workspaceId: ws,
        journey,
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
      const command: JourneyCommand = { type: 'meta.update', patch: { title: 'Renamed' } };
      const next = applyCommand(journey, command);
      if (!next.ok) throw new Error(next.error.message);
      const appended = await stores.journeys.appendVersion({
        workspaceId: ws,
        journey: next.value.journey,
        kind: 'commands',
        commands: [command],
        detail: { client: 'c1', seq: 1 },
        baseVersion: 1,
        by: ann,
        at: T0,
      });
      expect(appended.ok).toBe(true);
      await expect.poll(() => heard.length).toBe(2);
      expect(heard).toEqual([
        { s: expect.any(String), w: 'w1', j: 'j1', v: 1 },
        { s: expect.any(String), w: 'w1', j: 'j1', v: 2 },
      ]);
      const later = await stores.journeys.history(ws, 'j1' as JourneyId, { after: 1 });
      expect(later.map((v) => [v.version, v.by?.name, v.commands, v.detail])).toEqual([
        [2, 'Ann', [command], { client: 'c1', seq: 1 }],
      ]);
      expect(await stores.journeys.history(ws, 'j1' as JourneyId, { after: 0, limit: 1 })).toHaveLength(1);
      await stop();
      await stores.sql.query(`SELECT pg_notify('waymark_journeys', 'after stop')`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(heard).toHaveLength(2);
    } finally {
      await dispose();
    }
  });
}

describe('journey notifications on PGlite', () => {
  notifyContract(async () => {
    const stores = await createTestStores();
    return { stores, dispose: () => stores.close() };
  });
});

describeOnPostgres('journey notifications on PostgreSQL', notifyContract);
