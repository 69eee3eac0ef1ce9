import { err, ok, type JourneyId } from '@waymark/core';
import {
  GUESTS_CHANNEL,
  type Guest,
  type GuestLink,
  type GuestRole,
  type GuestState,
  type GuestStore,
} from './guest-store';
import type { UserId, WorkspaceId } from './records';
import { iso, isoOrNull } from './rows';
import type { Sql, SqlQueryable } from './sql';

interface LinkRow {
  id: string;
  workspace_id: string;
  journey_id: string;
  role: string;
  created_by: string;
  created_by_name: string;
  created_at: unknown;
  expires_at: unknown;
  revoked_at: unknown;
}
const toLink = (r: LinkRow): GuestLink => ({
  id: r.id,
  workspaceId: r.workspace_id as WorkspaceId,
  journeyId: r.journey_id as JourneyId,
  role: r.role as GuestRole,
  createdBy: { id: r.created_by as UserId, name: r.created_by_name },
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  revokedAt: isoOrNull(r.revoked_at),
});
const selectLinks = `SELECT l.*, u.name AS created_by_name FROM guest_links l JOIN users u ON u.id = l.created_by`;

interface GuestRow {
  id: string;
  link_id: string;
  name: string;
  organisation: string | null;
  joined_at: unknown;
  last_seen_at: unknown;
  removed_at: unknown;
  removed_by: string | null;
}
const toGuest = (r: GuestRow): Guest => ({
  id: r.id as UserId,
  linkId: r.link_id,
  name: r.name,
  organisation: r.organisation,
  joinedAt: iso(r.joined_at),
  lastSeenAt: iso(r.last_seen_at),
  removedAt: isoOrNull(r.removed_at),
  left: r.removed_by === r.id,
});
const guestColumns =
  'g.id, g.link_id, g.name, g.organisation, g.joined_at, g.last_seen_at, g.removed_at, g.removed_by';

/** Whether a link still lets people in at `now`. */
const linkState = (link: GuestLink, now: string): GuestState =>
  link.revokedAt !== null ? 'revoked' : Date.parse(link.expiresAt) <= Date.parse(now) ? 'expired' : 'active';

const linkEnded = (link: GuestLink, now: string) =>
  err({
    code: 'link_ended' as const,
    message:
      linkState(link, now) === 'revoked'
        ? 'this workshop link was withdrawn'
        : 'this workshop link has expired',
    link,
  });

/** Announces guests whose access ended, to every server process (sent when the transaction commits). */
async function announce(
  tx: SqlQueryable,
  guests: readonly string[],
  reason: 'removed' | 'revoked' | 'left',
): Promise<void> {
  if (guests.length === 0) return;
  await tx.query(
    `SELECT pg_notify($1, json_build_object('s', current_schema(), 'g', $2::jsonb, 'r', $3::text)::text)`,
    [GUESTS_CHANNEL, JSON.stringify(guests), reason],
  );
}

