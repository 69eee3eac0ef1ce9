import { err, ok, type JourneyId } from '@waymark/core';
import type { JourneyStore } from './journey-store';
import type { Comment, CommentId, ShareId, ShareLink, UserId, WorkspaceId } from './records';
import { iso, isoOrNull, toUserRef } from './rows';
import type { Sql, SqlQueryable } from './sql';
import { thingsFor, type ThreadEntry } from './comment-threads';
import { journeyColumns, materialise, type JourneyRow } from './journey-rows';

type CollabPart = Pick<
  JourneyStore,
  | 'addComment'
  | 'addReply'
  | 'listComments'
  | 'resolveComment'
  | 'markThreadSeen'
  | 'thingsToLookAt'
  | 'createShare'
  | 'listShares'
  | 'revokeShare'
  | 'findSharedJourney'
>;

interface CommentRow {
  id: string;
  journey_id: string;
  parent_id: string | null;
  column_id: string | null;
  card_id: string | null;
  body: string;
  author_id: string;
  author_name: string;
  created_at: unknown;
  resolved_at: unknown;
  resolved_by: string | null;
  resolved_by_name: string | null;
}
interface MentionRow {
  comment_id: string;
  user_id: string;
  name: string;
}
const toComment = (r: CommentRow, mentions: readonly MentionRow[] = []): Comment => ({
  id: r.id as CommentId,
  journeyId: r.journey_id as JourneyId,
  target: { ...(r.column_id ? { columnId: r.column_id } : {}), ...(r.card_id ? { cardId: r.card_id } : {}) },
  body: r.body,
  author: { id: r.author_id as UserId, name: r.author_name },
  createdAt: iso(r.created_at),
  resolvedAt: isoOrNull(r.resolved_at),
  resolvedBy: toUserRef(r.resolved_by, r.resolved_by_name),
  parentId: (r.parent_id ?? null) as CommentId | null,
  mentions: mentions
    .filter((m) => m.comment_id === r.id)
    .map((m) => ({ id: m.user_id as UserId, name: m.name })),
});
const selectComments = `SELECT c.*, a.name AS author_name, r.name AS resolved_by_name
  FROM comments c JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by`;
const selectMentions = `SELECT m.comment_id, m.user_id, u.name FROM comment_mentions m JOIN users u ON u.id = m.user_id`;

const notFound = (id: string) =>
  err({ code: 'comment_not_found' as const, message: `no comment ${id} on this journey` });

