import type { LaneId } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { base64, exampleSurveyCsv, exampleSurveyMapping } from './survey.examples';

const journey = '/api/workspaces/w1/journeys/j1';

describe('the survey band reaches the share view and the poster (issue 13 item 3)', () => {
  let t: TestApi;
  let ed: Client;
  beforeAll(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    ed = await t.signIn('Ed');
    // the sample journey with an emotion lane, where the band is drawn
    const j = sampleJourney('j1');
    await seedJourney(t, 'w1', {
      ...j,
      lanes: [...j.lanes, { id: 'feel' as LaneId, kind: 'emotion', label: 'Emotion' }],
    });
    const imported = await ed.request('POST', `${journey}/surveys`, {
      name: 'Reporting, March',
      file: base64(exampleSurveyCsv),
      mapping: exampleSurveyMapping,
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
  });
  afterAll(() => t.close());

  it("given a surveyed step, then a share link's reader gets the band the editor draws, and no answers or quotes", async () => {
    const evidence = (await (await ed.request('GET', `${journey}/survey-evidence`)).json()) as {
      steps: { stepId: string; emotion: { n: number; low: number; high: number } | null }[];
    };
    const s1 = evidence.steps.find((s) => s.stepId === 's1')!.emotion!;
    expect(s1.n).toBe(3);
    const expiresAt = new Date(t.caps.clock().getTime() + 3_600_000).toISOString();
    const { token } = (await (await ed.request('POST', `${journey}/shares`, { expiresAt })).json()) as {
      token: string;
    };
    const read = (await (await clientWith(t.app, {}).request('GET', `/api/share/${token}`)).json()) as Record<
      string,
      unknown
    >;
    expect(read['surveyBands']).toEqual([{ stepId: 's1', low: s1.low, high: s1.high, n: 3 }]);
    expect(JSON.stringify(read)).not.toContain('Quick and kind');
  });

  it('given the SVG export, then the poster shades the band with its n and legend', async () => {
    const svg = await (await ed.request('GET', `${journey}/export?format=svg`)).text();
    expect(svg).toContain('data-role="survey-band"');
    expect(svg).toContain('survey n=3');
    expect(svg).toContain('Shaded band: survey, 95% interval');
  });
});
