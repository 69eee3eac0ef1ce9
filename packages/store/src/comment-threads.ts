import type { JourneyId } from '@waymark/core';
import type { CommentId, Instant, UserRef } from './records';

/** Why a thread is in someone's things to look at: they were mentioned, or someone replied where they wrote. */
export type LookReason = 'mention' | 'reply';

/**
 * One thread in a person's "things to look at" (decision 0018): the newest comment in it that concerns them
 * (a mention of them, or a reply by someone else after they took part), and whether they have seen it.
 */
export interface ThingToLookAt {
  readonly journeyId: JourneyId;
  readonly journeyTitle: string;
  readonly threadId: CommentId;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly reason: LookReason;
  readonly latest: {
    readonly commentId: CommentId;
    readonly author: UserRef;
    readonly body: string;
    readonly at: Instant;
  };
  /** Comments concerning them since they last saw the thread (0 when seen). */
  readonly unreadCount: number;
  readonly unread: boolean;
  readonly resolved: boolean;
}

/** A comment of a thread as `thingsFor` needs it. */
export interface ThreadEntry {
  readonly id: CommentId;
  readonly threadId: CommentId;
  readonly journeyId: JourneyId;
  readonly journeyTitle: string;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly author: UserRef;
  readonly body: string;
  readonly at: Instant;
  readonly mentions: readonly string[];
  readonly resolved: boolean;
}

/**
 * The things to look at for `userId`, from every comment of the threads they wrote in or were mentioned in
 * (each thread's comments in time order) and when they last saw each thread. A comment concerns them when
 * someone else wrote it and it mentions them, or it is a reply by someone else after their own first comment
 * in the thread. Unread first, then newest first.
 */
export function thingsFor(
  userId: string,
  entries: readonly ThreadEntry[],
  seen: ReadonlyMap<string, Instant>,
  limit = 50,
): ThingToLookAt[] {
  const threads = new Map<string, ThreadEntry[]>();
  for (const e of entries) {
    const list = threads.get(e.threadId) ?? [];
    list.push(e);
    threads.set(e.threadId, list);
  }
  const out: ThingToLookAt[] = [];
  for (const [threadId, list] of threads) {
    list.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    let tookPart = false;
    let latest: { entry: ThreadEntry; reason: LookReason } | null = null;
    const concerning: ThreadEntry[] = [];
    for (const e of list) {
      if (e.author.id === userId) {
        tookPart = true;
        continue;
      }
      const mentioned = e.mentions.includes(userId);
      const reply = tookPart && e.id !== e.threadId;
      if (!mentioned && !reply) continue;
      concerning.push(e);
      latest = { entry: e, reason: mentioned ? 'mention' : 'reply' };
    }
    if (!latest) continue;
    const seenAt = seen.get(threadId);
    const unreadCount = concerning.filter((e) => seenAt === undefined || e.at > seenAt).length;
    const root = list.find((e) => e.id === threadId) ?? list[0]!;
    out.push({
      journeyId: root.journeyId,
      journeyTitle: root.journeyTitle,
      threadId: threadId as CommentId,
      target: root.target,
      reason: latest.reason,
      latest: {
        commentId: latest.entry.id,
        author: latest.entry.author,
        body: latest.entry.body,
        at: latest.entry.at,
      },
      unreadCount,
      unread: unreadCount > 0,
      resolved: root.resolved,
    });
  }
  out.sort((a, b) => Number(b.unread) - Number(a.unread) || b.latest.at.localeCompare(a.latest.at));
  return out.slice(0, limit);
}
