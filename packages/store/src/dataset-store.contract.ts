import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DatasetStore, NewDataset } from './dataset-store';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { BLOB_PART_BYTES } from './sql-dataset-store';

export interface DatasetFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-02T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const other = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;

const blob = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);
const dataset = (id: string, extra: Partial<NewDataset> = {}): NewDataset => ({
  workspaceId: ws,
  id,
  name: `Log ${id}`,
  fileName: `${id}.csv`,
  format: 'csv',
  sizeBytes: 3_000_000_000,
  mapping: { case: 'case_id', activity: 'activity', timestamp: 'timestamp' },
  options: { zone: 'Europe/London' },
  cases: 2,
  events: 5,
  rejectedRows: 1,
  rejections: [{ line: 4, field: 'timestamp', reason: '"soon" is not a date-time' }],
  result: { log: { cases: 2, events: 5 }, note: 'café £' },
  eventsBlob: blob(70_000),
  by: ann,
  at: T0,
  ...extra,
});

/** The behaviour every DatasetStore must have; registered once per database, each test on a fresh one. */
export function datasetStoreContract(open: () => Promise<DatasetFixture>): void {
  let fixture: DatasetFixture;
  let store: DatasetStore;
  beforeEach(async () => {
    // Given: ann owns workspaces w1 (with journey j1) and w2.
    fixture = await open();
    const s = fixture.stores;
    store = s.datasets;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: T0 });
    await s.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at: T0 });
    await s.accounts.createWorkspace({ id: other, name: 'Other', ownerId: ann, at: T0 });
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

  it('given a new dataset, when created, then it reads back whole with its events byte for byte and no raw file', async () => {
    const made = await store.createDataset(dataset('d1'));
    expect(made.ok && made.value).toMatchObject({
      id: 'd1',
      cases: 2,
      events: 5,
      rejectedRows: 1,
      hasRaw: false,
    });
    const read = await store.getDataset(ws, 'd1');
    expect(read).toMatchObject({
      name: 'Log d1',
      fileName: 'd1.csv',
      format: 'csv',
      sizeBytes: 3_000_000_000,
      createdAt: T0,
      createdBy: { id: 'ann', name: 'Ann' },
      mapping: dataset('d1').mapping,
      options: { zone: 'Europe/London' },
      rejections: dataset('d1').rejections,
      result: dataset('d1').result,
      journeyId: null,
      attachment: null,
    });
    expect(await store.getEvents(ws, 'd1')).toEqual(blob(70_000));
    expect(await store.getRaw(ws, 'd1')).toBeNull();
  });

  it('given the same id twice or an unknown workspace, when created, then it is refused and nothing changes', async () => {
    await store.createDataset(dataset('d1'));
    const again = await store.createDataset(dataset('d1', { name: 'Replaced' }));
    expect(!again.ok && again.error.code).toBe('dataset_exists');
    expect((await store.getDataset(ws, 'd1'))?.name).toBe('Log d1');
    const nowhere = await store.createDataset(dataset('d2', { workspaceId: 'nope' as WorkspaceId }));
    expect(!nowhere.ok && nowhere.error.code).toBe('workspace_not_found');
  });

  it('given datasets in two workspaces, when listed or read, then each workspace sees only its own, newest first', async () => {
    await store.createDataset(dataset('d1'));
    await store.createDataset(dataset('d2', { at: T1 }));
    await store.createDataset(dataset('x1', { workspaceId: other }));
    expect((await store.listDatasets(ws)).map((d) => d.id)).toEqual(['d2', 'd1']);
    expect((await store.listDatasets(other)).map((d) => d.id)).toEqual(['x1']);
    expect(await store.getDataset(other, 'd1')).toBeNull();
    expect(await store.getEvents(other, 'd1')).toBeNull();
    expect(await store.deleteDataset(other, 'd1')).toBe(false);
    expect(await store.getDataset(ws, 'd1')).not.toBeNull();
  });

  it('given a kept upload, when read and then deleted, then the bytes come back and afterwards are gone', async () => {
    await store.createDataset(dataset('d1', { raw: blob(1234) }));
    expect((await store.listDatasets(ws))[0]?.hasRaw).toBe(true);
    expect(await store.getRaw(ws, 'd1')).toEqual({ bytes: blob(1234), fileName: 'd1.csv' });
    expect(await store.deleteRaw(ws, 'd1')).toBe(true);
    expect(await store.getRaw(ws, 'd1')).toBeNull();
    expect(await store.deleteRaw(ws, 'd1')).toBe(false);
    expect((await store.getDataset(ws, 'd1'))?.hasRaw).toBe(false);
  });

  it('given a dataset, when attached to a journey and detached, then the mapping and who/when are kept and cleared', async () => {
    await store.createDataset(dataset('d1'));
    const attachment = { steps: { 'Report noise': 'reports-incident' } };
    const attached = await store.setAttachment(ws, 'd1', { journeyId: 'j1', attachment, by: ann, at: T1 });
    expect(attached).toMatchObject({
      journeyId: 'j1',
      attachment,
      attachedAt: T1,
      attachedBy: { id: 'ann' },
    });
    expect((await store.listAttachedTo(ws, 'j1')).map((d) => d.id)).toEqual(['d1']);
    const detached = await store.setAttachment(ws, 'd1', null);
    expect(detached).toMatchObject({ journeyId: null, attachment: null, attachedAt: null, attachedBy: null });
    expect(await store.listAttachedTo(ws, 'j1')).toEqual([]);
    expect(await store.setAttachment(ws, 'missing', null)).toBeNull();
  });

  it('given an attached dataset, when its journey is purged, then the dataset stays, no longer attached', async () => {
    await store.createDataset(dataset('d1'));
    await store.setAttachment(ws, 'd1', { journeyId: 'j1', attachment: {}, by: ann, at: T1 });
    await fixture.stores.journeys.softDelete(ws, 'j1' as JourneyId, T1);
    await fixture.stores.journeys.purgeDeleted('2027-01-01T00:00:00.000Z');
    expect(await store.getDataset(ws, 'd1')).toMatchObject({ id: 'd1', journeyId: null });
  });

  it('given a dataset, when deleted, then it and its events are gone', async () => {
    await store.createDataset(dataset('d1', { raw: blob(10) }));
    expect(await store.deleteDataset(ws, 'd1')).toBe(true);
    expect(await store.getDataset(ws, 'd1')).toBeNull();
    expect(await store.getEvents(ws, 'd1')).toBeNull();
    expect(await store.deleteDataset(ws, 'd1')).toBe(false);
  });

  const parts = async () =>
    (
      await fixture.stores.sql.query<{ n: number; size: number }>(
        'SELECT count(*)::int AS n, coalesce(max(length(bytes)), 0)::int AS size FROM dataset_blob_parts',
      )
    )[0]!;

  it('given events and an upload larger than a part, when stored, then they are kept in parts no larger than 256 KiB and read back byte for byte; an empty log too', async () => {
    const events = blob(BLOB_PART_BYTES * 3 + 17);
    const raw = blob(BLOB_PART_BYTES * 2);
    await store.createDataset(dataset('d1', { eventsBlob: events, raw }));
    await store.createDataset(dataset('d0', { eventsBlob: new Uint8Array(0) }));
    expect(await parts()).toEqual({ n: 4 + 2 + 1, size: BLOB_PART_BYTES });
    expect(await store.getEvents(ws, 'd1')).toEqual(events);
    expect((await store.getRaw(ws, 'd1'))?.bytes).toEqual(raw);
    expect(await store.getEvents(ws, 'd0')).toEqual(new Uint8Array(0));
  });

  it('given stored parts, when the upload is forgotten, the dataset deleted or its workspace deleted, then their parts go with them', async () => {
    await store.createDataset(dataset('d1', { eventsBlob: blob(BLOB_PART_BYTES + 1), raw: blob(10) }));
    await store.createDataset(dataset('d2'));
    await store.createDataset({ ...dataset('x1'), workspaceId: other });
    expect((await parts()).n).toBe(2 + 1 + 1 + 1);
    await store.deleteRaw(ws, 'd1');
    expect((await parts()).n).toBe(2 + 1 + 1);
    await store.deleteDataset(ws, 'd1');
    expect((await parts()).n).toBe(1 + 1);
    await fixture.stores.sql.query('DELETE FROM workspaces WHERE id = $1', [other]);
    expect((await parts()).n).toBe(1);
    expect(await store.getEvents(ws, 'd2')).toEqual(blob(70_000));
  });

  it('given a refused dataset (id taken) and parts a stopped server left a day ago, when a dataset is created, then neither leaves parts behind, while parts written just now are kept', async () => {
    await store.createDataset(dataset('d1'));
    expect((await store.createDataset(dataset('d1', { eventsBlob: blob(BLOB_PART_BYTES * 2) }))).ok).toBe(
      false,
    );
    expect((await parts()).n).toBe(1);
    await fixture.stores.sql.query(
      `INSERT INTO dataset_blob_parts (blob_id, n, bytes, written_at) VALUES
         ('e-old', 0, '\\x01', now() - interval '2 days'), ('e-writing', 0, '\\x02', now())`,
    );
    await store.createDataset(dataset('d2'));
    const ids = await fixture.stores.sql.query<{ blob_id: string }>(
      "SELECT DISTINCT blob_id FROM dataset_blob_parts WHERE blob_id IN ('e-old', 'e-writing')",
    );
    expect(ids).toEqual([{ blob_id: 'e-writing' }]);
  });
}
