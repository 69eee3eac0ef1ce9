import type { JourneyId } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNow } from '../testing/import-jobs';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

// Issue 13 item 2: a log's unit-cost cards on a map say which model and price base priced them.
const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/datasets';
const log = `case,activity,timestamp,channel
C-1,Report noise,2026-01-05T09:00:00Z,Phone
C-1,Visit,2026-01-19T09:00:00Z,Phone
C-2,Report noise,2026-02-02T10:00:00Z,Web
C-2,Visit,2026-02-04T10:00:00Z,Phone
`;
const mapping = { case: 'case', activity: 'activity', timestamp: 'timestamp', channel: 'channel' };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('unit-cost cards from a log name their cost basis', () => {
  let t: TestApi;
  let ed: Client;
  beforeAll(async () => {
    t = await createTestApi({ limits: { uploadBytes: 64 * 1024 } });
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    for (const id of ['j1', 'j2']) await seedJourney(t, ws, id);
    ed = await t.signIn('Ed');
  });
  afterAll(() => t.close());

  const attach = async (journeyId: string): Promise<{ value: number; note: string }[]> => {
    const up = await ed.request('POST', `${base}/uploads?name=log.csv`, log, { 'content-type': 'text/csv' });
    const { uploadId } = (await up.json()) as Json;
    const made = await importNow(ed, 'w1', { uploadId, name: `Log ${journeyId}`, mapping });
    const d = (await made.json()) as Json;
    const att = await ed.request('PUT', `${base}/${d['id']}/attachment`, {
      journeyId,
      baseVersion: 1,
      steps: { 'Report noise': 's1', Visit: 's2' },
    });
    expect(att.status, await att.clone().text()).toBe(200);
    const j = (await t.stores.journeys.getJourney(ws, journeyId as JourneyId))!;
    return j.journey.cards
      .filter((c) => c.kind === 'metric' && c.origin === 'log' && c.metric === 'unit-cost')
      .map((c) => ({ value: (c as { value: number }).value, note: (c as { note: string }).note }));
  };

  it('given no default model, the card names Socitm 2011 as published', async () => {
    const cards = await attach('j1');
    expect(cards.length).toBeGreaterThan(0);
    for (const c of cards) expect(c.note).toContain('Socitm');
    for (const c of cards) expect(c.note).toContain('2011 prices');
  });

  it('given the workspace’s default model, the cards are priced by it and name it with its price base', async () => {
    const made = await ed.request('POST', '/api/workspaces/w1/cost-models', {
      name: 'Noise desk 2025',
      priceYear: '2025',
      lines: [
        { scope: 'channel', key: 'telephone', method: 'direct', unitCost: 4.1 },
        { scope: 'channel', key: 'web', method: 'direct', unitCost: 0.3 },
      ],
    });
    expect(made.status, await made.clone().text()).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const chosen = await ed.request('PUT', '/api/workspaces/w1/cost-default', {
      modelId: id,
      priceYear: null,
    });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    const cards = await attach('j2');
    // s1: one phone and one web contact → (4.10 + 0.30) / 2 = £2.20; s2: two phone contacts → £4.10
    expect(cards.map((c) => c.value).sort()).toEqual([2.2, 4.1]);
    for (const c of cards)
      expect(c.note).toBe('£ per contact by channel (Workspace model ‘Noise desk 2025’, 2025 prices)');
  });
});
