import { parseJourney, type Journey, type JourneyId } from '@waymark/core';
import { costTables, stepFigures, type CostTable } from '@waymark/measure';
import type { WorkspaceId } from '@waymark/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type TestApi } from '../testing/test-api';
import {
  backgroundSummariesSettled,
  catchUpSummaries,
  INLINE_SUMMARIES,
  summariseOnSave,
} from './background-summaries';
import { costWith, summariseJourney, SUMMARY_FORMAT } from './journey-summary';

// Issue 14 item 3 (decision 0039): summaries kept up to date in the background, never hundreds in one request;
// the cost per journey with the workspace's own default cost model.

/** A journey of three steps: telephone, web, letter and email touchpoints, and a step costed by a unit-cost metric. */
function journey(id: string, calls = 2): Journey {
  const parsed = parseJourney({
    schemaVersion: 2,
    id,
    meta: { title: `Housing repairs ${id}`, journeyType: 'current', owner: 'Ann' },
    stages: [{ id: 'g', name: 'Report' }],
    columns: [
      { id: 's1', label: 'Reports the repair', stageId: 'g', durationDays: 1 },
      { id: 's2', label: 'Chases it', stageId: 'g', durationDays: 9 },
      { id: 's3', label: 'Visit', stageId: 'g', durationDays: 3 },
    ],
    lanes: [
      { id: 'tp', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'm', kind: 'metric', label: 'Figures' },
      { id: 'em', kind: 'emotion', label: 'Emotion' },
    ],
    cards: [
      { id: 't1', kind: 'touchpoint', laneId: 'tp', columnId: 's1', text: 'Form', channel: 'web' },
      {
        id: 't2',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 's2',
        text: 'Rings',
        channel: 'telephone',
        contacts: calls,
      },
      { id: 't3', kind: 'touchpoint', laneId: 'tp', columnId: 's2', text: 'Writes', channel: 'letter' },
      { id: 't4', kind: 'touchpoint', laneId: 'tp', columnId: 's2', text: 'Emails', channel: 'email' },
      { id: 'm1', kind: 'metric', laneId: 'm', columnId: 's3', metric: 'unit-cost', value: 41.37 },
      { id: 'e1', kind: 'emotion', laneId: 'em', columnId: 's2', score: -60 },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

interface PortfolioBody {
  items: {
    journeyId: string;
    summaryPending: boolean;
    headline: { contacts: number; cost: string | null };
  }[];
  pending: number;
  costBasis: { modelId: string; modelName: string; kind: string; shownIn: string } | null;
}

describe('summaries kept up to date (issue 14 item 3, decision 0039)', () => {
  let t: TestApi;
  afterEach(async () => {
    await backgroundSummariesSettled(t.stores.library);
    await t.close();
  });

  it('given more journeys imported than a request computes, when the portfolio opens, then it shows what is ready, says how many are pending, and the background finishes them', async () => {
    // Given: one journey summarised, then a bulk import of INLINE_SUMMARIES + 3 more straight into the store.
    t = await createTestApi();
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    const vi = await t.signIn('Vi');
    await seedJourney(t, 'w1', journey('ready'));
    const before = (await (await vi.request('GET', '/api/workspaces/w1/portfolio')).json()) as PortfolioBody;
    expect([before.pending, before.items[0]!.summaryPending]).toEqual([0, false]);
    const imported = INLINE_SUMMARIES + 3;
    for (let i = 0; i < imported; i++) await seedJourney(t, 'w1', journey(`bulk-${i}`));
    // When: the portfolio is opened.
    const first = await vi.request('GET', '/api/workspaces/w1/portfolio');
    const body = (await first.json()) as PortfolioBody;
    // Then: every journey is listed, the ready one with its figures, the imported ones pending (not computed inline).
    expect(first.status).toBe(200);
    expect(body.items).toHaveLength(imported + 1);
    expect(body.pending).toBe(imported);
    expect(body.items.filter((i) => i.summaryPending)).toHaveLength(imported);
    expect(body.items.find((i) => i.journeyId === 'ready')).toMatchObject({
      summaryPending: false,
      headline: { contacts: 5 },
    });
    // And: search also answers from what is ready, saying how many are still being worked out.
    const search = await vi.request('GET', '/api/search?q=repairs');
    expect(search.status).toBe(200);
    // (how many it says are pending depends on how far the background has got meanwhile)
    expect(((await search.json()) as { pending: number }).pending).toBeLessThanOrEqual(imported);
    // When: the background has finished, the next request has every journey's figures and nothing pending.
    await backgroundSummariesSettled(t.stores.library);
    expect(await t.stores.library.staleJourneys(['w1' as WorkspaceId], SUMMARY_FORMAT)).toEqual([]);
    const later = (await (await vi.request('GET', '/api/workspaces/w1/portfolio')).json()) as PortfolioBody;
    expect(later.pending).toBe(0);
    expect(later.items.every((i) => !i.summaryPending && i.headline.contacts === 5)).toBe(true);
    const found = (await (await vi.request('GET', '/api/search?q=repairs')).json()) as {
      items: unknown[];
      pending: number;
    };
    expect(found.items.length).toBeGreaterThanOrEqual(imported + 1);
    expect(found.pending).toBe(0);
  }, 180_000);

  it('given a journey saved through the server’s journey store, when nothing asks, then its summary is computed in the background', async () => {
    t = await createTestApi();
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    const deps = { journeys: t.stores.journeys, library: t.stores.library, clock: t.caps.clock };
    const journeys = summariseOnSave(t.stores.journeys, t.stores.library, deps);
    // When: a journey is created and then given a new version, with no portfolio or search request.
    const made = await journeys.createJourney({
      workspaceId: 'w1' as WorkspaceId,
      journey: journey('j1'),
      kind: 'create',
      commands: [],
      by: null,
      at: t.caps.clock().toISOString(),
    });
    expect(made.ok).toBe(true);
    const edited = await journeys.appendVersion({
      workspaceId: 'w1' as WorkspaceId,
      journey: journey('j1', 7),
      kind: 'commands',
      commands: [],
      by: null,
      at: t.caps.clock().toISOString(),
      baseVersion: 1,
    });
    expect(edited.ok).toBe(true);
    await backgroundSummariesSettled(t.stores.library);
    // Then: the stored summary is of version 2 and this format, with version 2's figures.
    const [item] = await t.stores.library.listLibrary(['w1' as WorkspaceId]);
    expect([item?.summaryVersion, item?.summaryFormat]).toEqual([2, SUMMARY_FORMAT]);
    expect((item?.summary as { contacts: number }).contacts).toBe(10);
  }, 60_000);

  it('given summaries of an older format, when the server starts, then they are queued and rewritten in the background', async () => {
    t = await createTestApi();
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    for (const id of ['a', 'b']) {
      await seedJourney(t, 'w1', journey(id));
      // Written as before migration 025: format 1, without the cost inputs.
      await t.stores.library.saveSummary({
        workspaceId: 'w1' as WorkspaceId,
        journeyId: id as JourneyId,
        version: 1,
        summary: { contacts: 5 },
        entries: [],
        at: t.caps.clock().toISOString(),
      });
    }
    const deps = {
      accounts: t.stores.accounts,
      journeys: t.stores.journeys,
      library: t.stores.library,
      clock: t.caps.clock,
    };
    // When: the start-up catch-up runs.
    expect(await catchUpSummaries(deps)).toBe(2);
    await backgroundSummariesSettled(t.stores.library);
    // Then: both are current, in this format.
    expect(await t.stores.library.staleJourneys(['w1' as WorkspaceId], SUMMARY_FORMAT)).toEqual([]);
    const listed = await t.stores.library.listLibrary(['w1' as WorkspaceId]);
    expect(listed.map((i) => i.summaryFormat)).toEqual([SUMMARY_FORMAT, SUMMARY_FORMAT]);
  }, 60_000);

  it('costs each journey with the workspace’s default cost model and says which model and price base', async () => {
    // Given: w1's default model costs a telephone contact £4.10, web £0.55 and a letter £1.20.
    t = await createTestApi();
    await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
    const vi = await t.signIn('Vi');
    await seedJourney(t, 'w1', journey('j1'));
    const put = await t.stores.costs.putCostModel({
      workspaceId: 'w1' as WorkspaceId,
      id: 'melton',
      name: 'Melton 2024',
      priceYear: '2024',
      lines: [
        { scope: 'channel', key: 'telephone', method: 'direct', unitCost: 4.1 },
        { scope: 'channel', key: 'web', method: 'direct', unitCost: 0.55 },
        { scope: 'channel', key: 'letter', method: 'direct', unitCost: 1.2 },
      ],
      by: null,
      at: t.caps.clock().toISOString(),
    });
    expect(put.ok).toBe(true);
    await t.stores.costs.setCostDefault(
      'w1' as WorkspaceId,
      { modelId: 'melton', priceYear: null },
      null,
      t.caps.clock().toISOString(),
    );
    // When: the portfolio is opened.
    const body = (await (await vi.request('GET', '/api/workspaces/w1/portfolio')).json()) as PortfolioBody;
    // Then: 0.55 + (2 × 4.10 + 1.20; email has no price) + 41.37 = £51.32, and the basis names the model.
    expect(body.items[0]!.headline.cost).toBe('51.32');
    expect(body.costBasis).toMatchObject({ modelId: 'melton', modelName: 'Melton 2024', kind: 'workspace' });
    expect(body.costBasis?.shownIn).toBe('2024');
    // And: the CSV's cost basis column says so too.
    const csv = await (await vi.request('GET', '/api/workspaces/w1/portfolio?format=csv&locale=en')).text();
    expect(csv.split('\n')[1]).toContain('51.32');
    expect(csv.split('\n')[1]).toContain('Melton 2024');
    // When: the default goes back to Waymark's, the same summary is costed with Socitm 2011 (no recomputation).
    await t.stores.costs.setCostDefault('w1' as WorkspaceId, null, null, t.caps.clock().toISOString());
    const socitm = (await (await vi.request('GET', '/api/workspaces/w1/portfolio')).json()) as PortfolioBody;
    // 0.15 + 2 × 2.83 (letter and email unpriced) + 41.37 = £47.18
    expect(socitm.items[0]!.headline.cost).toBe('47.18');
    expect(socitm.costBasis).toMatchObject({ modelId: 'socitm-2011', shownIn: '2011' });
  }, 60_000);
});

describe('costWith: the summary’s cost inputs give stepFigures’ cost per journey with any table', () => {
  const tables: CostTable[] = [
    ...costTables,
    { id: 'odd', source: 'Odd', year: 2024, perContact: { telephone: 3.335, post: 0.615, email: 0.005 } },
    { id: 'none', source: 'None', year: 2024, perContact: {} },
  ];
  for (const table of tables)
    it(`with ${table.id}`, () => {
      for (const calls of [1, 2, 3, 7]) {
        const j = journey('j', calls);
        const steps = j.columns.map((c) => stepFigures(j, c, table).cost);
        const costed = steps.filter((c): c is number => c !== null);
        const expected = costed.length === 0 ? null : Math.round(costed.reduce((a, b) => a + b, 0) * 100);
        expect(costWith(summariseJourney(j).detail!.costInputs, table)).toBe(expected);
      }
    });
});
