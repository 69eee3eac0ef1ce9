import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArtifactKey, ImprovementStore } from './improvement-store';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';

export interface ImprovementFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T10:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const j1 = 'j1' as JourneyId;
const key = (id = 'main', kind: ArtifactKey['kind'] = 'business-case'): ArtifactKey => ({
  workspaceId: ws,
  journeyId: j1,
  kind,
  id,
});

/** The behaviour every ImprovementStore must have; registered once per database, each test on a fresh one. */
export function improvementStoreContract(open: () => Promise<ImprovementFixture>): void {
  let fixture: ImprovementFixture;
  let store: ImprovementStore;
  beforeEach(async () => {
    // Given: ann owns workspace w1, which holds journey j1.
    fixture = await open();
    const s = fixture.stores;
    store = s.improvements;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: T0 });
    await s.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at: T0 });
    const made = await s.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('j1'),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
    if (!made.ok) throw new Error(made.error.message);
  });
  afterEach(() => fixture.dispose());

  const create = (data: unknown = { n: 1 }, k = key()) =>
    store.putArtifact({ ...k, data, baseVersion: 0, by: ann, at: T0 });

  it('given no artefact, when one is created with baseVersion 0, then it is version 1 and reads back whole', async () => {
    const data = { input: { appraisalYears: 5, volumes: [1, 2.5] }, note: 'café £' };
    const made = await create(data);
    expect(made.ok && made.value.version).toBe(1);
    const read = await store.getArtifact(key());
    expect(read).toMatchObject({ journeyId: 'j1', kind: 'business-case', id: 'main', version: 1, data });
    expect(read?.updatedBy).toEqual({ id: 'ann', name: 'Ann' });
    expect(read?.updatedAt).toBe(T0);
  });

  it('given version 1, when it is changed from version 1, then it is version 2 with the new data and time', async () => {
    await create();
    const next = await store.putArtifact({ ...key(), data: { n: 2 }, baseVersion: 1, by: ann, at: T1 });
    expect(next.ok && next.value).toMatchObject({ version: 2, data: { n: 2 }, createdAt: T0, updatedAt: T1 });
  });

  it('given version 2, when a change is made from version 1, then version_conflict with the current artefact, nothing lost', async () => {
    await create();
    await store.putArtifact({ ...key(), data: { n: 2 }, baseVersion: 1, by: ann, at: T1 });
    const stale = await store.putArtifact({
      ...key(),
      data: { n: 'stale' },
      baseVersion: 1,
      by: ann,
      at: T1,
    });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('version_conflict');
    expect(stale.error.current).toMatchObject({ version: 2, data: { n: 2 } });
    expect((await store.getArtifact(key()))?.data).toEqual({ n: 2 });
  });

  it('given an artefact, when another is created with the same key, then version_conflict', async () => {
    await create();
    const again = await create({ n: 'again' });
    expect(!again.ok && again.error.code).toBe('version_conflict');
  });

  it('given no artefact, when it is updated from version 1, then artifact_not_found', async () => {
    const res = await store.putArtifact({ ...key(), data: {}, baseVersion: 1, by: ann, at: T0 });
    expect(!res.ok && res.error.code).toBe('artifact_not_found');
  });

  it('given no journey j9, or a deleted j1, when an artefact is written, then journey_not_found', async () => {
    const missing = await create({}, { ...key(), journeyId: 'j9' as JourneyId });
    expect(!missing.ok && missing.error.code).toBe('journey_not_found');
    await fixture.stores.journeys.softDelete(ws, j1, T1);
    const deleted = await create();
    expect(!deleted.ok && deleted.error.code).toBe('journey_not_found');
  });

  it('given artefacts of several kinds, when listed, then by kind and id, filtered by kind when asked', async () => {
    await create({}, key('b'));
    await create({}, key('a'));
    await create({}, key('main', 'indicators'));
    const all = await store.listArtifacts(ws, j1);
    expect(all.map((a) => `${a.kind}/${a.id}`)).toEqual([
      'business-case/a',
      'business-case/b',
      'indicators/main',
    ]);
    expect((await store.listArtifacts(ws, j1, 'indicators')).map((a) => a.id)).toEqual(['main']);
    expect(await store.listArtifacts('w2' as WorkspaceId, j1)).toEqual([]);
  });

  it('given an artefact, when deleted from a stale version, then refused; from the current one, then gone', async () => {
    await create();
    await store.putArtifact({ ...key(), data: { n: 2 }, baseVersion: 1, by: ann, at: T1 });
    const stale = await store.deleteArtifact({ ...key(), baseVersion: 1 });
    expect(!stale.ok && stale.error.code).toBe('version_conflict');
    expect((await store.deleteArtifact({ ...key(), baseVersion: 2 })).ok).toBe(true);
    expect(await store.getArtifact(key())).toBeNull();
  });

  it('given an artefact, when its journey is purged, then the artefact goes with it', async () => {
    await create();
    await fixture.stores.journeys.softDelete(ws, j1, T0);
    await fixture.stores.journeys.purgeDeleted(T1);
    expect(await store.listArtifacts(ws, j1)).toEqual([]);
  });

  describe('concurrency', () => {
    it('given version 1, when two changes from version 1 race, then exactly one wins', async () => {
      await create();
      const results = await Promise.all(
        ['x', 'y'].map((n) => store.putArtifact({ ...key(), data: { n }, baseVersion: 1, by: ann, at: T1 })),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === 'version_conflict')).toHaveLength(1);
    });
  });
}
