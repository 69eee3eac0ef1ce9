import { applyCommand, type JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewDataset } from './dataset-store';
import type { Stores } from './open-store';
import type { CommentId, ShareId, TokenId, UserId, WorkspaceId } from './records';
import type { RetentionCutoffs, RetentionDays } from './retention-store';
import { sampleJourney } from './sample-journey';
import { createSqlJourneyStore } from './sql-journey-store';

export interface RetentionFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const w1 = 'w1' as WorkspaceId;
const w2 = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const bob = 'bob' as UserId;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const days: RetentionDays = { deletedJourneys: 30, datasets: 365, rawUploads: 14, audit: 730, history: 365 };
/** Every cut-off at `at`, or as given. */
const cutoffs = (at: string, extra: Partial<RetentionCutoffs> = {}): RetentionCutoffs => ({
  deletedJourneys: at,
  datasets: at,
  rawUploads: at,
  audit: at,
  history: at,
  ...extra,
});
const FAR_PAST = day(-10_000);
const nothing = cutoffs(FAR_PAST);

const dataset = (ws: WorkspaceId, id: string, at: string, raw: boolean): NewDataset => ({
  workspaceId: ws,
  id,
  name: `Log ${id}`,
  fileName: `${id}.csv`,
  format: 'csv',
  sizeBytes: 10,
  mapping: {},
  options: {},
  cases: 1,
  events: 2,
  rejectedRows: 0,
  rejections: [],
  result: { log: { cases: 1 } },
  eventsBlob: Uint8Array.from([1, 2, 3]),
  ...(raw ? { raw: Uint8Array.from([4, 5, 6]) } : {}),
  by: ann,
  at,
});

