import { readFileSync } from 'node:fs';
import { readJourneyText } from '@waymark/document';
import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { exampleCostModel } from './cost.examples';

const ws = 'w1' as WorkspaceId;
const example = (name: string) => {
  const r = readJourneyText(
    readFileSync(new URL(`../../../../examples/${name}.yaml`, import.meta.url), 'utf8'),
  );
  if (!r.ok) throw new Error(name);
  return r.value;
};
const deflatorPath = (q: Record<string, string>) =>
  `/api/admin/deflator?${new URLSearchParams({ title: 'GDP deflators: test', published: '2026-09', url: 'https://www.gov.uk/x', ...q })}`;
const csv = { 'content-type': 'text/csv' };

describe('cost model routes (issue 13 item 2)', () => {
  let t: TestApi;
  let owner: Client;
  let editor: Client;
  let viewer: Client;
  beforeAll(async () => {
    // Given: Olive (the instance administrator) owns w1 with the Melton journeys; Ed edits, Vi views.
    t = await createTestApi();
    await t.addUser('Olive', { ws, role: 'owner' });
    await t.addUser('Ed', { ws, role: 'editor' });
    await t.addUser('Vi', { ws, role: 'viewer' });
    owner = await t.signIn('Olive');
    editor = await t.signIn('Ed');
    viewer = await t.signIn('Vi');
    for (const name of ['melton-asb-victim-current', 'melton-asb-victim-desired']) {
      await seedJourney(t, ws, { ...example(name), id: name as never }, { at: new Date().toISOString() });
    }
  });
  afterAll(() => t.close());

  const compare = async (query = '') => {
    const res = await viewer.request(
      'GET',
      `/api/workspaces/w1/compare?current=melton-asb-victim-current&desired=melton-asb-victim-desired${query}`,
    );
    expect(res.status, await res.clone().text()).toBe(200);
    return (
      (await res.json()) as {
        comparison: { costBasis: Record<string, unknown>; current: { totals: { cost: number } } };
      }
    ).comparison;
  };

  it('an editor adds a model built up from staff time, makes it the default, and Compare then uses and names it', async () => {
    const before = await compare();
    expect(before.costBasis).toMatchObject({ modelId: 'socitm-2011', shownIn: '2011' });
    const made = await editor.request('POST', '/api/workspaces/w1/cost-models', exampleCostModel);
    expect(made.status, await made.clone().text()).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const list = (await (await viewer.request('GET', '/api/workspaces/w1/cost-models')).json()) as {
      models: { id: string; name: string }[];
      published: { id: string; priceYear: string }[];
      deflator: { published: string; last: string; loaded: boolean };
    };
    expect(list.models.map((m) => m.name)).toEqual(['Melton 2026']);
    expect(list.published.map((m) => [m.id, m.priceYear])).toContainEqual(['socitm-2011', '2011']);
    expect(list.deflator).toMatchObject({ published: '2025-12', last: '2024', loaded: false });
    const chosen = await editor.request('PUT', '/api/workspaces/w1/cost-default', {
      modelId: id,
      priceYear: null,
    });
    expect(chosen.status, await chosen.clone().text()).toBe(200);
    const after = await compare();
    expect(after.costBasis).toMatchObject({
      modelId: id,
      modelName: 'Melton 2026',
      kind: 'workspace',
      shownIn: '2024',
    });
    // one choice for one comparison: Socitm uprated to 2024 prices
    const asked = await compare('&costModel=socitm-2011&priceYear=2024');
    expect(asked.costBasis).toMatchObject({ modelId: 'socitm-2011', shownIn: '2024', uprated: true });
    const md = await viewer.request(
      'GET',
      `/api/workspaces/w1/compare?current=melton-asb-victim-current&desired=melton-asb-victim-desired&format=md`,
    );
    expect(await md.text()).toContain('Costs: Workspace model ‘Melton 2026’, 2024 prices.');
  });

  it('refuses a bad model naming the field, a published table’s change, an unknown model and an unreachable price year', async () => {
    const bad = await editor.request('POST', '/api/workspaces/w1/cost-models', {
      ...exampleCostModel,
      lines: [{ ...exampleCostModel.lines[0], hoursPerYear: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('lines[0].hoursPerYear');
    expect(
      (await editor.request('PUT', '/api/workspaces/w1/cost-models/socitm-2011', exampleCostModel)).status,
    ).toBe(403);
    expect(
      (await editor.request('PUT', '/api/workspaces/w1/cost-default', { modelId: 'nope', priceYear: null }))
        .status,
    ).toBe(404);
    const late = await editor.request('PUT', '/api/workspaces/w1/cost-default', {
      modelId: 'socitm-2011',
      priceYear: '2031',
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('expected a year in the deflator series (1990 to 2024)');
  });

  it('an instance administrator loads a newer deflator; wrong columns, text, an empty file and a huge one are refused by line', async () => {
    const put = (body: string, q: Record<string, string> = {}) =>
      owner.request('PUT', deflatorPath(q), body, csv);
    const problems = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { problems: { path: string; message: string }[] }).problems.map(
        (p) => `${p.path}: ${p.message}`,
      );
    };
    expect(await problems(await put('Financial year,2024-25 = 100\n2023-24,97\n'))).toEqual([
      'line 1: expected the header "year,index"; got "Financial year,2024-25 = 100"',
    ]);
    expect(await problems(await put('year,index\n2024,100\n2025,about 103\n'))).toEqual([
      'line 3: expected an index above zero such as 70.834; got "about 103"',
    ]);
    expect(await problems(await put(''))).toEqual(['file: expected a header line "year,index"']);
    expect(await problems(await put('year,index\n2024,100\n2025,103\n', { url: 'gov.uk' }))).toEqual([
      'url: expected the https:// address the file was published at',
    ]);
    // each problem's code and values, for the costs page to say in its own words
    const coded = await put('year,index\n2024,100\n2025,about 103\n2024,101\n');
    expect(coded.status).toBe(400);
    expect(((await coded.json()) as { problems: unknown[] }).problems).toEqual([
      {
        path: 'line 3',
        message: 'expected an index above zero such as 70.834; got "about 103"',
        reason: 'bad_index',
        values: { line: 3, got: 'about 103' },
      },
      {
        path: 'line 4',
        message: 'expected each year once; 2024 is repeated',
        reason: 'repeated_year',
        values: { line: 4, year: '2024', firstLine: 2 },
      },
    ]);
    const huge = await put(`year,index\n${'2024,100\n'.repeat(9000)}`);
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { problems: unknown[] }).problems).toEqual([
      {
        path: 'file',
        message: 'expected a file of at most 64 KB',
        reason: 'too_large',
        values: { limitKb: 64 },
      },
    ]);
    expect(await t.stores.costs.getDeflator()).toBeNull();
    const ok = await put('year,index\n2011,70.834\n2024,100\n2026,104.5\n');
    expect(ok.status, await ok.clone().text()).toBe(200);
    const asked = await compare('&costModel=socitm-2011&priceYear=2026');
    expect(asked.costBasis).toMatchObject({
      shownIn: '2026',
      uprated: true,
      deflator: { published: '2026-09' },
    });
  });
});
