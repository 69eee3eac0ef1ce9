import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';

export interface HierarchyFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T10:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const other = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const j = (id: string) => id as JourneyId;

/**
 * The behaviour of the hierarchy and opportunity stores (migration 022), registered once per database, each test
 * on a fresh one.
 */
export function hierarchyStoreContract(open: () => Promise<HierarchyFixture>): void {
  let fixture: HierarchyFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: ann owns w1 (journeys move, ctax, hb, asb) and w2 (journey far).
    fixture = await open();
    s = fixture.stores;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: T0 });
    await s.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at: T0 });
    await s.accounts.createWorkspace({ id: other, name: 'Other', ownerId: ann, at: T0 });
    for (const [w, id] of [
      [ws, 'move'],
      [ws, 'ctax'],
      [ws, 'hb'],
      [ws, 'asb'],
      [other, 'far'],
    ] as const) {
      const made = await s.journeys.createJourney({
        workspaceId: w,
        journey: sampleJourney(id),
        kind: 'create',
        commands: [],
        by: ann,
        at: T0,
      });
      if (!made.ok) throw new Error(made.error.message);
    }
  });
  afterEach(() => fixture.dispose());

  const child = (parent: string, step: string, kid: string, workspaceId = ws) =>
    s.hierarchy.setChild({
      workspaceId,
      parentJourneyId: j(parent),
      parentStepId: step,
      childJourneyId: j(kid),
      by: ann,
      at: T0,
    });

  it('given a whole-problem journey, when a step opens a child journey, then the link reads back with who made it', async () => {
    const made = await child('move', 's1', 'ctax');
    expect(made.ok).toBe(true);
    expect(await s.hierarchy.listChildren(ws)).toEqual([
      {
        parentJourneyId: 'move',
        parentStepId: 's1',
        childJourneyId: 'ctax',
        createdAt: T0,
        createdBy: { id: 'ann', name: 'Ann' },
      },
    ]);
  });

  it('given a child with a parent, when another parent claims it, then already_has_parent and the first link stays', async () => {
    await child('move', 's1', 'ctax');
    const second = await child('asb', 's2', 'ctax');
    expect(!second.ok && second.error).toMatchObject({ code: 'already_has_parent', field: 'childJourneyId' });
    expect((await s.hierarchy.listChildren(ws)).map((c) => c.parentJourneyId)).toEqual(['move']);
  });

  it('given a step that opens a journey, when it is given a second one, then step_has_child', async () => {
    await child('move', 's1', 'ctax');
    const second = await child('move', 's1', 'hb');
    expect(!second.ok && second.error.code).toBe('step_has_child');
  });

  it('given move → ctax → hb, when hb is made the parent of move, then hierarchy_cycle; a journey is never its own child', async () => {
    await child('move', 's1', 'ctax');
    await child('ctax', 's2', 'hb');
    const loop = await child('hb', 's1', 'move');
    expect(!loop.ok && loop.error).toMatchObject({ code: 'hierarchy_cycle', field: 'childJourneyId' });
    const self = await child('move', 's2', 'move');
    expect(!self.ok && self.error.code).toBe('same_journey');
    expect(await s.hierarchy.listChildren(ws)).toHaveLength(2);
  });

  it('given journeys in two workspaces, when one is linked beneath the other, then journey_not_found: nothing crosses workspaces', async () => {
    const across = await child('move', 's1', 'far');
    expect(!across.ok && across.error).toMatchObject({ code: 'journey_not_found', field: 'childJourneyId' });
    const fromOther = await child('far', 's1', 'move', other);
    expect(!fromOther.ok && fromOther.error.code).toBe('journey_not_found');
    const stepAcross = await s.hierarchy.addStepLink({
      workspaceId: ws,
      id: 'l1',
      fromJourneyId: j('ctax'),
      fromStepId: 's1',
      toJourneyId: j('far'),
      toStepId: 's1',
      label: null,
      by: ann,
      at: T0,
    });
    expect(!stepAcross.ok && stepAcross.error.code).toBe('journey_not_found');
  });

  it('given a step id the parent does not have, when it is linked, then step_not_found naming stepId', async () => {
    const made = await child('move', 's9', 'ctax');
    expect(!made.ok && made.error).toMatchObject({ code: 'step_not_found', field: 'stepId' });
  });

  it('given a child link, when the child goes in the bin, then it leaves the tree; when taken off, then link_not_found after', async () => {
    await child('move', 's1', 'ctax');
    await s.journeys.softDelete(ws, j('ctax'), T1);
    expect(await s.hierarchy.listChildren(ws)).toEqual([]);
    await s.journeys.undelete(ws, j('ctax'), T0);
    expect(await s.hierarchy.listChildren(ws)).toHaveLength(1);
    expect((await s.hierarchy.removeChild(ws, j('ctax'))).ok).toBe(true);
    const again = await s.hierarchy.removeChild(ws, j('ctax'));
    expect(!again.ok && again.error.code).toBe('link_not_found');
  });

  it('given a step link from council tax to housing benefit, then both journeys list it; a second copy is link_exists', async () => {
    const link = {
      workspaceId: ws,
      id: 'l1',
      fromJourneyId: j('ctax'),
      fromStepId: 's2',
      toJourneyId: j('hb'),
      toStepId: 's1',
      label: 'Hands over the claim',
      by: ann,
      at: T0,
    };
    expect((await s.hierarchy.addStepLink(link)).ok).toBe(true);
    const fromSide = await s.hierarchy.listStepLinks(ws, j('ctax'));
    const toSide = await s.hierarchy.listStepLinks(ws, j('hb'));
    expect(fromSide).toEqual(toSide);
    expect(toSide[0]).toMatchObject({ fromStepId: 's2', toStepId: 's1', label: 'Hands over the claim' });
    expect(await s.hierarchy.listStepLinks(ws, j('asb'))).toEqual([]);
    const twice = await s.hierarchy.addStepLink({ ...link, id: 'l2' });
    expect(!twice.ok && twice.error.code).toBe('link_exists');
    expect((await s.hierarchy.removeStepLink(ws, 'l1')).ok).toBe(true);
    expect(await s.hierarchy.listStepLinks(ws)).toEqual([]);
  });

  it('given an opportunity, when evidence from two journeys and an idea are linked, then it lists them and each journey lists it', async () => {
    const made = await s.opportunities.createOpportunity({
      workspaceId: ws,
      id: 'o1',
      title: 'People tell us twice',
      description: null,
      ownerId: ann,
      status: 'open',
      priority: 'high',
      by: ann,
      at: T0,
    });
    expect(made).toMatchObject({ version: 1, owner: { id: 'ann', name: 'Ann' }, links: [] });
    const link = (journeyId: string, kind: 'card' | 'idea', target: string) =>
      s.opportunities.addLink({
        workspaceId: ws,
        opportunityId: 'o1',
        journeyId: j(journeyId),
        kind,
        target,
        by: ann,
        at: T0,
      });
    expect((await link('ctax', 'card', 's1-call')).ok).toBe(true);
    expect((await link('hb', 'card', 's2-call')).ok).toBe(true);
    expect((await link('hb', 'idea', 'tell-us-once')).ok).toBe(true);
    const twice = await link('hb', 'idea', 'tell-us-once');
    expect(!twice.ok && twice.error.code).toBe('link_exists');
    const across = await link('far', 'card', 's1-call');
    expect(!across.ok && across.error.code).toBe('journey_not_found');
    const read = await s.opportunities.getOpportunity(ws, 'o1');
    expect(read?.links.map((l) => `${l.journeyId}:${l.kind}:${l.target}`).sort()).toEqual([
      'ctax:card:s1-call',
      'hb:card:s2-call',
      'hb:idea:tell-us-once',
    ]);
    expect((await s.opportunities.opportunitiesOfJourney(ws, j('ctax'))).map((o) => o.id)).toEqual(['o1']);
    expect(await s.opportunities.opportunitiesOfJourney(ws, j('asb'))).toEqual([]);
    expect(await s.opportunities.listOpportunities(other)).toEqual([]);
    const removed = await s.opportunities.removeLink({
      workspaceId: ws,
      opportunityId: 'o1',
      journeyId: j('ctax'),
      kind: 'card',
      target: 's1-call',
    });
    expect(removed.ok).toBe(true);
    expect((await s.opportunities.getOpportunity(ws, 'o1'))?.links).toHaveLength(2);
  });

  it('given an opportunity at version 2, when a change is made from version 1, then version_conflict with the current one', async () => {
    await s.opportunities.createOpportunity({
      workspaceId: ws,
      id: 'o1',
      title: 'Chasing calls',
      description: 'Why?',
      ownerId: null,
      status: 'open',
      priority: 'low',
      by: ann,
      at: T0,
    });
    const moved = await s.opportunities.updateOpportunity({
      workspaceId: ws,
      id: 'o1',
      baseVersion: 1,
      patch: { status: 'in-progress', description: null },
      by: ann,
      at: T1,
    });
    expect(moved.ok && moved.value).toMatchObject({
      version: 2,
      status: 'in-progress',
      priority: 'low',
      title: 'Chasing calls',
      description: null,
      updatedAt: T1,
    });
    const stale = await s.opportunities.updateOpportunity({
      workspaceId: ws,
      id: 'o1',
      baseVersion: 1,
      patch: { priority: 'high' },
      by: ann,
      at: T1,
    });
    expect(!stale.ok && stale.error).toMatchObject({
      code: 'version_conflict',
      current: { version: 2, priority: 'low' },
    });
    const gone = await s.opportunities.updateOpportunity({
      workspaceId: ws,
      id: 'nope',
      baseVersion: 1,
      patch: {},
      by: ann,
      at: T1,
    });
    expect(!gone.ok && gone.error.code).toBe('opportunity_not_found');
  });

  it('given opportunities of each priority, then the list puts high first', async () => {
    for (const [id, priority] of [
      ['a', 'low'],
      ['b', 'high'],
      ['c', 'medium'],
    ] as const)
      await s.opportunities.createOpportunity({
        workspaceId: ws,
        id,
        title: id,
        description: null,
        ownerId: null,
        status: 'open',
        priority,
        by: ann,
        at: T0,
      });
    expect((await s.opportunities.listOpportunities(ws)).map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect((await s.opportunities.deleteOpportunity(ws, 'b')).ok).toBe(true);
    expect((await s.opportunities.listOpportunities(ws)).map((o) => o.id)).toEqual(['c', 'a']);
  });

  it('given links added and removed, then each journey they touch has them in its link history with who and when, and the opportunity’s version goes up', async () => {
    const T2 = '2026-01-01T11:00:00.000Z';
    await s.hierarchy.addStepLink({
      workspaceId: ws,
      id: 'l1',
      fromJourneyId: j('ctax'),
      fromStepId: 's2',
      toJourneyId: j('hb'),
      toStepId: 's1',
      label: 'Hands over the claim',
      by: ann,
      at: T0,
    });
    expect((await s.hierarchy.removeStepLink(ws, 'l1', { by: ann, at: T1 })).ok).toBe(true);
    await child('move', 's1', 'ctax');
    await s.opportunities.createOpportunity({
      workspaceId: ws,
      id: 'o1',
      title: 'Tell us once',
      description: null,
      ownerId: null,
      status: 'open',
      priority: 'high',
      by: ann,
      at: T0,
    });
    const key = {
      workspaceId: ws,
      opportunityId: 'o1',
      journeyId: j('ctax'),
      kind: 'card' as const,
      target: 's1-call',
    };
    await s.opportunities.addLink({ ...key, by: ann, at: T1 });
    expect((await s.opportunities.getOpportunity(ws, 'o1'))?.version).toBe(2);
    expect((await s.opportunities.removeLink(key, { by: ann, at: T2 })).ok).toBe(true);
    expect(await s.opportunities.getOpportunity(ws, 'o1')).toMatchObject({ version: 3, updatedAt: T2 });
    const ctax = await s.hierarchy.linkHistory(ws, j('ctax'));
    expect(ctax.map((c) => [c.action, c.link, c.at, c.by?.name])).toEqual([
      ['added', 'step-link', T0, 'Ann'],
      ['removed', 'step-link', T1, 'Ann'],
      ['added', 'child', T0, 'Ann'],
      ['added', 'opportunity', T1, 'Ann'],
      ['removed', 'opportunity', T2, 'Ann'],
    ]);
    expect(ctax[0]?.detail).toMatchObject({
      fromStepId: 's2',
      toJourneyId: 'hb',
      toStepId: 's1',
      label: 'Hands over the claim',
    });
    expect(ctax[4]?.detail).toEqual({
      opportunityId: 'o1',
      title: 'Tell us once',
      kind: 'card',
      target: 's1-call',
    });
    expect((await s.hierarchy.linkHistory(ws, j('hb'))).map((c) => c.action)).toEqual(['added', 'removed']);
    expect((await s.hierarchy.linkHistory(ws, j('move'))).map((c) => c.link)).toEqual(['child']);
    expect(await s.hierarchy.linkHistory(ws, j('asb'))).toEqual([]);
  });

  it('given opportunities with evidence, when searched, then title, description and the evidence words each find one, with a highlighted excerpt and a status filter', async () => {
    const make = (id: string, title: string, description: string | null, status: 'open' | 'solved', w = ws) =>
      s.opportunities.createOpportunity({
        workspaceId: w,
        id,
        title,
        description,
        ownerId: null,
        status,
        priority: 'medium',
        by: ann,
        at: T0,
      });
    await make('o1', 'Tell us once', null, 'open');
    await make('o2', 'Fewer letters', 'Residents wait weeks for a reply', 'solved');
    await make('o3', 'Stop the repeat calls', null, 'open');
    await make('far1', 'Tell us once elsewhere', null, 'open', other);
    await s.library.saveSummary({
      workspaceId: ws,
      journeyId: j('ctax'),
      version: 1,
      summary: {},
      entries: [
        {
          kind: 'card',
          itemId: 's1-call',
          columnId: 's1',
          cardKind: 'touchpoint',
          language: 'en',
          text: 'Phoned about the arrears letter',
        },
        {
          kind: 'card',
          itemId: 's2-call',
          columnId: 's2',
          cardKind: 'touchpoint',
          language: 'cy',
          text: 'Ffonio am y bil treth',
        },
      ],
      at: T0,
    });
    for (const target of ['s1-call', 's2-call'])
      await s.opportunities.addLink({
        workspaceId: ws,
        opportunityId: 'o3',
        journeyId: j('ctax'),
        kind: 'card',
        target,
        by: ann,
        at: T0,
      });
    const find = async (text: string, status?: 'open' | 'solved') =>
      (
        await s.opportunities.searchOpportunities({
          workspaceIds: [ws],
          text,
          limit: 20,
          ...(status ? { status } : {}),
        })
      ).map((h) => [h.id, h.matched, h.excerpt]);
    expect(await find('telling')).toEqual([['o1', 'title', '\u0002Tell\u0003 us once']]);
    expect(await find('waiting')).toEqual([
      ['o2', 'description', 'Residents \u0002wait\u0003 weeks for a reply'],
    ]);
    expect(await find('arrears')).toEqual([
      ['o3', 'evidence', expect.stringContaining('\u0002arrears\u0003')],
    ]);
    expect(await find('treth')).toEqual([['o3', 'evidence', expect.stringContaining('\u0002treth\u0003')]]);
    expect(await find('waiting', 'open')).toEqual([]);
    expect(
      (await s.opportunities.searchOpportunities({ workspaceIds: [other], text: 'tell', limit: 20 })).map(
        (h) => h.id,
      ),
    ).toEqual(['far1']);
    await s.journeys.softDelete(ws, j('ctax'), T1);
    expect(await find('arrears')).toEqual([]);
  });

  it('given links and an opportunity in w1, when w1 is deleted, then none of its rows is left and w2 is untouched', async () => {
    await child('move', 's1', 'ctax');
    await s.hierarchy.addStepLink({
      workspaceId: ws,
      id: 'l1',
      fromJourneyId: j('ctax'),
      fromStepId: 's1',
      toJourneyId: j('hb'),
      toStepId: 's1',
      label: null,
      by: ann,
      at: T0,
    });
    await s.opportunities.createOpportunity({
      workspaceId: ws,
      id: 'o1',
      title: 'x',
      description: null,
      ownerId: ann,
      status: 'open',
      priority: 'high',
      by: ann,
      at: T0,
    });
    await s.opportunities.addLink({
      workspaceId: ws,
      opportunityId: 'o1',
      journeyId: j('hb'),
      kind: 'step',
      target: 's1',
      by: ann,
      at: T0,
    });
    await s.opportunities.createOpportunity({
      workspaceId: other,
      id: 'o2',
      title: 'y',
      description: null,
      ownerId: null,
      status: 'open',
      priority: 'low',
      by: ann,
      at: T0,
    });
    expect(await s.retention.deleteWorkspace(ws)).not.toBeNull();
    for (const table of ['journey_children', 'journey_step_links', 'opportunities', 'opportunity_links']) {
      const [row] = await s.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE workspace_id = $1`,
        [ws],
      );
      expect([table, row?.n]).toEqual([table, 0]);
    }
    expect((await s.opportunities.listOpportunities(other)).map((o) => o.id)).toEqual(['o2']);
  });
}
