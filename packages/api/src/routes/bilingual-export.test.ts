import { sampleJourney } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';

const base = '/api/workspaces/w1';

/** The sample journey in English and Welsh: a Welsh title and a Welsh text on its first card. */
function bilingualSample() {
  const j = sampleJourney('j1');
  const [first, ...rest] = j.cards;
  return {
    ...j,
    meta: { ...j.meta, languages: ['en', 'cy'], translations: { cy: { title: 'Taith sampl' } } },
    cards: [{ ...first!, translations: { cy: { text: 'Testun Cymraeg' } } }, ...rest],
  };
}

describe('exports of a bilingual journey (decision 0023)', () => {
  let t: TestApi;
  let ed: Client;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    ed = await t.signIn('Ed');
    expect((await ed.request('POST', `${base}/journeys`, { journey: bilingualSample() })).status).toBe(201);
  });
  afterEach(() => t.close());

  it('given locale=cy and languages=cy, then the SVG has Welsh words and the Welsh text alone', async () => {
    const res = await ed.request('GET', `${base}/journeys/j1/export?format=svg&locale=cy&languages=cy`);
    const svg = await res.text();
    expect(res.status).toBe(200);
    expect(svg).toContain('xml:lang="cy-GB"');
    expect(svg).toContain('Map taith: Taith sampl');
    expect(svg).toContain('Testun Cymraeg');
  });

  it('given no options, then both languages are shown and the Welsh is marked', async () => {
    const svg = await (await ed.request('GET', `${base}/journeys/j1/export?format=svg`)).text();
    expect(svg).toMatch(/xml:lang="cy-GB"[^>]*>.*Testun Cymraeg/);
    const csv = await (await ed.request('GET', `${base}/journeys/j1/export?format=csv`)).text();
    expect(csv.split('\r\n')[0]).toMatch(/,text \(cy\)$/);
    expect(csv).toContain('Testun Cymraeg');
  });

  it('given a bad languages value, then a 400 names the field', async () => {
    const res = await ed.request('GET', `${base}/journeys/j1/export?format=svg&languages=fr`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('languages');
  });
});