/** The GuestStore over SQL (PGlite or PostgreSQL alike). */
export function createSqlGuestStore(sql: Sql): GuestStore {
  return {
    async createLink(input) {
      await sql.query(
        `INSERT INTO guest_links (id, workspace_id, journey_id, role, token_hash, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          input.id,
          input.workspaceId,
          input.journeyId,
          input.role,
          input.tokenHash,
          input.createdBy,
          input.at,
          input.expiresAt,
        ],
      );
      const [row] = await sql.query<LinkRow>(`${selectLinks} WHERE l.id = $1`, [input.id]);
      return toLink(row!);
    },

    async findLink(tokenHash) {
      const [row] = await sql.query<LinkRow>(`${selectLinks} WHERE l.token_hash = $1`, [tokenHash]);
      return row ? toLink(row) : null;
    },

    async listLinks(workspaceId, journeyId) {
      const links = (
        await sql.query<LinkRow>(
          `${selectLinks} WHERE l.workspace_id = $1 AND l.journey_id = $2 ORDER BY l.created_at DESC, l.id DESC`,
          [workspaceId, journeyId],
        )
      ).map(toLink);
      const guests = (
        await sql.query<GuestRow>(
          `SELECT ${guestColumns} FROM guests g JOIN guest_links l ON l.id = g.link_id
           WHERE l.workspace_id = $1 AND l.journey_id = $2 ORDER BY g.joined_at, g.id`,
          [workspaceId, journeyId],
        )
      ).map(toGuest);
      return links.map((link) => ({ link, guests: guests.filter((g) => g.linkId === link.id) }));
    },

    async revokeLink({ workspaceId, journeyId, linkId, by, at }) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<LinkRow>(
          `UPDATE guest_links l SET revoked_at = COALESCE(l.revoked_at, $4), revoked_by = COALESCE(l.revoked_by, $5)
           FROM users u WHERE u.id = l.created_by AND l.id = $3 AND l.workspace_id = $1 AND l.journey_id = $2
           RETURNING l.*, u.name AS created_by_name`,
          [workspaceId, journeyId, linkId, at, by],
        );
        if (!row)
          return err({
            code: 'link_not_found' as const,
            message: `no workshop link "${linkId}" on this map`,
          });
        const ended = await tx.query<{ id: string }>(
          'SELECT id FROM guests WHERE link_id = $1 AND removed_at IS NULL',
          [linkId],
        );
        const guests = ended.map((g) => g.id as UserId);
        await announce(tx, guests, 'revoked');
        return ok({ link: toLink(row), guests });
      });
    },

    async join(input) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<LinkRow>(`${selectLinks} WHERE l.token_hash = $1 FOR UPDATE OF l`, [
          input.tokenHash,
        ]);
        if (!row)
          return err({
            code: 'link_not_found' as const,
            message: 'there is no workshop link at this address',
          });
        const link = toLink(row);
        if (linkState(link, input.at) !== 'active') return linkEnded(link, input.at);
        await tx.query('INSERT INTO users (id, email, name, created_at) VALUES ($1, $2, $3, $4)', [
          input.guestId,
          input.email,
          input.userName,
          input.at,
        ]);
        await tx.query(
          `INSERT INTO guests (id, link_id, name, organisation, session_hash, csrf_token, joined_at, last_seen_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
          [
            input.guestId,
            link.id,
            input.name,
            input.organisation,
            input.sessionHash,
            input.csrfToken,
            input.at,
          ],
        );
        const guest: Guest = {
          id: input.guestId,
          linkId: link.id,
          name: input.name,
          organisation: input.organisation,
          joinedAt: iso(input.at),
          lastSeenAt: iso(input.at),
          removedAt: null,
          left: false,
        };
        return ok({ guest, link });
      });
    },

    async findSession(sessionHash, now) {
      const [row] = await sql.query<GuestRow & { csrf_token: string; l: LinkRow }>(
        `SELECT ${guestColumns}, g.csrf_token, row_to_json(l2) AS l FROM guests g
         JOIN LATERAL (${selectLinks} WHERE l.id = g.link_id) l2 ON true
         WHERE g.session_hash = $1`,
        [sessionHash],
      );
      if (!row) return null;
      const guest = toGuest(row);
      const link = toLink(row.l);
      const state: GuestState = guest.removedAt !== null ? 'removed' : linkState(link, now);
      return { guest, link, csrfToken: row.csrf_token, state };
    },

    async touch(guestId, at) {
      await sql.query('UPDATE guests SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [
        guestId,
        at,
      ]);
    },

    async removeGuest({ workspaceId, journeyId, guestId, by, at }) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<GuestRow>(
          `UPDATE guests g SET removed_at = COALESCE(g.removed_at, $4), removed_by = COALESCE(g.removed_by, $5)
           FROM guest_links l WHERE l.id = g.link_id AND g.id = $3 AND l.workspace_id = $1 AND l.journey_id = $2
           RETURNING ${guestColumns}`,
          [workspaceId, journeyId, guestId, at, by],
        );
        if (!row)
          return err({ code: 'guest_not_found' as const, message: `no guest "${guestId}" on this map` });
        await announce(tx, [row.id], by === row.id ? 'left' : 'removed');
        return ok(toGuest(row));
      });
    },
  };
}
