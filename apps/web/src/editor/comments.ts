import type { JourneyComment } from '../api/types';

/** A person named in a comment: their user id and name. */
export interface MentionRef {
  readonly id: string;
  readonly name: string;
}

/** A comment as the API answers it since comment threads (decision 0018): its thread and its mentions. */
export type ThreadedComment = JourneyComment & {
  readonly parentId?: string | null;
  readonly mentions?: readonly MentionRef[];
};

/** A comment as the editor shows it (the API's shape: author, createdAt, resolvedAt). */
export interface EditorComment {
  readonly id: string;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly body: string;
  readonly author: string;
  readonly authorId: string;
  readonly createdAt: string;
  /** The thread's state: a reply is resolved when its thread is. */
  readonly resolved: boolean;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
  /** The thread's first comment for a reply; null for a comment that starts a thread. */
  readonly parentId: string | null;
  readonly mentions: readonly MentionRef[];
}

/** One comment of the API's answer as the editor shows it (a reply's state is its thread's: see below). */
export function toEditorComment(c: ThreadedComment): EditorComment {
  return inThread(c, c);
}

function inThread(c: ThreadedComment, state: ThreadedComment): EditorComment {
  return {
    id: c.id,
    target: c.target,
    body: c.body,
    author: c.author.name,
    authorId: c.author.id,
    createdAt: c.createdAt,
    resolved: state.resolvedAt !== null,
    resolvedBy: state.resolvedBy?.name ?? null,
    resolvedAt: state.resolvedAt,
    parentId: c.parentId ?? null,
    mentions: c.mentions ?? [],
  };
}

/** The API's list as the editor shows it: each reply takes its thread's state. */
export function toEditorComments(items: readonly ThreadedComment[]): EditorComment[] {
  const byId = new Map(items.map((c) => [c.id, c]));
  return items.map((c) => inThread(c, (c.parentId ? byId.get(c.parentId) : undefined) ?? c));
}

/** A thread: its first comment and the replies in the order they were written. */
export interface CommentThread {
  readonly root: EditorComment;
  readonly replies: readonly EditorComment[];
  readonly resolved: boolean;
  /** When anything was last written in it. */
  readonly lastAt: string;
}

/**
 * Comments grouped into threads, open threads first and then resolved ones, each group in the order the
 * threads started. A reply whose first comment is missing is shown as a thread of its own rather than lost.
 */
export function groupThreads(comments: readonly EditorComment[]): CommentThread[] {
  const roots = comments.filter((c) => !c.parentId || !comments.some((r) => r.id === c.parentId));
  const threads = roots.map((root) => {
    const replies = comments
      .filter((c) => c.parentId === root.id && c !== root)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return {
      root,
      replies,
      resolved: root.resolved,
      lastAt: replies.length ? replies[replies.length - 1]!.createdAt : root.createdAt,
    };
  });
  const byStart = (a: CommentThread, b: CommentThread) => a.root.createdAt.localeCompare(b.root.createdAt);
  return [
    ...threads.filter((t) => !t.resolved).sort(byStart),
    ...threads.filter((t) => t.resolved).sort(byStart),
  ];
}

/** Whether a comment is on `target` (a card, or a step itself rather than one of its cards). */
export function isOnTarget(
  c: { readonly target: { readonly columnId?: string; readonly cardId?: string } },
  target: { readonly columnId?: string; readonly cardId?: string } | null,
): boolean {
  if (!target) return true;
  return target.cardId
    ? c.target.cardId === target.cardId
    : c.target.columnId === target.columnId && !c.target.cardId;
}

/**
 * The "@name" being typed just before the caret, if any: where its "@" is and the words after it. An "@" counts
 * only at the start or after a space or bracket (so an email address is not a mention), and the query ends at a
 * line break or after three words.
 */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf('@');
  if (at < 0) return null;
  if (at > 0 && !/[\s([{]/.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.length > 40 || query.split(' ').length > 3) return null;
  return { start: at, query };
}

/** Members whose name matches `query` (any word of the name starting with it, ignoring case and accents). */
export function matchMembers<M extends MentionRef>(members: readonly M[], query: string, limit = 8): M[] {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const q = fold(query.trim());
  const matches = members.filter((m) => {
    if (q === '') return true;
    const name = fold(m.name);
    return name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q));
  });
  return matches.slice(0, limit);
}

/**
 * What the mention list shows for the text and caret: the "@query" being typed and the members it matches, or
 * null when there is nothing to offer — no "@" being typed, a name already chosen ("@Bea Jones " and on), or
 * words after the "@" that match no one (past its first word, the text is taken as ordinary writing).
 */
export function mentionChoices<M extends MentionRef>(
  text: string,
  caret: number,
  members: readonly M[],
): { start: number; query: string; matches: M[] } | null {
  const q = mentionQuery(text, caret);
  if (!q || members.length === 0) return null;
  if (members.some((m) => q.query.startsWith(`${m.name} `))) return null;
  const matches = matchMembers(members, q.query);
  if (matches.length === 0 && /\s/.test(q.query)) return null;
  return { ...q, matches };
}

/** `text` with the "@query" at `start` (up to `caret`) replaced by "@Name ", and where the caret goes after it. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  member: MentionRef,
): { text: string; caret: number } {
  const inserted = `@${member.name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The picked members whose "@Name" is still in the text, each once, in the order picked. */
export function mentionsIn(text: string, picked: readonly MentionRef[]): MentionRef[] {
  const seen = new Set<string>();
  return picked.filter((m) => {
    if (seen.has(m.id) || !text.includes(`@${m.name}`)) return false;
    seen.add(m.id);
    return true;
  });
}

/** One item of a person's things to look at, as GET /api/workspaces/{ws}/things-to-look-at answers it. */
export interface ThingToLookAt {
  readonly journeyId: string;
  readonly journeyTitle: string;
  readonly threadId: string;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly reason: 'mention' | 'reply';
  readonly latest: {
    readonly commentId: string;
    readonly author: MentionRef;
    readonly body: string;
    readonly at: string;
  };
  readonly unreadCount: number;
  readonly unread: boolean;
  readonly resolved: boolean;
}

/** The first `max` characters of a comment on one line, with "…" when cut. */
export function excerpt(body: string, max = 120): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
