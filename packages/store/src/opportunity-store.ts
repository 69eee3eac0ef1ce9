import { err, ok, type JourneyId, type Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';
import { highlightEnd, highlightStart } from './library-store';
import { recordLinkChange, type LinkChangeBy } from './link-history';
import { iso, toUserRef } from './rows';
import type { Sql, SqlQueryable } from './sql';

export const opportunityStatuses = ['open', 'in-progress', 'solved', 'parked'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];
export const opportunityPriorities = ['high', 'medium', 'low'] as const;
export type OpportunityPriority = (typeof opportunityPriorities)[number];
/** Evidence it gathers (card, step, figure) and what it leads to (idea, business case, indicator). */
export const opportunityLinkKinds = ['card', 'step', 'figure', 'idea', 'business-case', 'indicator'] as const;
export type OpportunityLinkKind = (typeof opportunityLinkKinds)[number];

export interface OpportunityLink {
  readonly opportunityId: string;
  readonly journeyId: JourneyId;
  readonly kind: OpportunityLinkKind;
  /** The card, step or idea id; the figure key; the business case id; or `<indicator set id>/<key>`. */
  readonly target: string;
  readonly createdAt: Instant;
  readonly createdBy: UserRef | null;
}

export interface Opportunity {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly owner: UserRef | null;
  readonly status: OpportunityStatus;
  readonly priority: OpportunityPriority;
  readonly version: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly updatedBy: UserRef | null;
  /** Links to journeys in the bin are left out. */
  readonly links: readonly OpportunityLink[];
}

export interface OpportunityFields {
  readonly title: string;
  readonly description: string | null;
  readonly ownerId: UserId | null;
  readonly status: OpportunityStatus;
  readonly priority: OpportunityPriority;
}

export type OpportunityStoreErrorCode =
  'opportunity_not_found' | 'journey_not_found' | 'version_conflict' | 'link_exists' | 'link_not_found';

export interface OpportunityStoreError {
  readonly code: OpportunityStoreErrorCode;
  readonly message: string;
  readonly current?: Opportunity;
}

export interface LinkKey {
  readonly workspaceId: WorkspaceId;
  readonly opportunityId: string;
  readonly journeyId: JourneyId;
  readonly kind: OpportunityLinkKind;
  readonly target: string;
}

/**
 * Opportunities across journeys (issue 14, item 2; decision 0034): each gathers evidence from journeys of its
 * workspace and leads to ideas, business cases and indicators. Changes name the version they were made from.
 */
export interface OpportunityStore {
  listOpportunities(workspaceId: WorkspaceId): Promise<Opportunity[]>;
  getOpportunity(workspaceId: WorkspaceId, id: string): Promise<Opportunity | null>;
  createOpportunity(
    input: OpportunityFields & { workspaceId: WorkspaceId; id: string; by: UserId | null; at: Instant },
  ): Promise<Opportunity>;
  updateOpportunity(input: {
    workspaceId: WorkspaceId;
    id: string;
    baseVersion: number;
    patch: Partial<OpportunityFields>;
    by: UserId | null;
    at: Instant;
  }): Promise<Result<Opportunity, OpportunityStoreError>>;
  deleteOpportunity(workspaceId: WorkspaceId, id: string): Promise<Result<void, OpportunityStoreError>>;
  /** Adds a link: a new version of the opportunity, unless it is one of its first links (`atCreation`). */
  addLink(
    input: LinkKey & { by: UserId | null; at: Instant; atCreation?: boolean },
  ): Promise<Result<OpportunityLink, OpportunityStoreError>>;
  /** With `change`, the journey's link history records who removed it and when. */
  removeLink(key: LinkKey, change?: LinkChangeBy): Promise<Result<void, OpportunityStoreError>>;
  /** The other side: every opportunity linked to the journey, with the links that name it. */
  opportunitiesOfJourney(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<Opportunity[]>;
  /**
   * Full-text search over opportunities' titles, descriptions and evidence words (the text of the cards and
   * steps they gather, from the library's search entries), in English (stemmed) and word for word (Welsh).
   */
  searchOpportunities(query: OpportunitySearchQuery): Promise<OpportunitySearchHit[]>;
}

export interface OpportunitySearchQuery {
  readonly workspaceIds: readonly WorkspaceId[];
  readonly text: string;
  readonly status?: OpportunityStatus;
  readonly limit: number;
}

/** Where an opportunity matched: its title, its description, or the words of the evidence it gathers. */
export type OpportunityMatch = 'title' | 'description' | 'evidence';

export interface OpportunitySearchHit {
  readonly workspaceId: WorkspaceId;
  readonly workspaceName: string;
  readonly id: string;
  readonly title: string;
  readonly status: OpportunityStatus;
  readonly priority: OpportunityPriority;
  readonly matched: OpportunityMatch;
  /** The matched text around the match, each matched word between U+0002 and U+0003 (as journey search). */
  readonly excerpt: string;
}

interface OpportunityRow {
  id: string;
  title: string;
  description: string | null;
  owner_id: string | null;
  owner_name: string | null;
  status: string;
  priority: string;
  version: number;
  created_at: unknown;
  updated_at: unknown;
  updated_by: string | null;
  by_name: string | null;
}
interface LinkRow {
  opportunity_id: string;
  journey_id: string;
  kind: string;
  target: string;
  created_at: unknown;
  created_by: string | null;
  by_name: string | null;
}

const toLink = (r: LinkRow): OpportunityLink => ({
  opportunityId: r.opportunity_id,
  journeyId: r.journey_id as JourneyId,
  kind: r.kind as OpportunityLinkKind,
  target: r.target,
  createdAt: iso(r.created_at),
  createdBy: toUserRef(r.created_by, r.by_name),
});

const selectOpportunities = (where: string) =>
  `SELECT o.*, ow.name AS owner_name, ub.name AS by_name FROM opportunities o
   LEFT JOIN users ow ON ow.id = o.owner_id LEFT JOIN users ub ON ub.id = o.updated_by
   WHERE ${where}`;
const selectLinks = (where: string) =>
  `SELECT l.*, u.name AS by_name FROM opportunity_links l LEFT JOIN users u ON u.id = l.created_by
   JOIN journeys j ON j.workspace_id = l.workspace_id AND j.id = l.journey_id AND j.deleted_at IS NULL
   WHERE ${where} ORDER BY l.created_at, l.kind, l.target`;
const priorityOrder = `CASE o.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

/**
 * A link added or removed is a change to the opportunity (its version goes up, with who and when) and to the
 * journey's link history (decision 0040).
 */
async function linkChanged(
  tx: SqlQueryable,
  key: LinkKey,
  change: LinkChangeBy,
  action: 'added' | 'removed',
  atCreation = false,
): Promise<void> {
  const [o] = await tx.query<{ title: string }>(
    atCreation
      ? 'SELECT title FROM opportunities WHERE workspace_id = $1 AND id = $2'
      : `UPDATE opportunities SET version = version + 1, updated_at = $3, updated_by = $4
         WHERE workspace_id = $1 AND id = $2 RETURNING title`,
    atCreation
      ? [key.workspaceId, key.opportunityId]
      : [key.workspaceId, key.opportunityId, change.at, change.by],
  );
  await recordLinkChange(tx, {
    workspaceId: key.workspaceId,
    journeyIds: [key.journeyId],
    change,
    action,
    link: 'opportunity',
    detail: { opportunityId: key.opportunityId, title: o?.title ?? null, kind: key.kind, target: key.target },
  });
}

export function createSqlOpportunityStore(sql: Sql): OpportunityStore {
  async function withLinks(workspaceId: WorkspaceId, rows: OpportunityRow[]): Promise<Opportunity[]> {
    if (rows.length === 0) return [];
    const links = (
      await sql.query<LinkRow>(selectLinks('l.workspace_id = $1 AND l.opportunity_id = ANY($2::text[])'), [
        workspaceId,
        rows.map((r) => r.id),
      ])
    ).map(toLink);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      description: r.description,
      owner: toUserRef(r.owner_id, r.owner_name),
      status: r.status as OpportunityStatus,
      priority: r.priority as OpportunityPriority,
      version: r.version,
      createdAt: iso(r.created_at),
      updatedAt: iso(r.updated_at),
      updatedBy: toUserRef(r.updated_by, r.by_name),
      links: links.filter((l) => l.opportunityId === r.id),
    }));
  }
  const get = async (workspaceId: WorkspaceId, id: string) =>
    (
      await withLinks(
        workspaceId,
        await sql.query<OpportunityRow>(selectOpportunities('o.workspace_id = $1 AND o.id = $2'), [
          workspaceId,
          id,
        ]),
      )
    )[0] ?? null;
  const missing = (id: string) =>
    err<OpportunityStoreError>({
      code: 'opportunity_not_found',
      message: `no opportunity "${id}" in this workspace`,
    });

  return {
    async listOpportunities(workspaceId) {
      return withLinks(
        workspaceId,
        await sql.query<OpportunityRow>(
          selectOpportunities('o.workspace_id = $1') + ` ORDER BY ${priorityOrder}, o.created_at, o.id`,
          [workspaceId],
        ),
      );
    },
    getOpportunity: get,
    async createOpportunity(input) {
      await sql.query(
        `INSERT INTO opportunities (workspace_id, id, title, description, owner_id, status, priority, version, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9)`,
        [
          input.workspaceId,
          input.id,
          input.title,
          input.description,
          input.ownerId,
          input.status,
          input.priority,
          input.at,
          input.by,
        ],
      );
      return (await get(input.workspaceId, input.id))!;
    },
    async updateOpportunity({ workspaceId, id, baseVersion, patch, by, at }) {
      const has = (k: keyof OpportunityFields) => Object.prototype.hasOwnProperty.call(patch, k);
      const rows = await sql.query<{ id: string }>(
        `UPDATE opportunities SET
           title = CASE WHEN $4 THEN $5 ELSE title END,
           description = CASE WHEN $6 THEN $7 ELSE description END,
           owner_id = CASE WHEN $8 THEN $9 ELSE owner_id END,
           status = CASE WHEN $10 THEN $11 ELSE status END,
           priority = CASE WHEN $12 THEN $13 ELSE priority END,
           version = version + 1, updated_at = $14, updated_by = $15
         WHERE workspace_id = $1 AND id = $2 AND version = $3 RETURNING id`,
        [
          workspaceId,
          id,
          baseVersion,
          has('title'),
          patch.title ?? null,
          has('description'),
          patch.description ?? null,
          has('ownerId'),
          patch.ownerId ?? null,
          has('status'),
          patch.status ?? null,
          has('priority'),
          patch.priority ?? null,
          at,
          by,
        ],
      );
      const current = await get(workspaceId, id);
      if (!current) return missing(id);
      if (rows.length === 0)
        return err({
          code: 'version_conflict',
          message: `opportunity "${id}" changed: it is at version ${current.version}, not ${baseVersion}; apply your change to the current version`,
          current,
        });
      return ok(current);
    },
    async deleteOpportunity(workspaceId, id) {
      const rows = await sql.query(
        'DELETE FROM opportunities WHERE workspace_id = $1 AND id = $2 RETURNING id',
        [workspaceId, id],
      );
      return rows.length > 0 ? ok(undefined) : missing(id);
    },
    async addLink(input) {
      if (!(await get(input.workspaceId, input.opportunityId))) return missing(input.opportunityId);
      const [journey] = await sql.query(
        'SELECT 1 FROM journeys WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL',
        [input.workspaceId, input.journeyId],
      );
      if (!journey)
        return err({
          code: 'journey_not_found',
          message: `journeyId: no journey "${input.journeyId}" in this workspace`,
        });
      return sql.transaction(async (tx) => {
        const rows = await tx.query<LinkRow>(
          `WITH a AS (
             INSERT INTO opportunity_links (workspace_id, opportunity_id, journey_id, kind, target, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING *
           ) SELECT a.*, u.name AS by_name FROM a LEFT JOIN users u ON u.id = a.created_by`,
          [
            input.workspaceId,
            input.opportunityId,
            input.journeyId,
            input.kind,
            input.target,
            input.at,
            input.by,
          ],
        );
        if (!rows[0])
          return err<OpportunityStoreError>({
            code: 'link_exists',
            message: `target: opportunity "${input.opportunityId}" already links to ${input.kind} "${input.target}" of journey "${input.journeyId}"`,
          });
        await linkChanged(tx, input, input, 'added', input.atCreation === true);
        return ok(toLink(rows[0]));
      });
    },
    removeLink(key, change) {
      return sql.transaction(async (tx) => {
        const rows = await tx.query(
          `DELETE FROM opportunity_links WHERE workspace_id = $1 AND opportunity_id = $2 AND journey_id = $3
           AND kind = $4 AND target = $5 RETURNING target`,
          [key.workspaceId, key.opportunityId, key.journeyId, key.kind, key.target],
        );
        if (rows.length === 0)
          return err<OpportunityStoreError>({
            code: 'link_not_found',
            message: `opportunity "${key.opportunityId}" has no link to ${key.kind} "${key.target}" of journey "${key.journeyId}"`,
          });
        if (change) await linkChanged(tx, key, change, 'removed');
        return ok(undefined);
      });
    },
    async searchOpportunities(query) {
      if (query.workspaceIds.length === 0 || query.text.trim() === '') return [];
      const matches = (text: string) =>
        `(to_tsvector('english', ${text}) @@ q.qe OR to_tsvector('simple', ${text}) @@ q.qs)`;
      const rows = await sql.query<{
        workspace_id: string;
        workspace_name: string;
        id: string;
        title: string;
        status: string;
        priority: string;
        matched: OpportunityMatch;
        excerpt: string;
      }>(
        `WITH q AS (SELECT websearch_to_tsquery('english', $2) AS qe, websearch_to_tsquery('simple', $2) AS qs),
         mine AS (
           SELECT o.workspace_id, o.id, o.title, coalesce(o.description, '') AS description, o.status, o.priority,
                  o.created_at
           FROM opportunities o
           WHERE o.workspace_id IN (SELECT jsonb_array_elements_text($1::jsonb))
             AND ($3::text IS NULL OR o.status = $3)
         ), evidence AS (
           SELECT l.workspace_id, l.opportunity_id, string_agg(e.body, ' · ' ORDER BY l.created_at, e.n) AS words
           FROM opportunity_links l
           JOIN mine m ON m.workspace_id = l.workspace_id AND m.id = l.opportunity_id
           JOIN journeys j ON j.workspace_id = l.workspace_id AND j.id = l.journey_id AND j.deleted_at IS NULL
           JOIN journey_search e ON e.workspace_id = l.workspace_id AND e.journey_id = l.journey_id
             AND e.item_id = l.target AND e.kind IN ('card', 'quote', 'step')
           WHERE l.kind IN ('card', 'step')
           GROUP BY l.workspace_id, l.opportunity_id
         ), found AS (
           SELECT m.*, coalesce(ev.words, '') AS words,
                  CASE WHEN ${matches('m.title')} THEN 'title'
                       WHEN ${matches('m.description')} THEN 'description'
                       WHEN ${matches("coalesce(ev.words, '')")} THEN 'evidence' END AS matched
           FROM mine m CROSS JOIN q
           LEFT JOIN evidence ev ON ev.workspace_id = m.workspace_id AND ev.opportunity_id = m.id
         )
         SELECT f.workspace_id, w.name AS workspace_name, f.id, f.title, f.status, f.priority, f.matched,
                ts_headline(
                  CASE WHEN to_tsvector('english', t.body) @@ q.qe THEN 'english' ELSE 'simple' END::regconfig,
                  t.body,
                  CASE WHEN to_tsvector('english', t.body) @@ q.qe THEN q.qe ELSE q.qs END,
                  'StartSel=${highlightStart}, StopSel=${highlightEnd}, MaxWords=30, MinWords=12, HighlightAll=false') AS excerpt
         FROM found f CROSS JOIN q
         JOIN workspaces w ON w.id = f.workspace_id
         CROSS JOIN LATERAL (SELECT CASE f.matched WHEN 'title' THEN f.title WHEN 'description' THEN f.description
                                      ELSE f.words END AS body) t
         WHERE f.matched IS NOT NULL
         ORDER BY CASE f.matched WHEN 'title' THEN 0 WHEN 'description' THEN 1 ELSE 2 END,
                  CASE f.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, lower(f.title), f.id
         LIMIT $4`,
        [JSON.stringify(query.workspaceIds), query.text, query.status ?? null, query.limit],
      );
      return rows.map((r) => ({
        workspaceId: r.workspace_id as WorkspaceId,
        workspaceName: r.workspace_name,
        id: r.id,
        title: r.title,
        status: r.status as OpportunityStatus,
        priority: r.priority as OpportunityPriority,
        matched: r.matched,
        excerpt: r.excerpt,
      }));
    },
    async opportunitiesOfJourney(workspaceId, journeyId) {
      const rows = await sql.query<OpportunityRow>(
        selectOpportunities(
          `o.workspace_id = $1 AND EXISTS (SELECT 1 FROM opportunity_links l WHERE l.workspace_id = o.workspace_id
           AND l.opportunity_id = o.id AND l.journey_id = $2)`,
        ) + ` ORDER BY ${priorityOrder}, o.created_at, o.id`,
        [workspaceId, journeyId],
      );
      return withLinks(workspaceId, rows);
    },
  };
}
