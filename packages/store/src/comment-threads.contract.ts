import type { JourneyId } from '@waymark/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { CommentId, UserId, WorkspaceId } from './records';
import { sampleJourney } from './sample-journey';
import { seedOwner } from './test-database';

export interface CommentThreadFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();
const ws = 'w1' as WorkspaceId;
const j1 = 'j1' as JourneyId;
const ann = 'ann' as UserId;
const bob = 'bob' as UserId;
const cat = 'cat' as UserId;
const cid = (id: string) => id as CommentId;

/** Comment threads, mentions and things to look at (decision 0018), the same on every database. */
export function commentThreadContract(open: () => Promise<CommentThreadFixture>): void {
  let fixture: CommentThreadFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: Ann owns w1 with journey j1 (step s1, card s1-step); Bob and Cat are members; j2 is another journey.
    fixture = await open();
    s = fixture.stores;
    await seedOwner(s, ann, ws, at(0));
    for (const [id, name] of [
      [bob, 'Bob'],
      [cat, 'Cat'],
    ] as const) {
      await s.accounts.createUser({ id, email: `${id}@example.org`, name, at: at(0) });
      await s.accounts.addMember(ws, id, 'commenter', at(0));
    }
    for (const id of ['j1', 'j2']) {
      const made = await s.journeys.createJourney({
        workspaceId: ws,
        journey: sampleJourney(id),
        kind: 'create',
        commands: [],
        by: ann,
        at: at(0),
      });
      if (!made.ok) throw new Error(made.error.message);
    }
  });
  afterEach(() => fixture.dispose());

  const comment = (id: string, authorId: UserId, minute: number, mentions: UserId[] = [], body = 'Why?') =>
    s.journeys.addComment({
      id: cid(id),
      workspaceId: ws,
      journeyId: j1,
      target: { cardId: 's1-step' },
      body,
      authorId,
      at: at(minute),
      mentions,
    });
  const reply = async (
    id: string,
    parentId: string,
    authorId: UserId,
    minute: number,
    mentions: UserId[] = [],
  ) => {
    const r = await s.journeys.addReply({
      id: cid(id),
      workspaceId: ws,
      journeyId: j1,
      parentId: cid(parentId),
      body: `reply ${id}`,
      authorId,
      at: at(minute),
      mentions,
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const things = (userId: UserId) => s.journeys.thingsToLookAt(ws, userId);

  describe('threads', () => {
    it('given a comment, when replies arrive (one to a reply), then all join its thread in order, on its target', async () => {
      await comment('c1', ann, 1);
      const r1 = await reply('r1', 'c1', bob, 2);
      const r2 = await reply('r2', 'r1', cat, 3);
      expect([r1.parentId, r2.parentId, r2.target]).toEqual(['c1', 'c1', { cardId: 's1-step' }]);
      const all = await s.journeys.listComments(ws, j1);
      expect(all.map((c) => [c.id, c.parentId, c.author.name])).toEqual([
        ['c1', null, 'Ann'],
        ['r1', 'c1', 'Bob'],
        ['r2', 'c1', 'Cat'],
      ]);
    });
    it('given a comment on j1, when a reply names it through j2, then comment_not_found and nothing is written', async () => {
      await comment('c1', ann, 1);
      const wrong = await s.journeys.addReply({
        id: cid('r1'),
        workspaceId: ws,
        journeyId: 'j2' as JourneyId,
        parentId: cid('c1'),
        body: 'x',
        authorId: bob,
        at: at(2),
      });
      expect(wrong.ok ? null : wrong.error.code).toBe('comment_not_found');
      expect(await s.journeys.listComments(ws, 'j2' as JourneyId)).toEqual([]);
    });
    it('given a thread, when resolved through a reply and reopened, then the first comment holds the state', async () => {
      await comment('c1', ann, 1);
      await reply('r1', 'c1', bob, 2);
      const resolved = await s.journeys.resolveComment({
        workspaceId: ws,
        journeyId: j1,
        id: cid('r1'),
        resolved: true,
        by: bob,
        at: at(3),
      });
      expect(
        resolved.ok && [resolved.value.id, resolved.value.resolvedAt, resolved.value.resolvedBy?.name],
      ).toEqual(['c1', at(3), 'Bob']);
      const reopened = await s.journeys.resolveComment({
        workspaceId: ws,
        journeyId: j1,
        id: cid('c1'),
        resolved: false,
        by: ann,
        at: at(4),
      });
      expect(reopened.ok && reopened.value.resolvedAt).toBeNull();
      const all = await s.journeys.listComments(ws, j1);
      expect(all.map((c) => c.resolvedAt)).toEqual([null, null]);
    });
    it('given mentions named twice and in an order, then each member is kept once, in that order, with their name', async () => {
      const c = await comment('c1', ann, 1, [cat, bob, cat]);
      expect(c.mentions).toEqual([
        { id: cat, name: 'Cat' },
        { id: bob, name: 'Bob' },
      ]);
      await reply('r1', 'c1', bob, 2, [ann]);
      const all = await s.journeys.listComments(ws, j1);
      expect(all.map((x) => x.mentions.map((m) => m.name))).toEqual([['Cat', 'Bob'], ['Ann']]);
    });
  });

  describe('things to look at', () => {
    it('given Bob is mentioned, then he sees the thread unread until he has seen it, and not his own comments', async () => {
      await comment('c1', ann, 1, [bob], '@Bob can you check this?');
      const before = await things(bob);
      expect(before).toEqual([
        {
          journeyId: 'j1',
          journeyTitle: expect.any(String),
          threadId: 'c1',
          target: { cardId: 's1-step' },
          reason: 'mention',
          latest: {
            commentId: 'c1',
            author: { id: ann, name: 'Ann' },
            body: '@Bob can you check this?',
            at: at(1),
          },
          unreadCount: 1,
          unread: true,
          resolved: false,
        },
      ]);
      expect(await things(ann)).toEqual([]);
      const seen = await s.journeys.markThreadSeen({
        workspaceId: ws,
        journeyId: j1,
        threadId: cid('c1'),
        userId: bob,
        at: at(2),
      });
      expect(seen.ok).toBe(true);
      expect((await things(bob)).map((t) => [t.unread, t.unreadCount])).toEqual([[false, 0]]);
    });
    it('given Ann started a thread, when Bob replies, then Ann sees a reply; her own reply marks it seen; Cat, who is not in it, sees nothing', async () => {
      await comment('c1', ann, 1);
      expect(await things(ann)).toEqual([]);
      await reply('r1', 'c1', bob, 2);
      const [t] = await things(ann);
      expect([t?.reason, t?.latest.commentId, t?.unread]).toEqual(['reply', 'r1', true]);
      await reply('r2', 'c1', ann, 3);
      expect((await things(ann)).map((x) => x.unread)).toEqual([false]);
      // Bob took part: Ann's reply after his is news to him.
      expect((await things(bob)).map((x) => [x.reason, x.latest.commentId, x.unread])).toEqual([
        ['reply', 'r2', true],
      ]);
      expect(await things(cat)).toEqual([]);
    });
    it('given replies before someone took part, then only those after their first comment concern them', async () => {
      await comment('c1', ann, 1);
      await reply('r1', 'c1', bob, 2);
      await reply('r2', 'c1', cat, 3);
      expect(await things(cat)).toEqual([]);
      await reply('r3', 'c1', bob, 4);
      expect((await things(cat)).map((x) => [x.latest.commentId, x.unreadCount])).toEqual([['r3', 1]]);
    });
    it('given several threads, then unread come first, newest first, and a thread resolved says so', async () => {
      await comment('c1', ann, 1, [bob]);
      await comment('c2', ann, 2, [bob]);
      await comment('c3', ann, 3, [bob]);
      await s.journeys.markThreadSeen({
        workspaceId: ws,
        journeyId: j1,
        threadId: cid('c3'),
        userId: bob,
        at: at(4),
      });
      await s.journeys.resolveComment({
        workspaceId: ws,
        journeyId: j1,
        id: cid('c1'),
        resolved: true,
        by: ann,
        at: at(5),
      });
      expect((await things(bob)).map((x) => [x.threadId, x.unread, x.resolved])).toEqual([
        ['c2', true, false],
        ['c1', true, true],
        ['c3', false, false],
      ]);
    });
    it('given a journey in the bin or another workspace, then its threads are not listed; seen on a wrong journey is refused', async () => {
      await comment('c1', ann, 1, [bob]);
      expect(await s.journeys.thingsToLookAt('w2' as WorkspaceId, bob)).toEqual([]);
      await s.journeys.softDelete(ws, j1, at(2));
      expect(await things(bob)).toEqual([]);
      const wrong = await s.journeys.markThreadSeen({
        workspaceId: ws,
        journeyId: 'j2' as JourneyId,
        threadId: cid('c1'),
        userId: bob,
        at: at(3),
      });
      expect(wrong.ok ? null : wrong.error.code).toBe('comment_not_found');
    });
  });
}
