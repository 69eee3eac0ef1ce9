import { applyCommand, type CardId, type JourneyCommand, type JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedJourneyStore } from './cached-stores';
import type { JourneyStore } from './journey-store';
import type { Stores } from './open-store';
import { appendRetitled } from './retitle.fixture';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { createTestStores, seedOwner } from './test-database';

const T0 = '2026-01-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const id = 'j' as JourneyId;

describe('the journey cache of the embedded database, when editors race on one journey', () => {
  let stores: Stores;
  let innerReads: number;
  let innerLists: number;
  let journeys: JourneyStore;
  beforeEach(async () => {
    stores = await createTestStores();
    await seedOwner(stores, ann, ws, T0);
    innerReads = 0;
    innerLists = 0;
    // The real store, with its reads counted.
    const counted: JourneyStore = {
      ...stores.journeys,
      getJourney: (...args) => {
        innerReads++;
        return stores.journeys.getJourney(...args);
      },
      listJourneys: (...args) => {
        innerLists++;
        return stores.journeys.listJourneys(...args);
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

  it('given the journey list was read, when journeys are edited, then the next list needs no query and is what the database lists', async () => {
    for (const other of ['b', 'c'])
      await journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney(other),
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
    await journeys.listJourneys(ws);
    const edit = async (journeyId: string, base: number, text: string) => {
      const commands: JourneyCommand[] = [
        { type: 'card.update', id: 's1-step' as CardId, patch: { text } },
        { type: 'meta.update', patch: { status: 'in-review' } },
      ];
      let journey = (await journeys.getJourney(ws, journeyId as JourneyId))!.journey;
      for (const command of commands) {
        const applied = applyCommand(journey, command);
        if (!applied.ok) throw new Error(applied.error.message);
        journey = applied.value.journey;
      }
      return journeys.appendVersion({
        workspaceId: ws,
        journey,
        kind: 'commands',
        commands,
        baseVersion: base,
        by: ann,
        at: `2026-01-0${base + 1}T10:00:00.000Z`,
      });
    };
    expect((await edit('b', 1, 'one')).ok).toBe(true);
    expect((await edit('b', 2, 'two')).ok).toBe(true);
    expect((await edit(id, 1, 'three')).ok).toBe(true);
    innerLists = 0;
    const listed = await journeys.listJourneys(ws);
    expect(innerLists).toBe(0);
    expect(listed).toEqual(await stores.journeys.listJourneys(ws));
    expect(listed.find((j) => j.id === 'b')).toMatchObject({ version: 3, status: 'in-review' });
    // A filtered list is the database's
    expect(await journeys.listJourneys(ws, { status: 'in-review' })).toHaveLength(2);
  });

  it('given the journey list was read, when a journey is created, retitled or deleted, then the next list is read again', async () => {
    await journeys.listJourneys(ws);
    const changes: [string, () => Promise<unknown>][] = [
      [
        'create',
        () =>
          journeys.createJourney({
            workspaceId: ws,
            journey: sampleJourney('d'),
            kind: 'create',
            commands: [],
            by: ann,
            at: T0,
          }),
      ],
      ['retitle', () => retitle(1, 'A new title')],
      ['delete', () => journeys.softDelete(ws, 'd' as JourneyId, T0)],
      ['undelete', () => journeys.undelete(ws, 'd' as JourneyId, T0)],
    ];
    for (const [what, change] of changes) {
      await change();
      innerLists = 0;
      const listed = await journeys.listJourneys(ws);
      expect([what, innerLists]).toEqual([what, 1]);
      expect(listed).toEqual(await stores.journeys.listJourneys(ws));
    }
  });

  it('given edits made while the list is being read, when it is next listed, then it shows them without a query', async () => {
    const reading = journeys.listJourneys(ws);
    const edited = await Promise.all([retitle(1, 'Same'), journeys.listJourneys(ws)]);
    await reading;
    expect(edited[0].ok).toBe(true);
    // A new journey drops the list: the next is read while an edit (same title) is stored, then edits are patched in.
    await journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('e'),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
    for (const base of [2, 3]) {
      const [, more] = await Promise.all([journeys.listJourneys(ws), retitle(base, 'Same')]);
      expect(more.ok).toBe(true);
    }
    innerLists = 0;
    const listed = await journeys.listJourneys(ws);
    expect(innerLists).toBe(0);
    expect(listed).toEqual(await stores.journeys.listJourneys(ws));
    expect(listed.find((j) => j.id === id)?.version).toBe(4);
  });
});
