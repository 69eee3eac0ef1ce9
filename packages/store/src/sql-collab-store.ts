import { err, ok, type JourneyId } from '@waymark/core';
import type { JourneyStore } from './journey-store';
import type { Comment, CommentId, ShareId, ShareLink, UserId } from './records';
import { iso, isoOrNull, toUserRef } from './rows';
import type { Sql } from './sql';
import { journeyColumns, materialise, type JourneyRow } from './journey-rows';

type CollabPart = Pick<
  JourneyStore,
  | 'addComment'
  | 'listComments'
  | 'resolveComment'
  | 'createShare'
  | 'listShares'
  | 'revokeShare'
  | 'findSharedJourney'
>;

interface CommentRow {
  id: string;
  journey_id: string;
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
const toComment = (r: CommentRow): Comment => ({
  id: r.id as CommentId,
  journeyId: r.journey_id as JourneyId,
  target: { ...(r.column_id ? { columnId: r.column_id } : {}), ...(r.card_id ? { cardId: r.card_id } : {}) },
  body: r.body,
  author: { id: r.author_id as UserId, name: r.author_name },
  createdAt: iso(r.created_at),
  resolvedAt: isoOrNull(r.resolved_at),
  resolvedBy: toUserRef(r.resolved_by, r.resolved_by_name),
});
const selectComments = `SELECT c.*, a.name AS author_name, r.name AS resolved_by_name
  FROM comments c JOIN users a ON a.id = c.author_id LEFT JOIN users r ON r.id = c.resolved_by`;

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
  const oneComment = async (workspaceId: string, journeyId: string, id: string) =>
    (
      await sql.query<CommentRow>(
        `${selectComments} WHERE c.workspace_id = $1 AND c.journey_id = $2 AND c.id = $3`,
        [workspaceId, journeyId, id],
      )
    ).map(toComment)[0];
  return {
    async addComment(input) {
      // One statement: the comment written and read back with its author's name.
      const [row] = await sql.query<CommentRow>(
        `WITH c AS (
           INSERT INTO comments (id, workspace_id, journey_id, column_id, card_id, body, author_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *
         )
         SELECT c.*, a.name AS author_name, NULL::text AS resolved_by_name FROM c JOIN users a ON a.id = c.author_id`,
        [
          input.id,
          input.workspaceId,
          input.journeyId,
          input.target.columnId ?? null,
          input.target.cardId ?? null,
          input.body,
          input.authorId,
          input.at,
        ],
      );
      return toComment(row!);
    },
    async listComments(workspaceId, journeyId) {
      const rows = await sql.query<CommentRow>(
        `${selectComments} WHERE c.workspace_id = $1 AND c.journey_id = $2 ORDER BY c.created_at, c.id`,
        [workspaceId, journeyId],
      );
      return rows.map(toComment);
    },
    async resolveComment({ workspaceId, journeyId, id, resolved, by, at }) {
      await sql.query(
        `UPDATE comments SET resolved_at = $4, resolved_by = $5 WHERE workspace_id = $1 AND journey_id = $2 AND id = $3`,
        [workspaceId, journeyId, id, resolved ? at : null, resolved ? by : null],
      );
      const comment = await oneComment(workspaceId, journeyId, id);
      return comment
        ? ok(comment)
        : err({ code: 'comment_not_found', message: `no comment ${id} on this journey` });
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
      return row ? materialise(sql, row.workspace_id, row) : null;
    },
  };
}