/** Writes a comment and its mentions (each member once, in the order named) in `tx`. */
async function insertComment(
  tx: SqlQueryable,
  input: {
    id: string;
    workspaceId: string;
    journeyId: string;
    parentId: string | null;
    target: { columnId?: string; cardId?: string };
    body: string;
    authorId: string;
    at: string;
    mentions?: readonly string[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO comments (id, workspace_id, journey_id, parent_id, column_id, card_id, body, author_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      input.id,
      input.workspaceId,
      input.journeyId,
      input.parentId,
      input.target.columnId ?? null,
      input.target.cardId ?? null,
      input.body,
      input.authorId,
      input.at,
    ],
  );
  const named = [...new Set(input.mentions ?? [])];
  for (const [n, userId] of named.entries()) {
    await tx.query(
      'INSERT INTO comment_mentions (comment_id, user_id, workspace_id, n) VALUES ($1, $2, $3, $4)',
      [input.id, userId, input.workspaceId, n],
    );
  }
}

/** The first comment of the thread `id` belongs to, on this journey, or undefined. */
async function threadOf(
  tx: SqlQueryable,
  workspaceId: string,
  journeyId: string,
  id: string,
): Promise<{ id: string; column_id: string | null; card_id: string | null } | undefined> {
  const [row] = await tx.query<{ id: string; column_id: string | null; card_id: string | null }>(
    `SELECT r.id, r.column_id, r.card_id FROM comments c
     JOIN comments r ON r.workspace_id = c.workspace_id AND r.id = coalesce(c.parent_id, c.id)
     WHERE c.workspace_id = $1 AND c.journey_id = $2 AND c.id = $3`,
    [workspaceId, journeyId, id],
  );
  return row;
}

const markSeen = (tx: SqlQueryable, userId: string, threadId: string, at: string) =>
  tx.query(
    `INSERT INTO comment_thread_reads (user_id, thread_id, seen_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, thread_id) DO UPDATE SET seen_at = greatest(comment_thread_reads.seen_at, EXCLUDED.seen_at)`,
    [userId, threadId, at],
  );

interface ShareRow {
  id: string;
  journey_id: string;
  created_by: string;
  created_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
}
const toShare = (r: ShareRow): ShareLink => ({
  id: r.id as ShareId,
  journeyId: r.journey_id as JourneyId,
  createdBy: r.created_by as UserId,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  revokedAt: isoOrNull(r.revoked_at),
});

/** Comments and share links, over any `Sql`. */
export function createSqlCollabStore(sql: Sql): CollabPart {
  const oneComment = async (tx: SqlQueryable, workspaceId: string, journeyId: string, id: string) => {
    const [row] = await tx.query<CommentRow>(
      `${selectComments} WHERE c.workspace_id = $1 AND c.journey_id = $2 AND c.id = $3`,
      [workspaceId, journeyId, id],
    );
    if (!row) return undefined;
    return toComment(
      row,
      await tx.query<MentionRow>(`${selectMentions} WHERE m.comment_id = $1 ORDER BY m.n`, [id]),
    );
  };
  return {
    async addComment(input) {
      return sql.transaction(async (tx) => {
        await insertComment(tx, { ...input, parentId: null });
        return (await oneComment(tx, input.workspaceId, input.journeyId, input.id))!;
      });
    },
    async addReply(input) {
      return sql.transaction(async (tx) => {
        const thread = await threadOf(tx, input.workspaceId, input.journeyId, input.parentId);
        if (!thread) return notFound(input.parentId);
        await insertComment(tx, {
          ...input,
          parentId: thread.id,
          target: {
            ...(thread.column_id ? { columnId: thread.column_id } : {}),
            ...(thread.card_id ? { cardId: thread.card_id } : {}),
          },
        });
        await markSeen(tx, input.authorId, thread.id, input.at);
        return ok((await oneComment(tx, input.workspaceId, input.journeyId, input.id))!);
      });
    },
    async listComments(workspaceId, journeyId) {
      const rows = await sql.query<CommentRow>(
        `${selectComments} WHERE c.workspace_id = $1 AND c.journey_id = $2 ORDER BY c.created_at, c.id`,
        [workspaceId, journeyId],
      );
      const mentions = await sql.query<MentionRow>(
        `${selectMentions} JOIN comments c ON c.id = m.comment_id
         WHERE c.workspace_id = $1 AND c.journey_id = $2 ORDER BY m.comment_id, m.n`,
        [workspaceId, journeyId],
      );
      return rows.map((r) => toComment(r, mentions));
    },
    async resolveComment({ workspaceId, journeyId, id, resolved, by, at }) {
      return sql.transaction(async (tx) => {
        const thread = await threadOf(tx, workspaceId, journeyId, id);
        if (!thread) return notFound(id);
        await tx.query(
          `UPDATE comments SET resolved_at = $4, resolved_by = $5 WHERE workspace_id = $1 AND journey_id = $2 AND id = $3`,
          [workspaceId, journeyId, thread.id, resolved ? at : null, resolved ? by : null],
        );
        return ok((await oneComment(tx, workspaceId, journeyId, thread.id))!);
      });
    },
    async markThreadSeen({ workspaceId, journeyId, threadId, userId, at }) {
      return sql.transaction(async (tx) => {
        const thread = await threadOf(tx, workspaceId, journeyId, threadId);
        if (!thread) return notFound(threadId);
        await markSeen(tx, userId, thread.id, at);
        return ok(undefined);
      });
    },
    async thingsToLookAt(workspaceId, userId, limit = 50) {
      const rows = await sql.query<CommentRow & { thread_id: string; title: string }>(
        `WITH involved AS (
           SELECT coalesce(c.parent_id, c.id) AS thread_id FROM comments c
           WHERE c.workspace_id = $1 AND c.author_id = $2
           UNION
           SELECT coalesce(c.parent_id, c.id) FROM comment_mentions m JOIN comments c ON c.id = m.comment_id
           WHERE m.workspace_id = $1 AND m.user_id = $2
         )
         SELECT c.*, coalesce(c.parent_id, c.id) AS thread_id, j.title, a.name AS author_name,
                NULL::text AS resolved_by_name
         FROM comments c
         JOIN involved i ON i.thread_id = coalesce(c.parent_id, c.id)
         JOIN journeys j ON j.workspace_id = c.workspace_id AND j.id = c.journey_id AND j.deleted_at IS NULL
         JOIN users a ON a.id = c.author_id
         WHERE c.workspace_id = $1`,
        [workspaceId, userId],
      );
      const mentioned = new Set(
        (
          await sql.query<{ comment_id: string }>(
            'SELECT comment_id FROM comment_mentions WHERE workspace_id = $1 AND user_id = $2',
            [workspaceId, userId],
          )
        ).map((r) => r.comment_id),
      );
      const seen = new Map(
        (
          await sql.query<{ thread_id: string; seen_at: unknown }>(
            `SELECT t.thread_id, t.seen_at FROM comment_thread_reads t
             JOIN comments c ON c.id = t.thread_id WHERE t.user_id = $1 AND c.workspace_id = $2`,
            [userId, workspaceId],
          )
        ).map((r) => [r.thread_id, iso(r.seen_at)] as const),
      );
      const entries: ThreadEntry[] = rows.map((r) => ({
        id: r.id as CommentId,
        threadId: r.thread_id as CommentId,
        journeyId: r.journey_id as JourneyId,
        journeyTitle: r.title,
        target: toComment(r).target,
        author: { id: r.author_id as UserId, name: r.author_name },
        body: r.body,
        at: iso(r.created_at),
        mentions: mentioned.has(r.id) ? [userId] : [],
        resolved: r.resolved_at !== null && r.resolved_at !== undefined,
      }));
      return thingsFor(userId, entries, seen, limit);
    },
    async createShare(input) {
      const [row] = await sql.query<ShareRow>(
        `INSERT INTO share_links (id, workspace_id, journey_id, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
        [
          input.id,
          input.workspaceId,
          input.journeyId,
          input.tokenHash,
          input.createdBy,
          input.createdAt,
          input.expiresAt,
        ],
      );
      return toShare(row!);
    },
    async listShares(workspaceId, journeyId) {
      const rows = await sql.query<ShareRow>(
        'SELECT * FROM share_links WHERE workspace_id = $1 AND journey_id = $2 ORDER BY created_at, id',
        [workspaceId, journeyId],
      );
      return rows.map(toShare);
    },
    async revokeShare(workspaceId, journeyId, id, at) {
      const [row] = await sql.query<ShareRow>(
        `UPDATE share_links SET revoked_at = coalesce(revoked_at, $4)
         WHERE workspace_id = $1 AND journey_id = $2 AND id = $3 RETURNING *`,
        [workspaceId, journeyId, id, at],
      );
      return row
        ? ok(toShare(row))
        : err({ code: 'share_not_found', message: `no share link ${id} on this journey` });
    },
    async findSharedJourney(tokenHash, now) {
      const [row] = await sql.query<JourneyRow & { workspace_id: string }>(
        `SELECT j.workspace_id, ${journeyColumns.replace(/(\w+)/g, 'j.$1')} FROM share_links s
         JOIN journeys j ON j.workspace_id = s.workspace_id AND j.id = s.journey_id
         WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND j.deleted_at IS NULL`,
        [tokenHash, now],
      );
      if (!row) return null;
      return {
        ...(await materialise(sql, row.workspace_id, row)),
        workspaceId: row.workspace_id as WorkspaceId,
      };
    },
  };
}
