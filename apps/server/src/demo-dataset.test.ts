import { resolve } from 'node:path';
import { createArgon2Hasher } from '@waymark/api';
import type { JourneyId } from '@waymark/core';
import { createMemoryKeyring, createTestStores, type WorkspaceId } from '@waymark/store';
import { expect, it } from 'vitest';
import { demoDatasetId, demoJourneyId } from './demo-dataset';
import { runFirstStart } from './first-start';

const examples = resolve(new URL('../../../examples', import.meta.url).pathname);
const demo = 'demo' as WorkspaceId;

async function firstStart() {
  const stores = await createTestStores();
  let n = 0;
  const caps = {
    clock: () => new Date('2026-01-01T00:00:00Z'),
    newId: () => `id${++n}`,
    randomBytes: (k: number) => new Uint8Array(k).fill(n + 7),
    passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
  };
  const first = await runFirstStart(
    stores,
    caps,
    'admin@example.org',
    examples,
    createMemoryKeyring((k) => new Uint8Array(k).fill(9)),
  );
  return { stores, first };
}

it('given the examples, when the server starts the first time, then the demo workspace has a generated contact log attached to the change-of-address journey, the same every time', async () => {
  const a = await firstStart();
  const b = await firstStart();
  try {
    expect(a.first?.skipped).toEqual([]);
    expect(a.first?.demoLog).toEqual({ attachedTo: 'multi-service-change-of-address' });
    const dataset = await a.stores.datasets.getDataset(demo, demoDatasetId);
    expect(dataset).toMatchObject({
      journeyId: demoJourneyId,
      format: 'csv',
      events: 12_000,
      rejectedRows: 0,
    });
    expect(dataset!.cases).toBeGreaterThan(1000);
    // deterministic: a second first start makes the same analysis
    expect((await b.stores.datasets.getDataset(demo, demoDatasetId))?.result).toEqual(dataset!.result);
    // case ids leave only pseudonymised
    expect(JSON.stringify(dataset!.result)).not.toMatch(/COA-\d{8}/);
    const journey = (await a.stores.journeys.getJourney(demo, demoJourneyId as JourneyId))!;
    expect(journey.version).toBe(2);
    const measured = journey.journey.cards.filter((c) => c.kind === 'metric' && c.origin === 'log');
    const stepsWithFigures = new Set(measured.map((c) => c.columnId));
    for (const step of [
      'reports-move',
      'council-tax-updated',
      'benefit-review',
      'more-information',
      'was-it-ok',
    ])
      expect(stepsWithFigures).toContain(step);
    const reports = measured.find(
      (c) => c.columnId === 'reports-move' && c.kind === 'metric' && c.metric === 'contacts',
    );
    // every case opens with one report of the move
    expect(reports && reports.kind === 'metric' && reports.value).toBe(1);
  } finally {
    await a.stores.close();
    await b.stores.close();
  }
});
