import type { JourneyId } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

const w1 = '/api/workspaces/w1';

describe('journeys within journeys and opportunities across journeys, through the API', () => {
  let t: TestApi;
  let ed: Client;
  beforeAll(async () => {
    // Given: Ed edits w1 (journeys move, ctax, hb); Otto owns w2 (journey far).
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    for (const [ws, id] of [
      ['w1', 'move'],
      ['w1', 'ctax'],
      ['w1', 'hb'],
      ['w2', 'far'],
    ] as const) {
      const journey = sampleJourney(id, { title: `Journey ${id}` });
      journey.cards.push({
        id: `${id}-pain`,
        kind: 'pain-point',
        laneId: 'contacts',
        columnId: 's2',
        text: `Told ${id} twice`,
        votes: undefined,
        translations: undefined,
      } as never);
      journey.cards.push({
        id: `${id}-quote`,
        kind: 'feeling',
        laneId: 'contacts',
        columnId: 's2',
        text: `“Why do I have to tell ${id} again?”`,
        mode: 'says',
        quote: true,
      } as never);
      await seedJourney(t, ws, journey);
    }
    ed = await t.signIn('Ed');
  });
  afterAll(() => t.close());

  const errorOf = async (res: Response): Promise<[number, { code: string; path: string }]> => [
    res.status,
    ((await res.json()) as { error: { code: string; path: string } }).error,
  ];

  it('when a step opens a child journey, then the tree and both journeys show it; a cycle is refused with a clear error', async () => {
    const put = await ed.request('PUT', `${w1}/journeys/move/steps/s1/child`, { childJourneyId: 'ctax' });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ parentStepLabel: 'Step 1', childTitle: 'Journey ctax' });
    expect(
      (await ed.request('PUT', `${w1}/journeys/ctax/steps/s2/child`, { childJourneyId: 'hb' })).status,
    ).toBe(200);
    const loop = await ed.request('PUT', `${w1}/journeys/hb/steps/s1/child`, { childJourneyId: 'move' });
    const [status, error] = await errorOf(loop);
    expect(status).toBe(409);
    expect(error).toMatchObject({ code: 'hierarchy_cycle', path: 'childJourneyId' });
    const tree = (await (await ed.request('GET', `${w1}/hierarchy`)).json()) as {
      children: { parentJourneyId: string; childJourneyId: string }[];
    };
    expect(tree.children.map((c) => `${c.parentJourneyId}>${c.childJourneyId}`).sort()).toEqual([
      'ctax>hb',
      'move>ctax',
    ]);
    const ctax = (await (await ed.request('GET', `${w1}/journeys/ctax/connections`)).json()) as {
      parent: { parentJourneyId: string; parentTitle: string };
      children: { childJourneyId: string }[];
    };
    expect(ctax.parent).toMatchObject({ parentJourneyId: 'move', parentTitle: 'Journey move' });
    expect(ctax.children.map((c) => c.childJourneyId)).toEqual(['hb']);
  });

  it('when a journey of another workspace is linked, then journey_not_found: nothing links across workspaces', async () => {
    const [status, error] = await errorOf(
      await ed.request('PUT', `${w1}/journeys/move/steps/s2/child`, { childJourneyId: 'far' }),
    );
    expect([status, error]).toEqual([
      404,
      expect.objectContaining({ code: 'journey_not_found', path: 'childJourneyId' }),
    ]);
    const [s2, e2] = await errorOf(
      await ed.request('POST', `${w1}/step-links`, {
        fromJourneyId: 'ctax',
        fromStepId: 's1',
        toJourneyId: 'far',
        toStepId: 's1',
      }),
    );
    expect([s2, e2.code]).toEqual([404, 'journey_not_found']);
    const [s3, e3] = await errorOf(
      await ed.request('POST', `${w1}/opportunities`, {
        title: 'x',
        links: [{ journeyId: 'far', kind: 'card', target: 'far-pain' }],
      }),
    );
    expect([s3, e3.code, e3.path]).toEqual([404, 'journey_not_found', 'links[0].journeyId']);
    const otto = await t.signIn('Otto');
    const [s4, e4] = await errorOf(await otto.request('GET', `${w1}/opportunities`));
    expect([s4, e4.code]).toEqual([404, 'workspace_not_found']);
  });

  it('when council tax step 2 hands over to housing benefit step 1, then both journeys list the link', async () => {
    const made = await ed.request('POST', `${w1}/step-links`, {
      fromJourneyId: 'ctax',
      fromStepId: 's2',
      toJourneyId: 'hb',
      toStepId: 's1',
      label: 'Passes the claim',
    });
    expect(made.status).toBe(201);
    for (const side of ['ctax', 'hb']) {
      const c = (await (await ed.request('GET', `${w1}/journeys/${side}/connections`)).json()) as {
        stepLinks: { fromStepLabel: string; toTitle: string; label: string }[];
      };
      expect(c.stepLinks).toEqual([
        expect.objectContaining({
          fromStepLabel: 'Step 2',
          toTitle: 'Journey hb',
          label: 'Passes the claim',
        }),
      ]);
    }
  });

  it('given move → ctax → hb, when ctax is exported as an SVG poster, then its step names the journey it opens and the outline names the one above', async () => {
    const res = await ed.request('GET', `${w1}/journeys/ctax/export?format=svg`);
    expect(res.status).toBe(200);
    const svg = await res.text();
    expect(svg).toContain('Opens: Journey hb');
    expect(svg).toMatch(/data-role="hierarchy-outline".*Journey move.*Journey ctax \(this map\)/s);
    const alone = await (await ed.request('GET', `${w1}/journeys/far/export?format=svg`)).text();
    expect(alone).toContain('journey_not_found');
  });

  it('when an opportunity gathers pain points of two journeys, then it names each card, its step and the customers’ words, and each journey lists it', async () => {
    const res = await ed.request('POST', `${w1}/opportunities`, {
      title: 'Tell us once',
      ownerId: 'u-ed',
      priority: 'high',
      links: [
        { journeyId: 'ctax', kind: 'card', target: 'ctax-pain' },
        { journeyId: 'hb', kind: 'card', target: 'hb-pain' },
      ],
    });
    expect(res.status).toBe(201);
    const o = (await res.json()) as {
      id: string;
      version: number;
      owner: { name: string };
      links: Record<string, unknown>[];
    };
    expect(o.owner.name).toBe('Ed');
    expect(o.links).toEqual([
      expect.objectContaining({
        journeyTitle: 'Journey ctax',
        label: 'Told ctax twice',
        cardKind: 'pain-point',
        stepLabel: 'Step 2',
        quotes: ['“Why do I have to tell ctax again?”'],
        missing: false,
      }),
      expect.objectContaining({ journeyTitle: 'Journey hb', label: 'Told hb twice', missing: false }),
    ]);
    const hb = (await (await ed.request('GET', `${w1}/journeys/hb/connections`)).json()) as {
      opportunities: { id: string; links: { target: string }[] }[];
    };
    expect(hb.opportunities).toEqual([
      expect.objectContaining({ id: o.id, links: [expect.objectContaining({ target: 'hb-pain' })] }),
    ]);
    const [s, e] = await errorOf(
      await ed.request('POST', `${w1}/opportunities/${o.id}/links`, {
        journeyId: 'hb',
        kind: 'idea',
        target: 'no-such-idea',
      }),
    );
    expect([s, e.code, e.path]).toEqual([422, 'target_not_found', 'link.target']);
    const moved = await ed.request('PATCH', `${w1}/opportunities/${o.id}`, {
      baseVersion: 1,
      status: 'solved',
    });
    expect(((await moved.json()) as { status: string }).status).toBe('solved');
    const [s2, e2] = await errorOf(
      await ed.request('PATCH', `${w1}/opportunities/${o.id}`, { baseVersion: 1, status: 'parked' }),
    );
    expect([s2, e2.code]).toEqual([409, 'version_conflict']);
    const [s3, e3] = await errorOf(
      await ed.request('PATCH', `${w1}/opportunities/${o.id}`, { baseVersion: 2, ownerId: 'u-otto' }),
    );
    expect([s3, e3.code]).toEqual([422, 'owner_not_member']);
  });

  it('when links are added and taken off, then each journey’s history shows who, when and which link, and the opportunity gets a new version', async () => {
    const made = await ed.request('POST', `${w1}/step-links`, {
      fromJourneyId: 'hb',
      fromStepId: 's3',
      toJourneyId: 'move',
      toStepId: 's2',
    });
    const { id: linkId } = (await made.json()) as { id: string };
    expect((await ed.request('DELETE', `${w1}/step-links/${linkId}`)).status).toBe(204);
    const o = (await (await ed.request('POST', `${w1}/opportunities`, { title: 'Fewer forms' })).json()) as {
      id: string;
      version: number;
    };
    expect(o.version).toBe(1);
    const linked = await ed.request('POST', `${w1}/opportunities/${o.id}/links`, {
      journeyId: 'move',
      kind: 'card',
      target: 'move-pain',
    });
    expect(((await linked.json()) as { version: number }).version).toBe(2);
    const gone = await ed.request(
      'DELETE',
      `${w1}/opportunities/${o.id}/links?journeyId=move&kind=card&target=move-pain`,
    );
    expect(gone.status).toBe(204);
    const after = (await (await ed.request('GET', `${w1}/opportunities/${o.id}`)).json()) as {
      version: number;
    };
    expect(after.version).toBe(3);
    type History = {
      history: {
        action: string;
        link: string;
        at: string;
        by: { name: string };
        labels: Record<string, unknown>;
      }[];
    };
    const move = (await (await ed.request('GET', `${w1}/journeys/move/connections`)).json()) as History;
    const mine = move.history.filter((h) => h.link !== 'child');
    expect(mine.map((h) => [h.action, h.link, h.by.name])).toEqual([
      ['added', 'step-link', 'Ed'],
      ['removed', 'step-link', 'Ed'],
      ['added', 'opportunity', 'Ed'],
      ['removed', 'opportunity', 'Ed'],
    ]);
    expect(mine[1]?.labels).toMatchObject({
      fromTitle: 'Journey hb',
      fromStepLabel: 'Step 3',
      toStepLabel: 'Step 2',
    });
    expect(mine[3]?.labels).toMatchObject({ targetLabel: 'Told move twice' });
    expect(mine.every((h) => h.at === t.caps.clock().toISOString())).toBe(true);
    const hb = (await (await ed.request('GET', `${w1}/journeys/hb/connections`)).json()) as History;
    expect(hb.history.filter((h) => h.link === 'step-link').map((h) => h.action)).toContain('removed');
  });

  it('given a journey moved to the bin, then the opportunity leaves its links to it out while it is there', async () => {
    const res = await ed.request('POST', `${w1}/opportunities`, {
      title: 'Steps to check',
      links: [{ journeyId: 'move', kind: 'step', target: 's3' }],
    });
    const o = (await res.json()) as { id: string; links: { label: string }[] };
    expect(o.links[0]?.label).toBe('Step 3');
    await t.stores.journeys.softDelete(
      'w1' as WorkspaceId,
      'move' as JourneyId,
      t.caps.clock().toISOString(),
    );
    const after = (await (await ed.request('GET', `${w1}/opportunities/${o.id}`)).json()) as {
      links: unknown[];
    };
    expect(after.links).toEqual([]);
  });
});
