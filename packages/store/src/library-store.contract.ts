import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { highlightEnd, highlightStart, type SearchEntry } from './library-store';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { retitled, sampleJourney } from './sample-journey';

export interface LibraryFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const w1 = 'w1' as WorkspaceId;
const w2 = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const entries: SearchEntry[] = [
  { kind: 'title', itemId: null, columnId: null, cardKind: null, language: 'en', text: 'Council tax' },
  {
    kind: 'quote',
    itemId: 'q1',
    columnId: 's1',
    cardKind: 'feeling',
    language: 'en',
    text: 'I was waiting for weeks and nobody rang me back about the payments',
  },
  {
    kind: 'card',
    itemId: 'c2',
    columnId: 's2',
    cardKind: 'pain-point',
    language: 'cy',
    text: 'Roedd yr aros yn hir iawn',
  },
];

/** The behaviour every LibraryStore must have; registered once per database, each test on a fresh one. */
export function libraryStoreContract(open: () => Promise<LibraryFixture>): void {
  let fixture: LibraryFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: ann owns workspaces w1 ("Council") and w2 ("Other"), with journey j1 in w1 and j2 in w2.
    fixture = await open();
    s = fixture.stores;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: day(0) });
    await s.accounts.createWorkspace({ id: w1, name: 'Council', ownerId: ann, at: day(0) });
    await s.accounts.createWorkspace({ id: w2, name: 'Other', ownerId: ann, at: day(0) });
    for (const [ws, id] of [
      [w1, 'j1'],
      [w2, 'j2'],
    ] as const) {
      const made = await s.journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney(id),
        kind: 'create',
        commands: [],
        by: ann,
        at: day(1),
      });
      if (!made.ok) throw new Error(made.error.message);
    }
  });
  afterEach(() => fixture.dispose());

  const save = (ws: WorkspaceId, id: string, version: number, summary: unknown) =>
    s.library.saveSummary({
      workspaceId: ws,
      journeyId: id as JourneyId,
      version,
      summary,
      entries,
      at: day(2),
    });

  it('given journeys without summaries, when asked, then both are stale until their version is summarised', async () => {
    expect((await s.library.staleJourneys([w1, w2])).map((r) => [r.journeyId, r.version])).toEqual([
      ['j1', 1],
      ['j2', 1],
    ]);
    await save(w1, 'j1', 1, { lowest: -40 });
    expect((await s.library.staleJourneys([w1, w2])).map((r) => r.journeyId)).toEqual(['j2']);
    // A new version makes it stale again, and its old summary is not shown as current.
    const current = await s.journeys.getJourney(w1, 'j1' as JourneyId);
    const appended = await s.journeys.appendVersion({
      workspaceId: w1,
      journey: retitled(current!.journey, 'Council tax reminders'),
      kind: 'commands',
      commands: [],
      by: ann,
      at: day(3),
      baseVersion: 1,
    });
    expect(appended.ok).toBe(true);
    expect((await s.library.staleJourneys([w1])).map((r) => [r.journeyId, r.version])).toEqual([['j1', 2]]);
    const [item] = await s.library.listLibrary([w1]);
    expect([item?.title, item?.version, item?.summary, item?.summaryVersion]).toEqual([
      'Council tax reminders',
      2,
      null,
      1,
    ]);
  });

  it('given summaries of an older format, when asked with a newer format, then they are stale until rewritten in it', async () => {
    // Given: j1 summarised before migration 025 (format 1), j2 in format 2.
    await save(w1, 'j1', 1, { lowest: -40 });
    await s.library.saveSummary({
      workspaceId: w2,
      journeyId: 'j2' as JourneyId,
      version: 1,
      summary: { lowest: -20, costInputs: [] },
      entries,
      at: day(2),
      format: 2,
    });
    // Then: with format 2 wanted, only j1 is stale; asked without a format, neither is.
    expect((await s.library.staleJourneys([w1, w2], 2)).map((r) => [r.journeyId, r.version])).toEqual([
      ['j1', 1],
    ]);
    expect(await s.library.staleJourneys([w1, w2])).toEqual([]);
    const listed = await s.library.listLibrary([w1, w2]);
    expect(listed.map((i) => [i.journeyId, i.summaryVersion, i.summaryFormat]).sort()).toEqual([
      ['j1', 1, 1],
      ['j2', 1, 2],
    ]);
    // When: j1's same version is rewritten in format 2, it replaces the old one; a late format-1 write does not.
    await s.library.saveSummary({
      workspaceId: w1,
      journeyId: 'j1' as JourneyId,
      version: 1,
      summary: { lowest: -41, costInputs: [] },
      entries,
      at: day(3),
      format: 2,
    });
    await save(w1, 'j1', 1, { lowest: -99 });
    expect(await s.library.staleJourneys([w1, w2], 2)).toEqual([]);
    const [row] = await s.library.listLibrary([w1]);
    expect([row?.summary, row?.summaryFormat]).toEqual([{ lowest: -41, costInputs: [] }, 2]);
  });

  it('given a summary with a detail, when listed, then the detail is left out and read on its own, by journey', async () => {
    await s.library.saveSummary({
      workspaceId: w1,
      journeyId: 'j1' as JourneyId,
      version: 1,
      summary: { lowest: -40 },
      detail: { steps: [1, 2, 3] },
      entries,
      at: day(2),
    });
    await save(w2, 'j2', 1, { lowest: -20 });
    const [item] = await s.library.listLibrary([w1]);
    expect(item?.summary).toEqual({ lowest: -40 });
    expect(await s.library.listSummaryDetails([w1, w2])).toEqual(
      expect.arrayContaining([
        { workspaceId: w1, journeyId: 'j1', version: 1, format: 1, detail: { steps: [1, 2, 3] } },
        { workspaceId: w2, journeyId: 'j2', version: 1, format: 1, detail: null },
      ]),
    );
    expect(
      (await s.library.listSummaryDetails([w1, w2], ['j2' as JourneyId])).map((d) => d.journeyId),
    ).toEqual(['j2']);
    expect(await s.library.listSummaryDetails([w2], ['j1' as JourneyId])).toEqual([]);
  });

  it('given a newer summary kept, when an older version is saved late, then the newer one stays', async () => {
    await save(w1, 'j1', 2, { lowest: -10 });
    await save(w1, 'j1', 1, { lowest: -90 });
    const [row] = await s.sql.query<{ version: number; summary: { lowest: number } }>(
      "SELECT version, summary FROM journey_summaries WHERE journey_id = 'j1'",
    );
    expect([row?.version, row?.summary.lowest]).toEqual([2, -10]);
  });

  it('given summaries in two workspaces, when the library of one is listed, then only its journeys come', async () => {
    await save(w1, 'j1', 1, { lowest: -40 });
    await save(w2, 'j2', 1, { lowest: -20 });
    const one = await s.library.listLibrary([w1]);
    expect(one.map((i) => [i.workspaceName, i.journeyId, i.summary])).toEqual([
      ['Council', 'j1', { lowest: -40 }],
    ]);
    expect((await s.library.listLibrary([w1, w2])).map((i) => i.journeyId).sort()).toEqual(['j1', 'j2']);
    expect(await s.library.listLibrary([])).toEqual([]);
  });

  it('given English text, when searched with another form of the word, then it is found stemmed and highlighted', async () => {
    await save(w1, 'j1', 1, {});
    const hits = await s.library.search({ workspaceIds: [w1], text: 'waits payment', limit: 10 });
    expect(hits.map((h) => [h.journeyId, h.kind, h.itemId, h.columnId, h.workspaceName])).toEqual([
      ['j1', 'quote', 'q1', 's1', 'Council'],
    ]);
    expect(hits[0]!.excerpt).toContain(`${highlightStart}waiting${highlightEnd}`);
    expect(hits[0]!.excerpt).toContain(`${highlightStart}payments${highlightEnd}`);
  });

  it('given Welsh text, when searched, then it matches word for word (simple) and not by English stems', async () => {
    await save(w1, 'j1', 1, {});
    const found = await s.library.search({ workspaceIds: [w1], text: 'aros', limit: 10 });
    expect(found.map((h) => [h.itemId, h.language])).toEqual([['c2', 'cy']]);
    expect(await s.library.search({ workspaceIds: [w1], text: 'aro', limit: 10 })).toEqual([]);
  });

  it('given text in another workspace, when searched without it, then nothing of it is found', async () => {
    await save(w2, 'j2', 1, {});
    expect(await s.library.search({ workspaceIds: [w1], text: 'waiting', limit: 10 })).toEqual([]);
    const both = await s.library.search({ workspaceIds: [w1, w2], text: 'waiting', limit: 10 });
    expect(both.map((h) => h.workspaceId)).toEqual([w2]);
  });

  it('given filters, when searched, then journey type, owner and card kind narrow the hits', async () => {
    await save(w1, 'j1', 1, {});
    const q = { workspaceIds: [w1], limit: 10 };
    expect(
      (await s.library.search({ ...q, text: 'aros OR waiting', cardKind: 'pain-point' })).map(
        (h) => h.itemId,
      ),
    ).toEqual(['c2']);
    expect(await s.library.search({ ...q, text: 'waiting', journeyType: 'desired' })).toEqual([]);
    expect(await s.library.search({ ...q, text: 'waiting', owner: 'someone else' })).toEqual([]);
    expect(
      (await s.library.search({ ...q, text: 'waiting', owner: 'customer SERVICES' })).map((h) => h.itemId),
    ).toEqual(['q1']);
  });

  it('given a deleted journey, when listed or searched, then it is left out', async () => {
    await save(w1, 'j1', 1, {});
    await s.journeys.softDelete(w1, 'j1' as JourneyId, day(4));
    expect(await s.library.listLibrary([w1])).toEqual([]);
    expect(await s.library.search({ workspaceIds: [w1], text: 'waiting', limit: 10 })).toEqual([]);
    expect(await s.library.staleJourneys([w1])).toEqual([]);
  });

  it('given reviews, when listed, then the latest one is shown with who made it', async () => {
    await s.library.recordReview({
      workspaceId: w1,
      journeyId: 'j1' as JourneyId,
      version: 1,
      by: ann,
      at: day(5),
    });
    await s.library.recordReview({
      workspaceId: w1,
      journeyId: 'j1' as JourneyId,
      version: 1,
      by: null,
      at: day(3),
    });
    const [item] = await s.library.listLibrary([w1]);
    expect(item?.lastReview).toEqual({ at: day(5), by: { id: ann, name: 'Ann' } });
  });

  it('given indicators of a journey, when listed, then they come with their journey', async () => {
    const put = await s.improvements.putArtifact({
      workspaceId: w1,
      journeyId: 'j1' as JourneyId,
      kind: 'indicators',
      id: 'main',
      data: { indicators: [] },
      baseVersion: 0,
      by: ann,
      at: day(2),
    });
    expect(put.ok).toBe(true);
    expect(await s.library.listIndicators([w1, w2])).toEqual([
      { workspaceId: w1, journeyId: 'j1', data: { indicators: [] } },
    ]);
  });
}
