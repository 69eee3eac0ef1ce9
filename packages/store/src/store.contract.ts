import { applyCommand, type JourneyCommand, type JourneyId } from '@waymark/core';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { Stores } from './open-store';
import { runMigrations } from './migrate';
import type { CommentId, ShareId, TokenId, UserId, WorkspaceId } from './records';
import { retitled, sampleJourney } from './sample-journey';
import { createSqlJourneyStore, SNAPSHOT_EVERY } from './sql-journey-store';
import { CHECKPOINT_EVERY } from './journey-rows';

export interface StoreFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const uid = (s: string) => s as UserId;
const wid = (s: string) => s as WorkspaceId;
const jid = (s: string) => s as JourneyId;

/**
 * The behaviour every implementation of AccountStore and JourneyStore must have. Registered once per database
 * (store.pglite.test.ts, store.postgres.test.ts), each test on a fresh, migrated database.
 */
export function storeContract(
  open: () => Promise<StoreFixture>,
  /** The store assumes it is the database's only writer (the embedded database's cache). */
  options: { singleWriter?: boolean } = {},
): void {
  let fixture: StoreFixture;
  let s: Stores;
  beforeEach(async () => {
    fixture = await open();
    s = fixture.stores;
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  /** Given: ann owns workspace w1, bob exists. */
  async function seed() {
    await s.accounts.createUser({ id: uid('ann'), email: 'ann@example.org', name: 'Ann', at: T0 });
    await s.accounts.createUser({ id: uid('bob'), email: 'bob@example.org', name: 'Bob', at: T0 });
    await s.accounts.createWorkspace({ id: wid('w1'), name: 'Council', ownerId: uid('ann'), at: T0 });
  }
  async function createJourney(id = 'j1', options: Parameters<typeof sampleJourney>[1] = {}) {
    const result = await s.journeys.createJourney({
      workspaceId: wid('w1'),
      journey: sampleJourney(id, options),
      kind: 'create',
      commands: [],
      by: uid('ann'),
      at: T0,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }
  const retitle = (baseVersion: number, title: string, minute = 1, id = 'j1') =>
    s.journeys.appendVersion({
      workspaceId: wid('w1'),
      journey: retitled(sampleJourney(id), title),
      kind: 'commands',
      commands: [{ type: 'meta.update', patch: { title } }],
      baseVersion,
      by: uid('bob'),
      at: at(minute),
    });

  describe('migrations', () => {
    it('given a migrated database, when migrations run again, then nothing is applied twice', async () => {
      expect(await runMigrations(s.sql)).toEqual([]);
    });
  });

  describe('users and sign-in state', () => {
    it('given a user, when another signs up with the same email in other case, then email_taken', async () => {
      await seed();
      const again = await s.accounts.createUser({
        id: uid('x'),
        email: 'ANN@example.org',
        name: 'A',
        at: T0,
      });
      expect(again.ok ? null : again.error.code).toBe('email_taken');
      expect(await s.accounts.countUsers()).toBe(2);
    });
    it('given a password, when the account is looked up by email in any case, then the hash comes back', async () => {
      await seed();
      await s.accounts.setPassword(uid('ann'), 'hash-1', T0);
      await s.accounts.setPassword(uid('ann'), 'hash-2', at(1));
      const account = await s.accounts.findPasswordAccount('Ann@Example.org');
      expect(account?.passwordHash).toBe('hash-2');
      expect(account?.user.id).toBe('ann');
      expect(await s.accounts.findPasswordAccount('nobody@example.org')).toBeNull();
    });
    it('given a one-time password, then its expiry comes back with it and it can be used only once (migration 005)', async () => {
      await seed();
      await s.accounts.setPassword(uid('ann'), 'otp-hash', T0, { oneTimeUntil: at(60) });
      const fresh = await s.accounts.findPasswordAccount('ann@example.org');
      expect([fresh?.passwordHash, fresh?.oneTimeUntil, fresh?.oneTimeUsedAt]).toEqual([
        'otp-hash',
        at(60),
        null,
      ]);
      // A stale hash (the password was reset meanwhile) uses nothing.
      expect(await s.accounts.useOneTimePassword(uid('ann'), 'other-hash', at(1))).toBe(false);
      expect(await s.accounts.useOneTimePassword(uid('ann'), 'otp-hash', at(1))).toBe(true);
      expect(await s.accounts.useOneTimePassword(uid('ann'), 'otp-hash', at(2))).toBe(false);
      expect((await s.accounts.findPasswordAccount('ann@example.org'))?.oneTimeUsedAt).toBe(at(1));
      // A password the person chose is not one-time.
      await s.accounts.setPassword(uid('ann'), 'own-hash', at(3));
      const own = await s.accounts.findPasswordAccount('ann@example.org');
      expect([own?.passwordHash, own?.oneTimeUntil, own?.oneTimeUsedAt]).toEqual(['own-hash', null, null]);
      expect(await s.accounts.useOneTimePassword(uid('ann'), 'own-hash', at(4))).toBe(false);
      expect(own?.passwordSetAt).toBe(at(3));
      expect((await s.accounts.findPasswordAccount('bob@example.org'))?.passwordSetAt).toBeNull();
    });
    it('given a new email for a person, then they and their password are found by it and not by the old one; another’s email in any case is refused', async () => {
      await seed();
      await s.accounts.setPassword(uid('ann'), 'ann-hash', T0);
      const moved = await s.accounts.setUserEmail(uid('ann'), 'Ann.New@example.org');
      expect(moved?.ok ? moved.value.email : moved).toBe('Ann.New@example.org');
      expect(await s.accounts.findUserByEmail('ann@example.org')).toBeNull();
      expect((await s.accounts.getUser(uid('ann')))?.email).toBe('Ann.New@example.org');
      const account = await s.accounts.findPasswordAccount('ann.new@example.org');
      expect([account?.user.id, account?.passwordHash]).toEqual(['ann', 'ann-hash']);
      const taken = await s.accounts.setUserEmail(uid('ann'), 'BOB@example.org');
      expect(taken?.ok ? null : taken?.error.code).toBe('email_taken');
      expect((await s.accounts.getUser(uid('ann')))?.email).toBe('Ann.New@example.org');
      // the same address in another case is hers to keep
      expect((await s.accounts.setUserEmail(uid('ann'), 'ann.new@example.org'))?.ok).toBe(true);
      expect(await s.accounts.setUserEmail(uid('nobody'), 'x@example.org')).toBeNull();
    });
  });

  describe('interface language (migration 013)', () => {
    it('given a person who has not chosen, then null; when they choose Welsh, then cy comes back, and it can be forgotten', async () => {
      await seed();
      expect(await s.accounts.getUserLocale(uid('ann'))).toBeNull();
      expect(await s.accounts.setUserLocale(uid('ann'), 'cy')).toBe(true);
      expect(await s.accounts.getUserLocale(uid('ann'))).toBe('cy');
      // Only Ann's choice changed.
      expect(await s.accounts.getUserLocale(uid('bob'))).toBeNull();
      expect(await s.accounts.setUserLocale(uid('ann'), 'en')).toBe(true);
      expect(await s.accounts.getUserLocale(uid('ann'))).toBe('en');
      expect(await s.accounts.setUserLocale(uid('ann'), null)).toBe(true);
      expect(await s.accounts.getUserLocale(uid('ann'))).toBeNull();
      expect(await s.accounts.setUserLocale(uid('nobody'), 'cy')).toBe(false);
    });
    it('given a language the database does not know, then it is refused', async () => {
      await seed();
      await expect(s.accounts.setUserLocale(uid('ann'), 'fr' as never)).rejects.toThrow();
      expect(await s.accounts.getUserLocale(uid('ann'))).toBeNull();
    });
  });

  describe('sessions', () => {
    it('given a session, when found before and after it expires, then only before', async () => {
      await seed();
      await s.accounts.createSession({
        tokenHash: 'h1',
        userId: uid('ann'),
        csrfToken: 'c1',
        at: T0,
        expiresAt: at(60),
      });
      expect((await s.accounts.findSession('h1', at(59)))?.user.email).toBe('ann@example.org');
      expect(await s.accounts.findSession('h1', at(60))).toBeNull();
      expect(await s.accounts.deleteExpiredSessions(at(61))).toBe(1);
    });
    it("given sessions of two people, one of which must change its password, then the flag comes back and all of one person's sessions can be ended", async () => {
      await seed();
      const session = (tokenHash: string, userId: string, mustChangePassword?: boolean) =>
        s.accounts.createSession({
          tokenHash,
          userId: uid(userId),
          csrfToken: 'c',
          at: T0,
          expiresAt: at(60),
          ...(mustChangePassword === undefined ? {} : { mustChangePassword }),
        });
      await session('a1', 'ann', true);
      await session('a2', 'ann');
      await session('b1', 'bob');
      expect((await s.accounts.findSession('a1', T0))?.mustChangePassword).toBe(true);
      expect((await s.accounts.findSession('a2', T0))?.mustChangePassword).toBe(false);
      expect(await s.accounts.deleteSessionsOf(uid('ann'))).toBe(2);
      expect([await s.accounts.findSession('a1', T0), await s.accounts.findSession('a2', T0)]).toEqual([
        null,
        null,
      ]);
      expect((await s.accounts.findSession('b1', T0))?.user.id).toBe('bob');
    });
    it('given a session, when deleted (sign-out), then it is gone', async () => {
      await seed();
      await s.accounts.createSession({
        tokenHash: 'h1',
        userId: uid('ann'),
        csrfToken: 'c1',
        at: T0,
        expiresAt: at(60),
      });
      await s.accounts.deleteSession('h1');
      expect(await s.accounts.findSession('h1', T0)).toBeNull();
    });
  });

  describe('workspaces and members', () => {
    it('given a new workspace, then its creator is its owner and sees it', async () => {
      await seed();
      expect(await s.accounts.listWorkspacesOf(uid('ann'))).toEqual([
        { id: 'w1', name: 'Council', role: 'owner' },
      ]);
      expect(await s.accounts.listWorkspacesOf(uid('bob'))).toEqual([]);
      expect(await s.accounts.roleOf(wid('w1'), uid('bob'))).toBeNull();
    });
    it('given a member, when added twice, then already_member and the role is unchanged', async () => {
      await seed();
      expect((await s.accounts.addMember(wid('w1'), uid('bob'), 'viewer', T0)).ok).toBe(true);
      const again = await s.accounts.addMember(wid('w1'), uid('bob'), 'owner', T0);
      expect(again.ok ? null : again.error.code).toBe('already_member');
      expect(await s.accounts.roleOf(wid('w1'), uid('bob'))).toBe('viewer');
      expect((await s.accounts.listMembers(wid('w1'))).map((m) => [m.user.name, m.role])).toEqual([
        ['Ann', 'owner'],
        ['Bob', 'viewer'],
      ]);
    });
    it('given the only owner, when demoted or removed, then last_owner and nothing changes', async () => {
      await seed();
      const demoted = await s.accounts.setMemberRole(wid('w1'), uid('ann'), 'editor');
      const removed = await s.accounts.removeMember(wid('w1'), uid('ann'));
      expect([demoted.ok ? null : demoted.error.code, removed.ok ? null : removed.error.code]).toEqual([
        'last_owner',
        'last_owner',
      ]);
      expect(await s.accounts.roleOf(wid('w1'), uid('ann'))).toBe('owner');
    });
    it('given a second owner, when the first steps down and is removed, then it works', async () => {
      await seed();
      await s.accounts.addMember(wid('w1'), uid('bob'), 'editor', T0);
      expect((await s.accounts.setMemberRole(wid('w1'), uid('bob'), 'owner')).ok).toBe(true);
      expect((await s.accounts.setMemberRole(wid('w1'), uid('ann'), 'viewer')).ok).toBe(true);
      expect((await s.accounts.removeMember(wid('w1'), uid('ann'))).ok).toBe(true);
      const missing = await s.accounts.removeMember(wid('w1'), uid('ann'));
      expect(missing.ok ? null : missing.error.code).toBe('member_not_found');
    });
  });

  describe('API tokens', () => {
    it('given a token, when revoked, then it no longer authenticates but stays listed', async () => {
      await seed();
      const token = {
        id: 't1' as TokenId,
        workspaceId: wid('w1'),
        name: 'CI',
        role: 'editor' as const,
        createdBy: uid('ann'),
        createdAt: T0,
      };
      await s.accounts.createApiToken({ ...token, tokenHash: 'th1' });
      expect((await s.accounts.findApiToken('th1'))?.role).toBe('editor');
      // Without scopes, a token gets what tokens could do before scopes existed, minus membership.
      expect((await s.accounts.findApiToken('th1'))?.scopes).toEqual(['read', 'journeys:write']);
      expect((await s.accounts.revokeApiToken(wid('w1'), token.id, at(5))).ok).toBe(true);
      expect(await s.accounts.findApiToken('th1')).toBeNull();
      expect((await s.accounts.listApiTokens(wid('w1')))[0]?.revokedAt).toBe(at(5));
      const other = await s.accounts.revokeApiToken(wid('w2'), token.id, at(5));
      expect(other.ok ? null : other.error.code).toBe('token_not_found');
    });
    it('given a token with chosen scopes, then they come back in order, and an unknown scope is refused by the database', async () => {
      await seed();
      const base = {
        workspaceId: wid('w1'),
        name: 'Importer',
        role: 'owner' as const,
        createdBy: uid('ann'),
      };
      await s.accounts.createApiToken({
        ...base,
        id: 't2' as TokenId,
        createdAt: T0,
        tokenHash: 'th2',
        scopes: ['import', 'read'],
      });
      expect((await s.accounts.findApiToken('th2'))?.scopes).toEqual(['read', 'import']);
      expect((await s.accounts.listApiTokens(wid('w1'))).map((t) => t.scopes)).toEqual([['read', 'import']]);
      await expect(
        s.accounts.createApiToken({
          ...base,
          id: 't3' as TokenId,
          createdAt: T0,
          tokenHash: 'th3',
          scopes: ['members' as never],
        }),
      ).rejects.toThrow();
    });
  });

  describe('audit log', () => {
    it('given events in two workspaces, when listed, then newest first, only that workspace, paged', async () => {
      await seed();
      for (let i = 0; i < 5; i++) {
        await s.accounts.appendAudit({
          workspaceId: wid('w1'),
          actorId: uid('ann'),
          action: `a${i}`,
          target: null,
          detail: { i },
          ip: '127.0.0.1',
          at: at(i),
        });
      }
      await s.accounts.appendAudit({
        workspaceId: null,
        actorId: null,
        action: 'sign_in.failed',
        target: 'x',
        detail: null,
        ip: null,
        at: T0,
      });
      const page = await s.accounts.listAudit(wid('w1'), { limit: 3 });
      expect(page.map((e) => e.action)).toEqual(['a4', 'a3', 'a2']);
      expect(page[0]?.detail).toEqual({ i: 4 });
      const next = await s.accounts.listAudit(wid('w1'), { before: page.at(-1)!.seq });
      expect(next.map((e) => e.action)).toEqual(['a1', 'a0']);
    });
  });

  describe('administration (migration 014)', () => {
    it('given the first account and a later one, then only the first is an instance administrator, and that can change', async () => {
      await seed();
      expect((await s.accounts.getUser(uid('ann')))?.instanceAdmin).toBe(true);
      expect((await s.accounts.getUser(uid('bob')))?.instanceAdmin).toBe(false);
      expect((await s.accounts.setInstanceAdmin(uid('bob'), true))?.instanceAdmin).toBe(true);
      expect((await s.accounts.getUser(uid('bob')))?.instanceAdmin).toBe(true);
      expect(await s.accounts.setInstanceAdmin(uid('nobody'), true)).toBeNull();
      expect((await s.accounts.listUsers()).map((u) => [u.id, u.instanceAdmin])).toEqual([
        ['ann', true],
        ['bob', true],
      ]);
    });
    it('given a person with sessions, when suspended, then their sessions end and none is found until restored', async () => {
      await seed();
      const session = (tokenHash: string) =>
        s.accounts.createSession({
          tokenHash,
          userId: uid('bob'),
          csrfToken: 'c',
          at: T0,
          expiresAt: at(60),
        });
      await session('b1');
      expect((await s.accounts.findSession('b1', T0))?.user.suspendedAt).toBeNull();
      const suspended = await s.accounts.setSuspended(uid('bob'), at(1));
      expect(suspended?.suspendedAt).toBe(at(1));
      expect(await s.accounts.findSession('b1', at(2))).toBeNull();
      expect(await s.accounts.listSessionsOf(uid('bob'), at(2))).toEqual([]);
      // A session made while suspended (sign-in must refuse first) is still not found.
      await session('b2');
      expect(await s.accounts.findSession('b2', at(2))).toBeNull();
      expect((await s.accounts.findPasswordAccount('bob@example.org'))?.user.suspendedAt).toBe(at(1));
      expect((await s.accounts.setSuspended(uid('bob'), null))?.suspendedAt).toBeNull();
      expect((await s.accounts.findSession('b2', at(3)))?.user.id).toBe('bob');
      expect(await s.accounts.setSuspended(uid('nobody'), at(1))).toBeNull();
    });
    it("given a person's sessions, when listed and one is ended by id, then only that one ends and only its owner can end it", async () => {
      await seed();
      await s.accounts.createSession({
        tokenHash: 'a1',
        userId: uid('ann'),
        csrfToken: 'c',
        at: T0,
        expiresAt: at(60),
        userAgent: 'Firefox',
      });
      await s.accounts.createSession({
        tokenHash: 'a2',
        userId: uid('ann'),
        csrfToken: 'c',
        at: at(1),
        expiresAt: at(60),
      });
      await s.accounts.createSession({
        tokenHash: 'a3',
        userId: uid('ann'),
        csrfToken: 'c',
        at: T0,
        expiresAt: at(2),
      });
      const listed = await s.accounts.listSessionsOf(uid('ann'), at(5));
      expect(listed.map((x) => [x.createdAt, x.expiresAt, x.userAgent])).toEqual([
        [at(1), at(60), null],
        [T0, at(60), 'Firefox'],
      ]);
      const first = await s.accounts.findSession('a1', at(5));
      expect(first?.id).toBe(listed[1]?.id);
      expect(await s.accounts.deleteSessionById(uid('bob'), first!.id)).toBe(false);
      expect(await s.accounts.deleteSessionById(uid('ann'), first!.id)).toBe(true);
      expect(await s.accounts.findSession('a1', at(5))).toBeNull();
      expect((await s.accounts.findSession('a2', at(5)))?.user.id).toBe('ann');
      expect(await s.accounts.deleteSessionById(uid('ann'), first!.id)).toBe(false);
    });
    it('given workspaces, when renamed and archived, then an archived one is hidden from members, read-only, and listed for administrators', async () => {
      await seed();
      await s.accounts.createWorkspace({ id: wid('w2'), name: 'Archive me', ownerId: uid('ann'), at: T0 });
      await s.accounts.addMember(wid('w2'), uid('bob'), 'editor', T0);
      const renamed = await s.accounts.renameWorkspace(wid('w1'), 'County council');
      expect(renamed.ok ? renamed.value.name : null).toBe('County council');
      const missing = await s.accounts.renameWorkspace(wid('nope'), 'x');
      expect(missing.ok ? null : missing.error.code).toBe('workspace_not_found');
      const archived = await s.accounts.setWorkspaceArchived(wid('w2'), at(3));
      expect(archived.ok ? archived.value.archivedAt : null).toBe(at(3));
      expect((await s.accounts.listWorkspacesOf(uid('ann'))).map((w) => w.id)).toEqual(['w1']);
      expect(await s.accounts.roleOf(wid('w2'), uid('ann'))).toBe('viewer');
      expect(await s.accounts.roleOf(wid('w2'), uid('bob'))).toBe('viewer');
      expect(await s.accounts.roleOf(wid('w1'), uid('ann'))).toBe('owner');
      expect(
        (await s.accounts.listAllWorkspaces()).map((w) => [w.id, w.name, w.archivedAt, w.memberCount]),
      ).toEqual([
        ['w2', 'Archive me', at(3), 2],
        ['w1', 'County council', null, 1],
      ]);
      expect((await s.accounts.setWorkspaceArchived(wid('w2'), null)).ok).toBe(true);
      expect(await s.accounts.roleOf(wid('w2'), uid('bob'))).toBe('editor');
      expect((await s.accounts.getWorkspace(wid('w2')))?.archivedAt).toBeNull();
    });
    it('given a token with an expiry, then it comes back with it, and its last use is recorded at most once a minute', async () => {
      await seed();
      await s.accounts.createApiToken({
        id: 't1' as TokenId,
        workspaceId: wid('w1'),
        name: 'Nightly',
        role: 'viewer',
        createdBy: uid('ann'),
        createdAt: T0,
        tokenHash: 'th1',
        scopes: ['read'],
        expiresAt: at(600),
      });
      const found = await s.accounts.findApiToken('th1');
      expect([found?.expiresAt, found?.lastUsedAt]).toEqual([at(600), null]);
      await s.accounts.touchApiToken('t1' as TokenId, at(1));
      await s.accounts.touchApiToken('t1' as TokenId, new Date(Date.parse(at(1)) + 30_000).toISOString());
      expect((await s.accounts.listApiTokens(wid('w1')))[0]?.lastUsedAt).toBe(at(1));
      await s.accounts.touchApiToken('t1' as TokenId, at(3));
      expect((await s.accounts.listApiTokens(wid('w1')))[0]?.lastUsedAt).toBe(at(3));
    });
    it('given audit events, when filtered by person, action, action prefix, target and dates, then only those match, with names', async () => {
      await seed();
      const event = (actor: string | null, action: string, target: string | null, minute: number) =>
        s.accounts.appendAudit({
          workspaceId: wid('w1'),
          actorId: actor as UserId | null,
          action,
          target,
          detail: null,
          ip: null,
          at: at(minute),
        });
      await event('ann', 'token.create', 'token:t1', 0);
      await event('bob', 'journey.export', 'journey:Bins_100%', 10);
      await event('ann', 'token.revoke', 'token:t1', 20);
      await event(null, 'sign_in.failed', null, 30);
      const list = (filter: Parameters<typeof s.accounts.listAudit>[1]) =>
        s.accounts.listAudit(wid('w1'), filter).then((r) => r.map((e) => e.action));
      expect(await list({ filter: { actorId: uid('ann') } })).toEqual(['token.revoke', 'token.create']);
      expect(await list({ filter: { action: 'token.create' } })).toEqual(['token.create']);
      expect(await list({ filter: { action: 'token.' } })).toEqual(['token.revoke', 'token.create']);
      expect(await list({ filter: { action: 'token' } })).toEqual([]);
      expect(await list({ filter: { target: 'BINS_100%' } })).toEqual(['journey.export']);
      expect(await list({ filter: { target: '_' } })).toEqual(['journey.export']);
      expect(await list({ filter: { from: at(10), to: at(30) } })).toEqual([
        'token.revoke',
        'journey.export',
      ]);
      expect(await list({ filter: { actorId: uid('ann'), from: at(10) } })).toEqual(['token.revoke']);
      const all = await s.accounts.listAudit(wid('w1'));
      expect(all.map((e) => e.actorName)).toEqual([null, 'Ann', 'Bob', 'Ann']);
      expect(await s.accounts.listAuditActions(wid('w1'))).toEqual([
        'journey.export',
        'sign_in.failed',
        'token.create',
        'token.revoke',
      ]);
    });
  });

  describe('journeys', () => {
    it('given a new journey, then it is version 1 with its document and a create entry in history', async () => {
      await seed();
      const created = await createJourney();
      expect(created.version).toBe(1);
      const got = await s.journeys.getJourney(wid('w1'), jid('j1'));
      expect(got?.journey).toEqual(sampleJourney('j1'));
      expect(
        (await s.journeys.history(wid('w1'), jid('j1'))).map((h) => [h.version, h.kind, h.by?.name]),
      ).toEqual([[1, 'create', 'Ann']]);
      expect(await s.journeys.getJourney(wid('w2'), jid('j1'))).toBeNull();
    });
    it('given a journey, when one with the same id is created, then journey_exists and the first is kept', async () => {
      await seed();
      await createJourney('j1', { title: 'First' });
      const again = await s.journeys.createJourney({
        workspaceId: wid('w1'),
        journey: sampleJourney('j1', { title: 'Second' }),
        kind: 'create',
        commands: [],
        by: null,
        at: T0,
      });
      expect(again.ok ? null : again.error.code).toBe('journey_exists');
      expect((await s.journeys.getJourney(wid('w1'), jid('j1')))?.journey.meta.title).toBe('First');
    });
    it('given version 1, when commands are appended on it, then version 2 with who, when and which commands', async () => {
      await seed();
      await createJourney();
      const next = await retitle(1, 'Renamed', 3);
      expect(next.ok && next.value.version).toBe(2);
      const history = await s.journeys.history(wid('w1'), jid('j1'));
      expect(history[1]).toEqual({
        version: 2,
        kind: 'commands',
        at: at(3),
        by: { id: 'bob', name: 'Bob' },
        commands: [{ type: 'meta.update', patch: { title: 'Renamed' } }],
        detail: null,
      });
      const list = await s.journeys.listJourneys(wid('w1'));
      expect([list[0]?.title, list[0]?.version, list[0]?.updatedBy?.name]).toEqual(['Renamed', 2, 'Bob']);
    });
    it('given a stale base version, when appended, then version_conflict with the current journey and nothing changes', async () => {
      await seed();
      await createJourney();
      await retitle(1, 'Mine');
      const stale = await retitle(1, 'Theirs');
      expect(stale.ok).toBe(false);
      if (stale.ok) return;
      expect(stale.error.code).toBe('version_conflict');
      expect([stale.error.current?.version, stale.error.current?.journey.meta.title]).toEqual([2, 'Mine']);
      expect((await s.journeys.getJourney(wid('w1'), jid('j1')))?.journey.meta.title).toBe('Mine');
      expect(await s.journeys.history(wid('w1'), jid('j1'))).toHaveLength(2);
    });
    it('given many writers on the same base version at once, then exactly one wins and the rest conflict', async () => {
      await seed();
      await createJourney();
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => retitle(1, `Writer ${i}`)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error.code === 'version_conflict')).toHaveLength(7);
      expect(await s.journeys.history(wid('w1'), jid('j1'))).toHaveLength(2);
    });
    it('given writers on many journeys at once (committed together), then every write lands, and one that breaks a rule fails alone', async () => {
      await seed();
      const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
      for (const id of ids) await createJourney(id);
      const writes = ids.map((id, i) =>
        s.journeys.appendVersion({
          workspaceId: wid('w1'),
          journey: retitled(sampleJourney(id), `${id} renamed`),
          kind: 'commands',
          commands: [{ type: 'meta.update', patch: { title: `${id} renamed` } }],
          baseVersion: 1,
          by: i === 5 ? uid('ghost') : uid('bob'),
          at: at(1),
        }),
      );
      const results = await Promise.allSettled(writes);
      expect(results.map((r) => r.status)).toEqual(ids.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
      for (const [i, id] of ids.entries()) {
        const read = await s.journeys.getJourney(wid('w1'), jid(id));
        expect([read?.version, read?.journey.meta.title]).toEqual(
          i === 5 ? [1, `Journey ${id}`] : [2, `${id} renamed`],
        );
      }
    });
    it('given an unknown journey, when appended to, then journey_not_found', async () => {
      await seed();
      const missing = await retitle(1, 'x', 1, 'nope');
      expect(missing.ok ? null : missing.error.code).toBe('journey_not_found');
    });
    it('given more versions than the snapshot interval, when a version trail is read, then it starts at the nearest snapshot', async () => {
      await seed();
      await createJourney();
      let version = 1;
      for (let i = 0; i < SNAPSHOT_EVERY + 2; i++) {
        const next = await retitle(version, `Title ${version + 1}`, i);
        if (!next.ok) throw new Error(next.error.message);
        version = next.value.version;
      }
      const early = await s.journeys.versionTrail(wid('w1'), jid('j1'), 3);
      expect([early?.snapshot.version, early?.after.map((a) => a.version)]).toEqual([1, [2, 3]]);
      const late = await s.journeys.versionTrail(wid('w1'), jid('j1'), SNAPSHOT_EVERY + 1);
      expect([late?.snapshot.version, late?.snapshot.journey.meta.title, late?.after.length]).toEqual([
        SNAPSHOT_EVERY,
        `Title ${SNAPSHOT_EVERY}`,
        1,
      ]);
      expect(await s.journeys.versionTrail(wid('w1'), jid('j1'), version + 1)).toBeNull();
    });
    it('given writes past several checkpoints, then the journey read back is always the one last written', async () => {
      await seed();
      let current = (await createJourney()).journey;
      for (let v = 1; v <= CHECKPOINT_EVERY * 2 + 3; v++) {
        const command: JourneyCommand =
          v % 2 === 0
            ? { type: 'meta.update', patch: { title: `Title ${v}` } }
            : { type: 'card.update', id: 's1-step' as never, patch: { text: `Text ${v}` } };
        const applied = applyCommand(current, command);
        if (!applied.ok) throw new Error(applied.error.message);
        const next = await s.journeys.appendVersion({
          workspaceId: wid('w1'),
          journey: applied.value.journey,
          kind: 'commands',
          commands: [command],
          baseVersion: v,
          by: null,
          at: at(v),
        });
        if (!next.ok) throw new Error(next.error.message);
        current = applied.value.journey;
        const read = await s.journeys.getJourney(wid('w1'), jid('j1'));
        expect([read?.version, read?.journey]).toEqual([v + 1, current]);
      }
    });
    it.skipIf(options.singleWriter === true)(
      'given a journey read by one server, when another server on the same database changes it, then the next read sees it',
      async () => {
        await seed();
        await createJourney();
        const other = createSqlJourneyStore(s.sql);
        expect((await s.journeys.getJourney(wid('w1'), jid('j1')))?.version).toBe(1);
        const next = await other.appendVersion({
          workspaceId: wid('w1'),
          journey: retitled(sampleJourney('j1'), 'Elsewhere'),
          kind: 'commands',
          commands: [{ type: 'meta.update', patch: { title: 'Elsewhere' } }],
          baseVersion: 1,
          by: null,
          at: at(1),
        });
        expect(next.ok).toBe(true);
        const read = await s.journeys.getJourney(wid('w1'), jid('j1'));
        expect([read?.version, read?.journey.meta.title]).toEqual([2, 'Elsewhere']);
        await other.softDelete(wid('w1'), jid('j1'), at(2));
        expect(await s.journeys.getJourney(wid('w1'), jid('j1'))).toBeNull();
      },
    );
    it('given journeys, when listed with search and filters, then only the matching ones', async () => {
      await seed();
      await createJourney('housing', { title: 'Housing repair' });
      await createJourney('asb', { title: 'Reporting anti-social behaviour', journeyType: 'desired' });
      await createJourney('pct', { title: '100% done_' });
      const ids = async (filter: Parameters<Stores['journeys']['listJourneys']>[1]) =>
        (await s.journeys.listJourneys(wid('w1'), filter)).map((j) => j.id);
      expect(await ids({})).toEqual(['pct', 'housing', 'asb']);
      expect(await ids({ q: 'REPAIR' })).toEqual(['housing']);
      expect(await ids({ q: '0% d' })).toEqual(['pct']);
      expect(await ids({ q: '%' })).toEqual(['pct']);
      expect(await ids({ type: 'desired' })).toEqual(['asb']);
      expect(await ids({ status: 'published' })).toEqual([]);
      expect(await ids({ owner: 'customer services' })).toHaveLength(3);
    });
    it('given a deleted journey, then it leaves the list, can be undeleted within the window, and not after', async () => {
      await seed();
      await createJourney();
      expect((await s.journeys.softDelete(wid('w1'), jid('j1'), at(10))).ok).toBe(true);
      expect(await s.journeys.getJourney(wid('w1'), jid('j1'))).toBeNull();
      expect(await s.journeys.listJourneys(wid('w1'))).toEqual([]);
      expect((await s.journeys.listJourneys(wid('w1'), { deleted: true })).map((j) => j.deletedAt)).toEqual([
        at(10),
      ]);
      const late = await s.journeys.undelete(wid('w1'), jid('j1'), at(11));
      expect(late.ok ? null : late.error.code).toBe('undelete_expired');
      const back = await s.journeys.undelete(wid('w1'), jid('j1'), at(9));
      expect(back.ok && back.value.journey.id).toBe('j1');
      const again = await s.journeys.undelete(wid('w1'), jid('j1'), at(9));
      expect(again.ok ? null : again.error.code).toBe('journey_not_deleted');
    });
    it('given a deleted journey, when commands arrive for it, then they are refused', async () => {
      await seed();
      await createJourney();
      await s.journeys.softDelete(wid('w1'), jid('j1'), at(10));
      const write = await retitle(1, 'ghost');
      expect(write.ok ? null : write.error.code).toBe('journey_not_found');
    });
    it('given journeys deleted at different times, when purged, then only those deleted before the cut-off go, with their history', async () => {
      await seed();
      await createJourney('old');
      await createJourney('new');
      await s.journeys.softDelete(wid('w1'), jid('old'), at(1));
      await s.journeys.softDelete(wid('w1'), jid('new'), at(100));
      expect(await s.journeys.purgeDeleted(at(50))).toBe(1);
      expect(await s.journeys.getJourney(wid('w1'), jid('old'), { includeDeleted: true })).toBeNull();
      expect(await s.journeys.history(wid('w1'), jid('old'))).toEqual([]);
      expect(await s.journeys.getJourney(wid('w1'), jid('new'), { includeDeleted: true })).not.toBeNull();
    });
  });

  describe('comments', () => {
    it('given a comment on a card, when resolved and reopened, then who and when are kept and cleared', async () => {
      await seed();
      await createJourney();
      const c = await s.journeys.addComment({
        id: 'c1' as CommentId,
        workspaceId: wid('w1'),
        journeyId: jid('j1'),
        target: { cardId: 's1-step' },
        body: 'Is this right?',
        authorId: uid('ann'),
        at: T0,
      });
      expect([c.target, c.author.name, c.resolvedAt]).toEqual([{ cardId: 's1-step' }, 'Ann', null]);
      const resolved = await s.journeys.resolveComment({
        workspaceId: wid('w1'),
        journeyId: jid('j1'),
        id: c.id,
        resolved: true,
        by: uid('bob'),
        at: at(2),
      });
      expect(resolved.ok && [resolved.value.resolvedAt, resolved.value.resolvedBy?.name]).toEqual([
        at(2),
        'Bob',
      ]);
      const reopened = await s.journeys.resolveComment({
        workspaceId: wid('w1'),
        journeyId: jid('j1'),
        id: c.id,
        resolved: false,
        by: uid('bob'),
        at: at(3),
      });
      expect(reopened.ok && reopened.value.resolvedAt).toBeNull();
      expect(await s.journeys.listComments(wid('w1'), jid('j1'))).toHaveLength(1);
    });
    it('given a comment on one journey, when resolved through another, then comment_not_found', async () => {
      await seed();
      await createJourney('j1');
      await createJourney('j2');
      await s.journeys.addComment({
        id: 'c1' as CommentId,
        workspaceId: wid('w1'),
        journeyId: jid('j1'),
        target: { columnId: 's1' },
        body: 'x',
        authorId: uid('ann'),
        at: T0,
      });
      const wrong = await s.journeys.resolveComment({
        workspaceId: wid('w1'),
        journeyId: jid('j2'),
        id: 'c1' as CommentId,
        resolved: true,
        by: uid('ann'),
        at: T0,
      });
      expect(wrong.ok ? null : wrong.error.code).toBe('comment_not_found');
    });
  });

  describe('share links', () => {
    it('given a share link, then it opens the journey until it expires or is revoked, or the journey is deleted', async () => {
      await seed();
      await createJourney();
      const share = await s.journeys.createShare({
        id: 'sh1' as ShareId,
        workspaceId: wid('w1'),
        journeyId: jid('j1'),
        tokenHash: 'sth',
        createdBy: uid('ann'),
        createdAt: T0,
        expiresAt: at(60),
      });
      expect((await s.journeys.findSharedJourney('sth', at(59)))?.id).toBe('j1');
      expect(await s.journeys.findSharedJourney('sth', at(60))).toBeNull();
      expect(await s.journeys.findSharedJourney('other', at(1))).toBeNull();
      await s.journeys.softDelete(wid('w1'), jid('j1'), at(2));
      expect(await s.journeys.findSharedJourney('sth', at(3))).toBeNull();
      await s.journeys.undelete(wid('w1'), jid('j1'), at(0));
      expect((await s.journeys.revokeShare(wid('w1'), jid('j1'), share.id, at(4))).ok).toBe(true);
      expect(await s.journeys.findSharedJourney('sth', at(5))).toBeNull();
      expect((await s.journeys.listShares(wid('w1'), jid('j1')))[0]?.revokedAt).toBe(at(4));
    });
  });

  describe('settings', () => {
    it('given a setting, when written twice, then the last value is read', async () => {
      expect(await s.accounts.getSetting('demo')).toBeNull();
      await s.accounts.putSetting('demo', { seeded: true });
      await s.accounts.putSetting('demo', { seeded: false, list: [1, 2] });
      expect(await s.accounts.getSetting('demo')).toEqual({ seeded: false, list: [1, 2] });
    });
  });
}
