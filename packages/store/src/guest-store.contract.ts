import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GUESTS_CHANNEL, type GuestStore } from './guest-store';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { seedOwner } from './test-database';

export interface GuestFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T10:00:00.000Z';
const END = '2026-01-01T17:00:00.000Z';
const AFTER = '2026-01-01T17:00:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const j1 = 'j1' as JourneyId;
const j2 = 'j2' as JourneyId;

/** The behaviour every GuestStore must have; registered once per database, each test on a fresh one. */
export function guestStoreContract(open: () => Promise<GuestFixture>): void {
  let fixture: GuestFixture;
  let store: GuestStore;
  beforeEach(async () => {
    // Given: ann owns workspace w1, which holds journeys j1 and j2.
    fixture = await open();
    const s = fixture.stores;
    store = s.guests;
    await seedOwner(s, ann, ws, T0);
    for (const id of ['j1', 'j2']) {
      const made = await s.journeys.createJourney({
        workspaceId: ws,
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

  const link = (id = 'l1', journeyId = j1, role: 'editor' | 'commenter' = 'editor') =>
    store.createLink({
      id,
      workspaceId: ws,
      journeyId,
      role,
      tokenHash: `hash-${id}`,
      createdBy: ann,
      at: T0,
      expiresAt: END,
    });
  const join = (n: number, tokenHash = 'hash-l1', at = T1) =>
    store.join({
      tokenHash,
      guestId: `g${n}` as UserId,
      name: `Guest ${n}`,
      organisation: n === 1 ? 'Borough Council' : null,
      userName: n === 1 ? `Guest ${n} (guest, Borough Council)` : `Guest ${n} (guest)`,
      email: `g${n}@guest.invalid`,
      sessionHash: `session-${n}`,
      csrfToken: `csrf-${n}`,
      at,
    });

  it('given a link, when it is made and found by its token hash, then it reads back with its maker and only on its own journey', async () => {
    const made = await link();
    expect(made).toEqual({
      id: 'l1',
      workspaceId: 'w1',
      journeyId: 'j1',
      role: 'editor',
      createdBy: { id: 'ann', name: 'Ann' },
      createdAt: T0,
      expiresAt: END,
      revokedAt: null,
    });
    expect(await store.findLink('hash-l1')).toEqual(made);
    expect(await store.findLink('hash-other')).toBeNull();
    expect(await store.listLinks(ws, j2)).toEqual([]);
    expect(await store.listLinks(ws, j1)).toEqual([{ link: made, guests: [] }]);
  });

  it('given a link, when two guests join, then each has a session limited to the link, a users row with their shown name, and they are listed in order', async () => {
    await link();
    const first = await join(1);
    expect(first.ok && first.value.guest).toEqual({
      id: 'g1',
      linkId: 'l1',
      name: 'Guest 1',
      organisation: 'Borough Council',
      joinedAt: T1,
      lastSeenAt: T1,
      removedAt: null,
      left: false,
    });
    expect((await join(2)).ok).toBe(true);
    expect((await fixture.stores.accounts.getUser('g1' as UserId))?.name).toBe(
      'Guest 1 (guest, Borough Council)',
    );
    // A guest is nobody's member: they have no workspace of their own.
    expect(await fixture.stores.accounts.listWorkspacesOf('g1' as UserId)).toEqual([]);
    const session = await store.findSession('session-1', T1);
    expect(session).toMatchObject({ state: 'active', csrfToken: 'csrf-1', guest: { id: 'g1' } });
    expect(session?.link).toMatchObject({ id: 'l1', workspaceId: 'w1', journeyId: 'j1', role: 'editor' });
    expect(await store.findSession('session-unknown', T1)).toBeNull();
    const [listed] = await store.listLinks(ws, j1);
    expect(listed?.guests.map((g) => g.name)).toEqual(['Guest 1', 'Guest 2']);
  });

  it('given a guest, when the link expires, then their session says expired and nobody can join any more', async () => {
    await link();
    await join(1);
    expect((await store.findSession('session-1', AFTER))?.state).toBe('expired');
    const late = await join(2, 'hash-l1', AFTER);
    expect(!late.ok && late.error.code).toBe('link_ended');
    expect(!late.ok && late.error.message).toBe('this workshop link has expired');
    const unknown = await join(3, 'hash-nothing');
    expect(!unknown.ok && unknown.error.code).toBe('link_not_found');
    expect(await fixture.stores.accounts.getUser('g2' as UserId)).toBeNull();
  });

  it('given two guests on a link, when the link is withdrawn, then both are announced, both sessions say revoked, and joining is refused', async () => {
    const heard: unknown[] = [];
    const stop = await fixture.stores.sql.listen(GUESTS_CHANNEL, (p) => heard.push(p && JSON.parse(p)));
    try {
      await link();
      await join(1);
      await join(2);
      const revoked = await store.revokeLink({
        workspaceId: ws,
        journeyId: j1,
        linkId: 'l1',
        by: ann,
        at: T1,
      });
      expect(revoked.ok && revoked.value.guests).toEqual(['g1', 'g2']);
      expect(revoked.ok && revoked.value.link.revokedAt).toBe(T1);
      await expect.poll(() => heard.length).toBe(1);
      expect(heard[0]).toEqual({ s: expect.any(String), g: ['g1', 'g2'], r: 'revoked' });
      expect((await store.findSession('session-2', T1))?.state).toBe('revoked');
      const refused = await join(3);
      expect(!refused.ok && refused.error.message).toBe('this workshop link was withdrawn');
      // Another journey's link cannot be withdrawn through this one.
      await link('l2', j2);
      const wrong = await store.revokeLink({ workspaceId: ws, journeyId: j1, linkId: 'l2', by: ann, at: T1 });
      expect(!wrong.ok && wrong.error.code).toBe('link_not_found');
    } finally {
      await stop();
    }
  });

  it('given a guest, when they are removed, then it is announced, their session says removed at once, and only this journey can remove them', async () => {
    const heard: unknown[] = [];
    const stop = await fixture.stores.sql.listen(GUESTS_CHANNEL, (p) => heard.push(p && JSON.parse(p)));
    try {
      await link();
      await join(1);
      await join(2);
      const wrong = await store.removeGuest({
        workspaceId: ws,
        journeyId: j2,
        guestId: 'g1' as UserId,
        by: ann,
        at: T1,
      });
      expect(!wrong.ok && wrong.error.code).toBe('guest_not_found');
      const removed = await store.removeGuest({
        workspaceId: ws,
        journeyId: j1,
        guestId: 'g1' as UserId,
        by: ann,
        at: T1,
      });
      expect(removed.ok && removed.value.removedAt).toBe(T1);
      expect((await store.findSession('session-1', T1))?.state).toBe('removed');
      expect((await store.findSession('session-2', T1))?.state).toBe('active');
      await expect.poll(() => heard.length).toBe(1);
      expect(heard[0]).toEqual({ s: expect.any(String), g: ['g1'], r: 'removed' });
    } finally {
      await stop();
    }
  });

  it('given a guest, when they leave by themselves, then it is announced as leaving and listed as left', async () => {
    const heard: unknown[] = [];
    const stop = await fixture.stores.sql.listen(GUESTS_CHANNEL, (p) => heard.push(p && JSON.parse(p)));
    try {
      await link();
      await join(1);
      const left = await store.removeGuest({
        workspaceId: ws,
        journeyId: j1,
        guestId: 'g1' as UserId,
        by: 'g1' as UserId,
        at: T1,
      });
      expect(left.ok && left.value).toMatchObject({ removedAt: T1, left: true });
      await expect.poll(() => heard.length).toBe(1);
      expect(heard[0]).toEqual({ s: expect.any(String), g: ['g1'], r: 'left' });
      const [listed] = await store.listLinks(ws, j1);
      expect(listed?.guests[0]).toMatchObject({ left: true, removedAt: T1 });
      expect((await store.findSession('session-1', T1))?.state).toBe('removed');
    } finally {
      await stop();
    }
  });

  it('given a guest, when they are seen later, then last seen moves forward only', async () => {
    await link();
    await join(1);
    await store.touch('g1' as UserId, '2026-01-01T11:00:00.000Z');
    await store.touch('g1' as UserId, '2026-01-01T10:30:00.000Z');
    const [listed] = await store.listLinks(ws, j1);
    expect(listed?.guests[0]?.lastSeenAt).toBe('2026-01-01T11:00:00.000Z');
  });

  it('given a link, when its journey is purged, then the link and its guests go with it', async () => {
    await link();
    await join(1);
    await fixture.stores.sql.query('DELETE FROM journeys WHERE id = $1', ['j1']);
    expect(await store.findLink('hash-l1')).toBeNull();
    expect(await store.findSession('session-1', T1)).toBeNull();
  });
}
