import type { Journey } from '@waymark/core';
import { sampleJourney, type UserId, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { seedDataset } from './dataset.examples';

const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/datasets';
type Reached = { rule: unknown; reached: number; cases: number; share: number };

describe("a dataset attached to a journey measures the journey's Successful Customer Outcome (issue 13 item 5)", () => {
  let t: TestApi;
  let vi: Client;
  const attach = async (datasetId: string, journey: Journey) => {
    await seedJourney(t, ws, journey);
    await seedDataset(t, datasetId);
    await t.stores.datasets.setAttachment(ws, datasetId, {
      journeyId: journey.id,
      attachment: { steps: { 'Report noise': 's1', Visit: 's3' }, measures: [] },
      by: 'u-vi' as UserId,
      at: t.caps.clock().toISOString(),
    });
  };
  const get = async (path: string) => {
    const res = await vi.request('GET', `${base}/${path}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { result: { successfulOutcome?: Reached } }).result;
  };

  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Vi', { ws, role: 'viewer' });
    vi = await t.signIn('Vi');
    const withRule = (id: string, outcomeRule: Journey['meta']['outcomeRule']): Journey => {
      const j = sampleJourney(id);
      return { ...j, meta: { ...j.meta, outcomeRule } };
    };
    await attach('by-activity', withRule('ja', { activity: 'Visit' }));
    await attach('by-condition', withRule('jc', { dimension: 'outcome', value: 'Resolved' }));
    await attach('no-rule', sampleJourney('jn'));
    const classed = sampleJourney('jv');
    await attach('classed', {
      ...classed,
      meta: {
        ...classed.meta,
        valueClasses: { Visit: 'value-added', 'Report noise': 'necessary', 'Chase progress': 'waste' },
      },
    });
  });
  afterAll(() => t.close());

  it('given the journey stores an activity, then the dataset page measures it without being asked', async () => {
    const r = await get('by-activity');
    expect(r.successfulOutcome).toMatchObject({
      rule: { activity: 'Visit' },
      reached: 1,
      cases: 2,
      share: 0.5,
    });
  });

  it('given the journey stores a column=value condition, then that condition is measured', async () => {
    const r = await get('by-condition');
    expect(r.successfulOutcome).toMatchObject({
      rule: { dimension: 'outcome', value: 'Resolved' },
      reached: 2,
      cases: 2,
    });
  });

  it('given ?sco= or ?scoWhen=, then the asked-for rule wins over the stored one', async () => {
    expect((await get('by-activity?sco=Chase%20progress')).successfulOutcome).toMatchObject({
      rule: { activity: 'Chase progress' },
      reached: 1,
    });
    expect((await get('no-rule?scoWhen=outcome%3Dlogged')).successfulOutcome).toMatchObject({
      rule: { dimension: 'outcome', value: 'logged' },
      reached: 1,
    });
  });

  it('given no stored rule and none asked for, then there is no SCO figure; a malformed condition is a 400 naming scoWhen', async () => {
    expect((await get('no-rule')).successfulOutcome ?? undefined).toBeUndefined();
    const bad = await vi.request('GET', `${base}/no-rule?scoWhen=postcode`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { path: string } }).error.path).toBe('scoWhen');
  });

  it("given the journey classes the log's activities, then the value-added ratio is measured with them", async () => {
    const r = (await get('classed')) as { valueAdded?: unknown };
    // 1 value-added event (Visit) of 4 classified; the small log has no start times, so by count
    expect(r.valueAdded).toEqual({
      byCount: 0.25,
      events: { 'value-added': 1, necessary: 2, waste: 1, unclassified: 0 },
      lean: false,
    });
    expect(((await get('no-rule')) as { valueAdded?: unknown }).valueAdded ?? undefined).toBeUndefined();
    // and of the cases a filter keeps: case A alone (Report noise, Chase progress, Visit)
    expect(((await get('classed?channel=Phone')) as { valueAdded?: unknown }).valueAdded).toMatchObject({
      byCount: 1 / 3,
      events: { 'value-added': 1, necessary: 1, waste: 1, unclassified: 0 },
    });
  });
});
