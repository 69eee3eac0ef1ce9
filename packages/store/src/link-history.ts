import type { JourneyId } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';
import { iso, toUserRef } from './rows';
import type { SqlQueryable } from './sql';

/** Which kind of link changed: a step hand-over, a step opening a child journey, or an opportunity's link. */
export type LinkChangeKind = 'step-link' | 'child' | 'opportunity';

/** Who made a change to a link, and when (a remove without it is not written to the trail). */
export interface LinkChangeBy {
  readonly by: UserId | null;
  readonly at: Instant;
}

/** One link added or removed, as the journey's history shows it (migration 026; decision 0040). */
export interface LinkChange {
  readonly seq: number;
  readonly at: Instant;
  readonly by: UserRef | null;
  readonly action: 'added' | 'removed';
  readonly link: LinkChangeKind;
  /** What the link was, with names as they were (see the migration for each kind's fields). */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Writes the change once for each journey it touches (both ends of a step link, parent and child). */
export async function recordLinkChange(
  tx: SqlQueryable,
  input: {
    readonly workspaceId: WorkspaceId;
    readonly journeyIds: readonly string[];
    readonly change: LinkChangeBy;
    readonly action: 'added' | 'removed';
    readonly link: LinkChangeKind;
    readonly detail: Record<string, unknown>;
  },
): Promise<void> {
  for (const journeyId of new Set(input.journeyIds))
    await tx.query(
      `INSERT INTO journey_link_history (workspace_id, journey_id, at, by_id, action, link, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        input.workspaceId,
        journeyId,
        input.change.at,
        input.change.by,
        input.action,
        input.link,
        JSON.stringify(input.detail),
      ],
    );
}

/** The link changes of a journey, oldest first. */
export async function linkHistoryOf(
  sql: SqlQueryable,
  workspaceId: WorkspaceId,
  journeyId: JourneyId,
): Promise<LinkChange[]> {
  const rows = await sql.query<{
    seq: number | string;
    at: unknown;
    by_id: string | null;
    by_name: string | null;
    action: 'added' | 'removed';
    link: LinkChangeKind;
    detail: unknown;
  }>(
    `SELECT h.seq, h.at, h.by_id, u.name AS by_name, h.action, h.link, h.detail
     FROM journey_link_history h LEFT JOIN users u ON u.id = h.by_id
     WHERE h.workspace_id = $1 AND h.journey_id = $2 ORDER BY h.seq`,
    [workspaceId, journeyId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: iso(r.at),
    by: toUserRef(r.by_id, r.by_name),
    action: r.action,
    link: r.link,
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
  }));
}
