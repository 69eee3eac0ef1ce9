import { parseJourney, type Journey } from '@waymark/core';
import type { WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';
import { summariseJourney } from './journey-summary';

/** A council tax journey: two stages, three steps, telephone contacts (one avoidable), emotions, a quote. */
function councilTax(id: string, owner: string, extra: Record<string, unknown> = {}): Journey {
  const parsed = parseJourney({
    schemaVersion: 2,
    id,
    meta: { title: `Council tax ${id}`, journeyType: 'current', owner, segment: 'Residents', ...extra },
    organisations: [{ id: 'revs', name: 'Revenues', kind: 'team' }],
    stages: [
      { id: 'find', name: 'Find out' },
      { id: 'pay', name: 'Pay' },
    ],
    columns: [
      { id: 's1', label: 'Gets a bill', stageId: 'find', durationDays: 2 },
      { id: 's2', label: 'Rings about the bill', stageId: 'find', durationDays: 5 },
      { id: 's3', label: 'Pays', stageId: 'pay', durationDays: 1 },
    ],
    lanes: [
      { id: 'tp', kind: 'touchpoint', label: 'Touchpoints' },
      { id: 'em', kind: 'emotion', label: 'Emotion' },
      { id: 'fe', kind: 'feeling', label: 'Feelings' },
      { id: 'pp', kind: 'pain-point', label: 'Pain points' },
    ],
    sources: [{ id: 'svy', kind: 'survey', title: 'Residents survey', date: '2026-02-20' }],
    cards: [
      {
        id: 'c1',
        kind: 'touchpoint',
        laneId: 'tp',
        columnId: 's2',
        text: 'Phones',
        channel: 'telephone',
        contacts: 2,
        avoidableCategory: 'PC',
      },
      { id: 'c2', kind: 'touchpoint', laneId: 'tp', columnId: 's3', text: 'Pays online', channel: 'web' },
      { id: 'e1', kind: 'emotion', laneId: 'em', columnId: 's1', score: 10 },
      { id: 'e2', kind: 'emotion', laneId: 'em', columnId: 's2', score: -70 },
      { id: 'e3', kind: 'emotion', laneId: 'em', columnId: 's3', score: 40 },
      {
        id: 'q1',
        kind: 'feeling',
        laneId: 'fe',
        columnId: 's2',
        text: 'I kept waiting on hold for an hour',
        quote: true,
      },
      { id: 'p1', kind: 'pain-point', laneId: 'pp', columnId: 's2', text: 'Nobody rings back' },
      { id: 'p2', kind: 'pain-point', laneId: 'pp', columnId: 's1', text: 'The bill is confusing' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.value;
}

describe('the journey library: portfolio, reviews and search (issue 14, items 3, 4 and 6)', () => {
  let t: TestApi;
  let olive: Client;
  let ed: Client;
  let otto: Client;

  beforeAll(async () => {
    // Given: Olive owns w1 (Ed edits there) and Otto owns w2; each workspace has a council tax journey.
    t = await createTestApi();
    await t.addUser('Olive', { ws: 'w1', role: 'owner' });
    await t.addUser('Ed', { ws: 'w1', role: 'editor' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    await seedJourney(
      t,
      'w1',
      councilTax('a', 'Ed', { reviewDate: '2026-01-31', lastVerified: '2026-01-10', service: 'Revenues' }),
    );
    await seedJourney(
      t,
      'w1',
      councilTax('b', 'Olive', { reviewDate: '2027-01-31', lastVerified: '2026-02-25' }),
    );
    await seedJourney(t, 'w2', councilTax('c', 'Otto'));
    olive = await t.signIn('Olive');
    ed = await t.signIn('Ed');
    otto = await t.signIn('Otto');
  });
  afterAll(() => t.close());

  it('summarises a journey: lowest emotion and where, avoidable share, contacts, days, cost and pain by stage', () => {
    const s = summariseJourney(councilTax('a', 'Ed'));
    expect(s.lowest).toEqual({ columnId: 's2', label: 'Rings about the bill', score: -70 });
    expect([s.contacts, s.avoidableContacts, s.avoidablePercent, s.elapsedDays]).toEqual([3, 2, 66.7, 8]);
    expect(s.costPence).toBeGreaterThan(0);
    expect(Number.isInteger(s.costPence)).toBe(true);
    expect(s.stages).toEqual([
      { name: 'Find out', painPoints: 2, lowestEmotion: -70 },
      { name: 'Pay', painPoints: 0, lowestEmotion: 40 },
    ]);
  });

  it('gives the portfolio of a workspace with figures, flags and whose each map is, sorted and filtered', async () => {
    const res = await ed.request('GET', '/api/workspaces/w1/portfolio?sort=lowest');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as {
      items: {
        journeyId: string;
        flags: string[];
        mine: boolean;
        service: string | null;
        headline: { cost: string };
      }[];
    };
    expect(items.map((i) => [i.journeyId, i.flags, i.mine])).toEqual([
      // a is past its review date and its survey (20 Feb) is newer than its last review (10 Jan)
      ['a', ['review-due', 'new-evidence'], true],
      ['b', [], false],
    ]);
    expect(items[0]!.service).toBe('Revenues');
    expect(items[0]!.headline.cost).toMatch(/^\d+\.\d\d$/);
    const filtered = (await (await ed.request('GET', '/api/workspaces/w1/portfolio?owner=olive')).json()) as {
      items: { journeyId: string }[];
    };
    expect(filtered.items.map((i) => i.journeyId)).toEqual(['b']);
  });

  it('counts the opportunities open or in progress that use a journey’s evidence, and not solved ones', async () => {
    const at = t.caps.clock().toISOString();
    const ws = 'w1' as WorkspaceId;
    for (const [id, status] of [
      ['o1', 'open'],
      ['o2', 'in-progress'],
      ['o3', 'solved'],
    ] as const) {
      await t.stores.opportunities.createOpportunity({
        workspaceId: ws,
        id,
        title: `Opportunity ${id}`,
        description: null,
        ownerId: null,
        status,
        priority: 'high',
        by: null,
        at,
      });
      const linked = await t.stores.opportunities.addLink({
        workspaceId: ws,
        opportunityId: id,
        journeyId: 'b' as never,
        kind: 'card',
        target: 'p1',
        by: null,
        at,
      });
      expect(linked.ok).toBe(true);
    }
    const { items } = (await (await ed.request('GET', '/api/workspaces/w1/portfolio')).json()) as {
      items: { journeyId: string; openOpportunities: number }[];
    };
    expect(items.map((i) => [i.journeyId, i.openOpportunities])).toEqual([
      ['a', 0],
      ['b', 2],
    ]);
    const csv = await (await ed.request('GET', '/api/workspaces/w1/portfolio?format=csv')).text();
    expect(csv.split('\n')[0]).toContain('Open opportunities');
  });

  it('downloads the portfolio as CSV with headings in the language asked for', async () => {
    const res = await ed.request('GET', '/api/workspaces/w1/portfolio?format=csv&locale=cy');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = await res.text();
    expect(text.split('\n')[0]).toContain('Cost fesul taith (£)');
    expect(text).toContain('Council tax a');
  });

  it('lists the maps due for review, saying which are the caller’s', async () => {
    const { items } = (await (await ed.request('GET', '/api/workspaces/w1/reviews-due')).json()) as {
      items: { journeyId: string; mine: boolean }[];
    };
    expect(items).toEqual([expect.objectContaining({ journeyId: 'a', mine: true })]);
  });

  it('marks a map reviewed: lastVerified is today, who and when are kept and audited, and the flag goes', async () => {
    const res = await ed.request('POST', '/api/workspaces/w1/journeys/a/review', {
      nextReviewDate: '2026-09-30',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      lastVerified: '2026-03-02',
      reviewDate: '2026-09-30',
      reviewedBy: { name: 'Ed' },
    });
    const stored = await t.stores.journeys.getJourney('w1' as WorkspaceId, 'a' as never);
    expect([stored?.journey.meta.lastVerified, stored?.journey.meta.reviewDate]).toEqual([
      '2026-03-02',
      '2026-09-30',
    ]);
    const due = (await (await ed.request('GET', '/api/workspaces/w1/reviews-due')).json()) as {
      items: unknown[];
    };
    expect(due.items).toEqual([]);
    const audits = await t.stores.accounts.listAudit(
      'w1' as WorkspaceId,
      { action: 'journey.review' } as never,
    );
    expect(JSON.stringify(audits)).toContain('journey.review');
    const { items } = (await (await ed.request('GET', '/api/workspaces/w1/portfolio')).json()) as {
      items: { journeyId: string; lastReview: { by: { name: string } } | null }[];
    };
    expect(items.find((i) => i.journeyId === 'a')?.lastReview?.by.name).toBe('Ed');
  });

  it('refuses a next review date that is not a date, naming the field', async () => {
    const res = await ed.request('POST', '/api/workspaces/w1/journeys/b/review', {
      nextReviewDate: '31/12/2026',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('nextReviewDate');
  });

  it('searches every workspace the person belongs to and never another’s', async () => {
    // Olive joins w2 too; Ed does not.
    await t.addUser('Olive', { ws: 'w2', role: 'viewer' });
    const mine = (await (await olive.request('GET', '/api/search?q=wait')).json()) as {
      items: { journeyId: string; kind: string; excerpt: string }[];
    };
    expect(mine.items.map((h) => h.journeyId).sort()).toEqual(['a', 'b', 'c']);
    expect(mine.items.every((h) => h.kind === 'quote' && h.excerpt.includes('\u0002waiting\u0003'))).toBe(
      true,
    );
    const eds = (await (await ed.request('GET', '/api/search?q=waiting')).json()) as {
      items: { journeyId: string }[];
    };
    expect(eds.items.map((h) => h.journeyId).sort()).toEqual(['a', 'b']);
    // Asking for a workspace one does not belong to finds nothing rather than reaching into it.
    const reach = (await (await ed.request('GET', '/api/search?q=waiting&workspace=w2')).json()) as {
      items: unknown[];
    };
    expect(reach.items).toEqual([]);
    const otto2 = (await (await otto.request('GET', '/api/search?q=waiting')).json()) as {
      items: { journeyId: string }[];
    };
    expect(otto2.items.map((h) => h.journeyId)).toEqual(['c']);
  });

  it('finds opportunities by title, description and the words of their evidence, in the caller’s workspaces only, with a filter', async () => {
    const made = await ed.request('POST', '/api/workspaces/w1/opportunities', {
      title: 'Answer the phone sooner',
      links: [{ journeyId: 'a', kind: 'card', target: 'q1' }],
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const hidden = await otto.request('POST', '/api/workspaces/w2/opportunities', { title: 'Waiting less' });
    expect(hidden.status).toBe(201);
    type Found = {
      items: { kind: string }[];
      opportunities: { id: string; matched: string; excerpt: string }[];
    };
    const get = async (query: string) =>
      (await (await ed.request('GET', `/api/search?${query}`)).json()) as Found;
    const both = await get('q=waiting');
    expect(both.items.length).toBeGreaterThan(0);
    expect(both.opportunities).toEqual([
      {
        workspaceId: 'w1',
        workspaceName: 'Workspace w1',
        id,
        title: 'Answer the phone sooner',
        status: 'open',
        priority: 'medium',
        matched: 'evidence',
        excerpt: expect.stringContaining('\u0002waiting\u0003'),
      },
    ]);
    expect((await get('q=phone')).opportunities.map((o) => [o.id, o.matched])).toEqual([[id, 'title']]);
    const only = await get('q=waiting&find=opportunities');
    expect([only.items.length, only.opportunities.length]).toEqual([0, 1]);
    expect((await get('q=waiting&find=journeys')).opportunities).toEqual([]);
    expect((await get('q=waiting&find=opportunities&status=solved')).opportunities).toEqual([]);
    const bad = await ed.request('GET', '/api/search?q=waiting&find=ideas');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('find');
  });

  it('finds a journey edited after its summary by its new words', async () => {
    const current = await t.stores.journeys.getJourney('w1' as WorkspaceId, 'b' as never);
    const res = await olive.request('POST', '/api/workspaces/w1/journeys/b/commands', {
      baseVersion: current!.version,
      commands: [{ type: 'meta.update', patch: { title: 'Discretionary housing payment' } }],
    });
    expect(res.status).toBe(200);
    const found = (await (await olive.request('GET', '/api/search?q=discretionary')).json()) as {
      items: { journeyId: string; kind: string }[];
    };
    expect(found.items.map((h) => [h.journeyId, h.kind])).toEqual([['b', 'title']]);
  });
});
