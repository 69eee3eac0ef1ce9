import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedJourneyStore } from './cached-stores';
import type { JourneyStore } from './journey-store';
import type { Stores } from './open-store';
import { appendRetitled } from './retitle.fixture';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { createTestStores } from './test-database';

const T0 = '2026-01-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const id = 'j' as JourneyId;

describe('the journey cache of the embedded database, when editors race on one journey', () => {
  let stores: Stores;
  let innerReads: number;
  let journeys: JourneyStore;
  beforeEach(async () => {
    stores = await createTestStores();
    await stores.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: T0 });
    await stores.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at: T0 });
    innerReads = 0;
    // The real store, with its reads counted.
    const counted: JourneyStore = {
      ...stores.journeys,
      getJourney: (...args) => {
        innerReads++;
        return stores.journeys.getJourney(...args);
      },
    };
    journeys = createCachedJourneyStore(counted);
    await journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney(id),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
  });
  afterEach(() => stores.close());

  const retitle = (baseVersion: number, title: string) =>
    appendRetitled(journeys, { workspaceId: ws, by: ann, at: T0 }, id, baseVersion, title);

  it('given two edits on the same version, when one wins, then the loser learns the winner and the next read needs no query', async () => {
    const [a, b] = await Promise.all([retitle(1, 'Ann'), retitle(1, 'Bob')]);
    const winner = a.ok ? a : b;
    const loser = a.ok ? b : a;
    expect(winner.ok && winner.value.version).toBe(2);
    expect(!loser.ok && loser.error.code).toBe('version_conflict');
    innerReads = 0;
    const read = await journeys.getJourney(ws, id);
    expect(innerReads).toBe(0);
    expect(read?.version).toBe(2);
    expect(read?.journey.meta.title).toBe(winner.ok ? winner.value.journey.meta.title : '');
    // and it is what the database holds
    expect((await stores.journeys.getJourney(ws, id))?.journey.meta.title).toBe(read?.journey.meta.title);
  });

  it('given a conflict answered after a later edit was remembered, then the cache keeps the later version', async () => {
    expect((await retitle(1, 'v2')).ok).toBe(true);
    expect((await retitle(2, 'v3')).ok).toBe(true);
    // A stale edit: its conflict carries version 3, which is what the cache holds; an older answer never wins.
    const stale = await retitle(1, 'late');
    expect(!stale.ok && stale.error.current?.version).toBe(3);
    const read = await journeys.getJourney(ws, id);
    expect(read?.version).toBe(3);
    expect(read?.journey.meta.title).toBe('v3');
  });
});