/** The behaviour every RetentionStore must have; registered once per database, each test on a fresh one. */
export function retentionStoreContract(open: () => Promise<RetentionFixture>): void {
  let fixture: RetentionFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: ann owns workspaces w1 ("Council") and w2 ("Other"); bob is an editor of w1.
    fixture = await open();
    s = fixture.stores;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: day(0) });
    await s.accounts.createUser({ id: bob, email: 'bob@example.org', name: 'Bob', at: day(0) });
    await s.accounts.createWorkspace({ id: w1, name: 'Council', ownerId: ann, at: day(0) });
    await s.accounts.createWorkspace({ id: w2, name: 'Other', ownerId: ann, at: day(0) });
    await s.accounts.addMember(w1, bob, 'editor', day(0));
  });
  afterEach(() => fixture.dispose());

  const journey = async (ws: WorkspaceId, id: string, at = day(0)) => {
    const made = await s.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney(id),
      kind: 'create',
      commands: [],
      by: ann,
      at,
    });
    if (!made.ok) throw new Error(made.error.message);
  };
  /** A new version that retitles the journey. */
  const retitle = async (ws: WorkspaceId, id: string, title: string, at: string) => {
    const current = await s.journeys.getJourney(ws, id as JourneyId, { includeDeleted: true });
    if (!current) throw new Error(`no journey ${id}`);
    const command = { type: 'meta.update', patch: { title } } as const;
    const applied = applyCommand(current.journey, command);
    if (!applied.ok) throw new Error(applied.error.message);
    const appended = await s.journeys.appendVersion({
      workspaceId: ws,
      journey: applied.value.journey,
      kind: 'commands',
      commands: [command],
      by: ann,
      at,
      baseVersion: current.version,
    });
    if (!appended.ok) throw new Error(appended.error.message);
  };
  const audit = (ws: WorkspaceId | null, action: string, at: string) =>
    s.accounts.appendAudit({
      workspaceId: ws,
      actorId: ann,
      action,
      target: null,
      detail: null,
      ip: null,
      at,
    });
  const rows = async (text: string, params: unknown[] = []) =>
    Number((await s.sql.query<{ n: string | number }>(text, params))[0]?.n ?? 0);

  describe('settings', () => {
    it('given a workspace whose owner never chose, when read, then there are no stored periods', async () => {
      expect(await s.retention.getRetention(w1)).toBeNull();
      expect(await s.retention.listRetention()).toEqual([
        { workspaceId: w1, days: null },
        { workspaceId: w2, days: null },
      ]);
    });

    it('given periods set and set again, when read, then the last ones are kept with who and when', async () => {
      await s.retention.setRetention({ workspaceId: w1, days, by: ann, at: day(1) });
      const changed = { ...days, audit: 1095 };
      const saved = await s.retention.setRetention({ workspaceId: w1, days: changed, by: bob, at: day(2) });
      expect(saved).toEqual({
        ok: true,
        value: { workspaceId: w1, days: changed, updatedAt: day(2), updatedBy: bob },
      });
      expect(await s.retention.getRetention(w1)).toEqual(saved.ok ? saved.value : null);
      expect(await s.retention.getRetention(w2)).toBeNull();
      expect(await s.retention.listRetention()).toEqual([
        { workspaceId: w1, days: changed },
        { workspaceId: w2, days: null },
      ]);
    });

    it('given no such workspace, when periods are set, then workspace_not_found', async () => {
      const saved = await s.retention.setRetention({
        workspaceId: 'nope' as WorkspaceId,
        days,
        by: ann,
        at: day(1),
      });
      expect(saved.ok ? null : saved.error.code).toBe('workspace_not_found');
    });
  });

  describe('purge', () => {
    it('given journeys deleted at different times, when purged, then only those of this workspace deleted before the cut-off go', async () => {
      for (const id of ['old', 'recent', 'live']) await journey(w1, id);
      await journey(w2, 'old');
      await s.journeys.softDelete(w1, 'old' as JourneyId, day(1));
      await s.journeys.softDelete(w1, 'recent' as JourneyId, day(40));
      await s.journeys.softDelete(w2, 'old' as JourneyId, day(1));
      const counts = await s.retention.purgeWorkspace(w1, cutoffs(FAR_PAST, { deletedJourneys: day(31) }));
      expect(counts).toEqual({
        deletedJourneys: 1,
        datasets: 0,
        rawUploads: 0,
        auditEntries: 0,
        versions: 0,
      });
      expect(await s.journeys.getJourney(w1, 'old' as JourneyId, { includeDeleted: true })).toBeNull();
      expect(await s.journeys.getJourney(w1, 'recent' as JourneyId, { includeDeleted: true })).not.toBeNull();
      expect(await s.journeys.getJourney(w1, 'live' as JourneyId)).not.toBeNull();
      expect(await s.journeys.getJourney(w2, 'old' as JourneyId, { includeDeleted: true })).not.toBeNull();
    });

    it('given datasets of different ages, when purged, then old datasets go, and older kept uploads are forgotten while their datasets stay', async () => {
      for (const [id, at, raw] of [
        ['ancient', day(1), true],
        ['middle', day(100), true],
        ['fresh', day(300), true],
      ] as const)
        expect((await s.datasets.createDataset(dataset(w1, id, at, raw))).ok).toBe(true);
      expect((await s.datasets.createDataset(dataset(w2, 'ancient', day(1), true))).ok).toBe(true);
      const counts = await s.retention.purgeWorkspace(
        w1,
        cutoffs(FAR_PAST, { datasets: day(50), rawUploads: day(200) }),
      );
      expect(counts).toMatchObject({ datasets: 1, rawUploads: 1 });
      const listed = await s.datasets.listDatasets(w1);
      expect(listed.map((d) => [d.id, d.hasRaw]).sort()).toEqual([
        ['fresh', true],
        ['middle', false],
      ]);
      expect(await s.datasets.getRaw(w1, 'middle')).toBeNull();
      expect(await s.datasets.getEvents(w1, 'middle')).toEqual(Uint8Array.from([1, 2, 3]));
      expect((await s.datasets.listDatasets(w2)).map((d) => [d.id, d.hasRaw])).toEqual([['ancient', true]]);
      // The parts of what went go with it: w1 keeps events of two datasets and one upload, w2 both of its own.
      expect(await rows('SELECT count(*) AS n FROM dataset_blob_parts')).toBe(5);
    });

    it('given audit entries of different ages, when purged, then only this workspace’s entries before the cut-off go', async () => {
      await audit(w1, 'old', day(1));
      await audit(w1, 'new', day(800));
      await audit(w2, 'old', day(1));
      await audit(null, 'instance', day(1));
      expect(await s.retention.purgeWorkspace(w1, cutoffs(FAR_PAST, { audit: day(731) }))).toMatchObject({
        auditEntries: 1,
      });
      expect((await s.accounts.listAudit(w1)).map((e) => e.action)).toEqual(['new']);
      expect((await s.accounts.listAudit(w2)).map((e) => e.action)).toEqual(['old']);
      expect(await rows('SELECT count(*) AS n FROM audit_events WHERE workspace_id IS NULL')).toBe(1);
    });

    it('given a long history, when versions before the cut-off are purged, then later versions still open, the current journey is unchanged and edits carry on', async () => {
      // Versions 1–22 in the first days, 23–25 much later: the store's checkpoint is version 20.
      await journey(w1, 'j');
      for (let v = 2; v <= 25; v++) await retitle(w1, 'j', `Title ${v}`, v <= 22 ? day(v) : day(400 + v));
      const before = await s.journeys.getJourney(w1, 'j' as JourneyId);
      const trail24 = await s.journeys.versionTrail(w1, 'j' as JourneyId, 24);
      const counts = await s.retention.purgeWorkspace(w1, cutoffs(FAR_PAST, { history: day(300) }));
      expect(counts.versions).toBe(22);
      // A store with nothing cached rebuilds the journey from what is left.
      const fresh = createSqlJourneyStore(s.sql);
      expect((await fresh.getJourney(w1, 'j' as JourneyId))?.journey).toEqual(before?.journey);
      expect((await fresh.history(w1, 'j' as JourneyId)).map((v) => v.version)).toEqual([23, 24, 25]);
      expect(await fresh.versionTrail(w1, 'j' as JourneyId, 22)).toBeNull();
      const trail23 = await fresh.versionTrail(w1, 'j' as JourneyId, 23);
      expect(trail23?.snapshot.journey.meta.title).toBe('Title 23');
      const after24 = await fresh.versionTrail(w1, 'j' as JourneyId, 24);
      const replayed = after24!.after
        .flatMap((a) => a.commands)
        .reduce((j, c) => {
          const r = applyCommand(j, c);
          if (!r.ok) throw new Error(r.error.message);
          return r.value.journey;
        }, after24!.snapshot.journey);
      expect(replayed.meta.title).toBe('Title 24');
      expect(trail24).not.toBeNull();
      await retitle(w1, 'j', 'Title 26', day(500));
      expect((await createSqlJourneyStore(s.sql).getJourney(w1, 'j' as JourneyId))?.journey.meta.title).toBe(
        'Title 26',
      );
    });

    it('given a journey not changed for longer than the history period, when purged, then its current version stays', async () => {
      await journey(w1, 'quiet');
      for (let v = 2; v <= 4; v++) await retitle(w1, 'quiet', `Quiet ${v}`, day(v));
      expect((await s.retention.purgeWorkspace(w1, cutoffs(FAR_PAST, { history: day(300) }))).versions).toBe(
        3,
      );
      const fresh = createSqlJourneyStore(s.sql);
      expect((await fresh.history(w1, 'quiet' as JourneyId)).map((v) => v.version)).toEqual([4]);
      expect((await fresh.getJourney(w1, 'quiet' as JourneyId))?.journey.meta.title).toBe('Quiet 4');
      // A second purge finds nothing more to remove.
      expect(await s.retention.purgeWorkspace(w1, cutoffs(day(1000), { deletedJourneys: FAR_PAST }))).toEqual(
        {
          deletedJourneys: 0,
          datasets: 0,
          rawUploads: 0,
          auditEntries: 0,
          versions: 0,
        },
      );
    });

    it('given nothing old enough, when purged, then nothing goes', async () => {
      await journey(w1, 'j');
      await retitle(w1, 'j', 'Again', day(2));
      await audit(w1, 'x', day(1));
      expect(await s.retention.purgeWorkspace(w1, nothing)).toEqual({
        deletedJourneys: 0,
        datasets: 0,
        rawUploads: 0,
        auditEntries: 0,
        versions: 0,
      });
      expect((await s.journeys.history(w1, 'j' as JourneyId)).length).toBe(2);
    });
  });

  describe('deleting a workspace', () => {
    /** Something in every table a workspace reaches: journeys and all that hangs off them, datasets, people. */
    const fill = async (ws: WorkspaceId, tag: string) => {
      await journey(ws, 'j');
      await retitle(ws, 'j', `${tag} retitled`, day(1));
      await journey(ws, 'binned');
      await s.journeys.softDelete(ws, 'binned' as JourneyId, day(2));
      const thread = await s.journeys.addComment({
        id: `${tag}-c1` as CommentId,
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        target: { cardId: 's1-step' },
        body: 'Why?',
        authorId: ann,
        at: day(1),
        mentions: [ann],
      });
      await s.journeys.addReply({
        id: `${tag}-c2` as CommentId,
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        parentId: thread.id,
        body: 'Because.',
        authorId: ann,
        at: day(1),
      });
      await s.journeys.createShare({
        id: `${tag}-sh` as ShareId,
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        tokenHash: `${tag}-share`,
        createdBy: ann,
        createdAt: day(1),
        expiresAt: day(9),
      });
      await s.guests.createLink({
        id: `${tag}-link`,
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        role: 'editor',
        tokenHash: `${tag}-link`,
        createdBy: ann,
        at: day(1),
        expiresAt: day(9),
      });
      const joined = await s.guests.join({
        tokenHash: `${tag}-link`,
        guestId: `${tag}-guest` as UserId,
        name: 'Gail',
        organisation: 'Police',
        userName: 'Gail (guest, Police)',
        email: `${tag}-guest@guest.invalid`,
        sessionHash: `${tag}-guest-session`,
        csrfToken: 'x',
        at: day(2),
      });
      if (!joined.ok) throw new Error(joined.error.message);
      const artefact = await s.improvements.putArtifact({
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        kind: 'indicators',
        id: 'i1',
        data: { items: [] },
        baseVersion: 0,
        by: ann,
        at: day(1),
      });
      if (!artefact.ok) throw new Error(artefact.error.message);
      await s.workshops.put({
        workspaceId: ws,
        journeyId: 'j' as JourneyId,
        state: { facilitator: null },
        baseRevision: 0,
        at: day(1),
      });
      expect((await s.datasets.createDataset(dataset(ws, 'd1', day(1), true))).ok).toBe(true);
      expect(
        await s.datasets.setAttachment(ws, 'd1', { journeyId: 'j', attachment: {}, by: ann, at: day(1) }),
      ).not.toBeNull();
      await s.accounts.createApiToken({
        id: `${tag}-token` as TokenId,
        workspaceId: ws,
        name: 'CI',
        role: 'viewer',
        createdBy: ann,
        createdAt: day(1),
        tokenHash: `${tag}-token`,
      });
      await audit(ws, 'journey.create', day(1));
      await s.retention.setRetention({ workspaceId: ws, days, by: ann, at: day(1) });
    };

    /** For every table of the schema, the rows that belong to `ws` (directly, or through its datasets and guests). */
    const leftOf = async (ws: WorkspaceId, tag: string) => {
      const tables = await s.sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'workspace_id' ORDER BY table_name`,
      );
      const left: Record<string, number> = {};
      for (const { table_name: table } of tables)
        left[table] = await rows(`SELECT count(*) AS n FROM "${table}" WHERE workspace_id = $1`, [ws]);
      left['workspaces'] = await rows('SELECT count(*) AS n FROM workspaces WHERE id = $1', [ws]);
      left['users (guests)'] = await rows('SELECT count(*) AS n FROM users WHERE id LIKE $1', [
        `${tag}-guest`,
      ]);
      left['guests'] = await rows('SELECT count(*) AS n FROM guests WHERE id = $1', [`${tag}-guest`]);
      left['sessions (guests)'] = await rows('SELECT count(*) AS n FROM sessions WHERE user_id = $1', [
        `${tag}-guest`,
      ]);
      left['comment_thread_reads'] = await rows(
        'SELECT count(*) AS n FROM comment_thread_reads WHERE thread_id LIKE $1',
        [`${tag}-%`],
      );
      return left;
    };

    it('given a workspace with something in every table, when deleted, then no row of it remains anywhere and the other workspace is untouched', async () => {
      await fill(w1, 'a');
      await fill(w2, 'b');
      const partsBefore = await rows('SELECT count(*) AS n FROM dataset_blob_parts');
      const otherBefore = await leftOf(w2, 'b');
      // Everything was really there to delete.
      const mine = await leftOf(w1, 'a');
      for (const table of [
        'journeys',
        'journey_versions',
        'journey_snapshots',
        'comments',
        'comment_mentions',
        'share_links',
        'guest_links',
        'journey_artifacts',
        'journey_workshops',
        'datasets',
        'memberships',
        'api_tokens',
        'audit_events',
        'workspace_retention',
        'workspaces',
        'guests',
        'users (guests)',
      ])
        expect(mine[table], table).toBeGreaterThan(0);

      const deleted = await s.retention.deleteWorkspace(w1);

      expect(deleted).toEqual({ journeys: 2, datasets: 1, members: 2, auditEntries: 1, guests: 1 });
      const left = await leftOf(w1, 'a');
      expect(Object.entries(left).filter(([, n]) => n > 0)).toEqual([]);
      // The dataset's kept events and upload went with it; w2's stayed.
      expect(await rows('SELECT count(*) AS n FROM dataset_blob_parts')).toBe(partsBefore / 2);
      expect(await leftOf(w2, 'b')).toEqual(otherBefore);
      expect((await s.journeys.getJourney(w2, 'j' as JourneyId))?.journey.meta.title).toBe('b retitled');
      // People's own accounts stay: they may belong to other workspaces.
      expect(await s.accounts.getUser(bob)).not.toBeNull();
      expect((await s.accounts.listWorkspacesOf(ann)).map((w) => w.id)).toEqual([w2]);
      expect(await s.retention.deleteWorkspace(w1)).toBeNull();
    });
  });
}
