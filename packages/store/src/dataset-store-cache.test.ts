import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatasetStore } from './dataset-store';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import type { Sql } from './sql';
import { createSqlDatasetStore } from './sql-dataset-store';
import { createTestStores, seedOwner } from './test-database';

const T0 = '2026-01-01T09:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;

describe("a dataset's page reads its analysis once while the dataset is unchanged (PGlite)", () => {
  let stores: Stores;
  let analysisReads: number;
  let datasets: DatasetStore;
  beforeEach(async () => {
    stores = await createTestStores();
    await seedOwner(stores, ann, ws, T0);
    await stores.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('j1'),
      kind: 'create',
      commands: [],
      by: ann,
      at: T0,
    });
    analysisReads = 0;
    const counting: Sql = {
      ...stores.sql,
      query: (text, params) => {
        if (/SELECT[^;]*d\.result/.test(text)) analysisReads++;
        return stores.sql.query(text, params);
      },
    };
    datasets = createSqlDatasetStore(counting);
    const made = await datasets.createDataset({
      workspaceId: ws,
      id: 'd1',
      name: 'Contacts',
      fileName: 'contacts.csv',
      format: 'csv',
      sizeBytes: 100,
      mapping: { case: 'case_id', activity: 'activity', timestamp: 'timestamp' },
      options: {},
      cases: 2,
      events: 5,
      rejectedRows: 0,
      rejections: [],
      result: { log: { cases: 2, events: 5 } },
      eventsBlob: new Uint8Array([1, 2, 3]),
      raw: new Uint8Array([4, 5, 6]),
      by: ann,
      at: T0,
    });
    if (!made.ok) throw new Error(made.error.message);
  });
  afterEach(() => stores.close());

  it('given a dataset read once, when read again unchanged, then its analysis is not read again', async () => {
    const first = await datasets.getDataset(ws, 'd1');
    analysisReads = 0;
    expect(await datasets.getDataset(ws, 'd1')).toEqual(first);
    expect(analysisReads).toBe(0);
  });

  it('given a dataset read once, when it is attached, its upload deleted, or its journey purged, then the next read shows it', async () => {
    await datasets.getDataset(ws, 'd1');
    const attachment = { steps: { Apply: 's1' } };
    await datasets.setAttachment(ws, 'd1', { journeyId: 'j1', attachment, by: ann, at: T0 });
    expect(await datasets.getDataset(ws, 'd1')).toMatchObject({ journeyId: 'j1', attachment });
    // The same time, another mapping: seen too.
    await datasets.setAttachment(ws, 'd1', { journeyId: 'j1', attachment: { steps: {} }, by: ann, at: T0 });
    expect((await datasets.getDataset(ws, 'd1'))?.attachment).toEqual({ steps: {} });
    await datasets.deleteRaw(ws, 'd1');
    expect((await datasets.getDataset(ws, 'd1'))?.hasRaw).toBe(false);
    // Changed behind the store's back, as a purge of the journey does through the foreign key.
    await stores.journeys.softDelete(ws, 'j1' as JourneyId, T0);
    await stores.journeys.purgeDeleted('2026-02-01T00:00:00.000Z');
    expect((await datasets.getDataset(ws, 'd1'))?.journeyId).toBeNull();
    await datasets.deleteDataset(ws, 'd1');
    expect(await datasets.getDataset(ws, 'd1')).toBeNull();
  });
});
