import type { JourneyId } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';
import { iso, isoOrNull, json, toUserRef } from './rows';
import type { Sql } from './sql';

/** What the search matched: the title, a stage, a step, a card, or a quote (a feeling card marked as a quote). */
export const searchEntryKinds = ['title', 'stage', 'step', 'card', 'quote'] as const;
export type SearchEntryKind = (typeof searchEntryKinds)[number];
export type SearchLanguage = 'en' | 'cy';

/** One piece of a journey's searchable text. */
export interface SearchEntry {
  readonly kind: SearchEntryKind;
  /** The stage, step or card it belongs to (none for the title). */
  readonly itemId: string | null;
  readonly columnId: string | null;
  readonly cardKind: string | null;
  /** English is stemmed ('english'); Welsh is matched word for word ('simple': PostgreSQL has no Welsh stemmer). */
  readonly language: SearchLanguage;
  readonly text: string;
}

export interface JourneyRevision {
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly version: number;
}

export interface SummaryWrite extends JourneyRevision {
  /** Opaque to the store: the API's headline figures. */
  readonly summary: unknown;
  /** Which format of the API's summary code wrote it (1 when absent): an older format is stale (migration 025). */
  readonly format?: number;
  /** Opaque to the store: what the API reads only when a journey's version is new to it (`listSummaryDetails`). */
  readonly detail?: unknown;
  readonly entries: readonly SearchEntry[];
  readonly at: Instant;
}

/** A journey's listed fields beside its stored summary, for the portfolio. */
export interface LibraryItem {
  readonly workspaceId: WorkspaceId;
  readonly workspaceName: string;
  readonly journeyId: JourneyId;
  readonly version: number;
  readonly title: string;
  readonly journeyType: string;
  readonly status: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly reviewDate: string | null;
  readonly updatedAt: Instant;
  /** Null while no summary has been computed for the current version. */
  readonly summary: unknown;
  readonly summaryVersion: number | null;
  /** The format the stored summary was written in; null without one. */
  readonly summaryFormat: number | null;
  readonly lastReview: { readonly at: Instant; readonly by: UserRef | null } | null;
  /** When a contact log was last imported into or attached to the journey, if ever. */
  readonly newestLogAt: Instant | null;
}

/**
 * The detail kept beside a summary: not in `listLibrary` (it is large, and the same until the journey changes, so
 * the API keeps it in memory) but read by `listSummaryDetails`.
 */
export interface SummaryDetail extends JourneyRevision {
  readonly format: number;
  readonly detail: unknown;
}

export interface IndicatorsOf {
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly data: unknown;
}

export interface SearchQuery {
  readonly workspaceIds: readonly WorkspaceId[];
  readonly text: string;
  readonly journeyType?: string;
  readonly owner?: string;
  readonly cardKind?: string;
  readonly limit: number;
}

export interface SearchHit {
  readonly workspaceId: WorkspaceId;
  readonly workspaceName: string;
  readonly journeyId: JourneyId;
  readonly journeyTitle: string;
  readonly journeyType: string;
  readonly owner: string | null;
  readonly kind: SearchEntryKind;
  readonly itemId: string | null;
  readonly columnId: string | null;
  readonly cardKind: string | null;
  readonly language: SearchLanguage;
  readonly text: string;
  /** The text around the match, with each matched word between `highlightStart` and `highlightEnd`. */
  readonly excerpt: string;
}

/**
 * At most this many matches are ordered: a word found in thousands of cards would otherwise be sorted whole on
 * every request. Matches are ordered titles first, then stages, steps, quotes and cards, the shortest text
 * first (the match is most of it); filters narrow the matches before the cap.
 */
export const SEARCH_CANDIDATES = 1000;

/** Characters that cannot be in stored text (core's character rule refuses control characters). */
export const highlightStart = '\u0002';
export const highlightEnd = '\u0003';

/**
 * The journeys as one library (issue 14, items 3, 4 and 6): summaries and search entries kept per journey
 * version, reviews. Every read is limited to the workspaces it is given: the API passes only those the person
 * may see.
 */
export interface LibraryStore {
  /**
   * Live journeys of these workspaces whose summary is missing, of another version, or written in a format
   * older than `format` (1 when absent).
   */
  staleJourneys(workspaceIds: readonly WorkspaceId[], format?: number): Promise<JourneyRevision[]>;
  /**
   * Keeps a journey's summary and search entries for its version; an older version never replaces a newer one,
   * nor an older format the same version's newer one.
   */
  saveSummary(input: SummaryWrite): Promise<void>;
  /** Each live journey with its summary (not its detail). */
  listLibrary(workspaceIds: readonly WorkspaceId[]): Promise<LibraryItem[]>;
  /** The detail of the stored summaries of these workspaces' live journeys (of these only, if given). */
  listSummaryDetails(
    workspaceIds: readonly WorkspaceId[],
    journeyIds?: readonly JourneyId[],
  ): Promise<SummaryDetail[]>;
  listIndicators(workspaceIds: readonly WorkspaceId[]): Promise<IndicatorsOf[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;
  recordReview(input: JourneyRevision & { readonly by: UserId | null; readonly at: Instant }): Promise<void>;
  /**
   * Refreshes the planner's statistics of the summaries and search entries after many were written: the
   * embedded database has no autovacuum, and without statistics a search scans instead of using its index.
   */
  analyse(): Promise<void>;
}

const ids = (workspaceIds: readonly WorkspaceId[]) => json(workspaceIds);
const inWorkspaces = (column: string, param: string) =>
  `${column} IN (SELECT jsonb_array_elements_text(${param}::jsonb))`;
const configOf = (language: SearchLanguage) => (language === 'cy' ? 'simple' : 'english');

/** `LibraryStore` over any `Sql`. */
export function createSqlLibraryStore(sql: Sql): LibraryStore {
  return {
    async staleJourneys(workspaceIds, format = 1) {
      if (workspaceIds.length === 0) return [];
      const rows = await sql.query<{ workspace_id: string; id: string; version: number }>(
        `SELECT j.workspace_id, j.id, j.version
         FROM journeys j
         LEFT JOIN journey_summaries s ON s.workspace_id = j.workspace_id AND s.journey_id = j.id
         WHERE ${inWorkspaces('j.workspace_id', '$1')} AND j.deleted_at IS NULL
           AND (s.version IS NULL OR s.version <> j.version OR s.format < $2)
         ORDER BY j.workspace_id, j.id`,
        [ids(workspaceIds), format],
      );
      return rows.map((r) => ({
        workspaceId: r.workspace_id as WorkspaceId,
        journeyId: r.id as JourneyId,
        version: r.version,
      }));
    },
    async saveSummary(input) {
      await sql.transaction(async (tx) => {
        const [kept] = await tx.query<{ version: number }>(
          `INSERT INTO journey_summaries (workspace_id, journey_id, version, summary, computed_at, format, detail)
           SELECT $1, $2, $3, $4::jsonb, $5, $6, $7::jsonb
           WHERE EXISTS (SELECT 1 FROM journeys WHERE workspace_id = $1 AND id = $2)
           ON CONFLICT (workspace_id, journey_id) DO UPDATE
             SET version = EXCLUDED.version, summary = EXCLUDED.summary, computed_at = EXCLUDED.computed_at,
                 format = EXCLUDED.format, detail = EXCLUDED.detail
             WHERE journey_summaries.version < EXCLUDED.version
                OR (journey_summaries.version = EXCLUDED.version AND journey_summaries.format < EXCLUDED.format)
           RETURNING version`,
          [
            input.workspaceId,
            input.journeyId,
            input.version,
            json(input.summary),
            input.at,
            input.format ?? 1,
            input.detail === undefined ? null : json(input.detail),
          ],
        );
        if (!kept) return;
        await tx.query('DELETE FROM journey_search WHERE workspace_id = $1 AND journey_id = $2', [
          input.workspaceId,
          input.journeyId,
        ]);
        if (input.entries.length === 0) return;
        await tx.query(
          `INSERT INTO journey_search (workspace_id, journey_id, n, kind, item_id, column_id, card_kind, language,
                                       config, body, tsv)
           SELECT $1, $2, x.n, x.kind, x.item_id, x.column_id, x.card_kind, x.language, x.config, x.body,
                  to_tsvector(x.config::regconfig, x.body)
           FROM jsonb_to_recordset($3::jsonb) AS x(n integer, kind text, item_id text, column_id text,
                card_kind text, language text, config text, body text)`,
          [
            input.workspaceId,
            input.journeyId,
            json(
              input.entries.map((e, n) => ({
                n,
                kind: e.kind,
                item_id: e.itemId,
                column_id: e.columnId,
                card_kind: e.cardKind,
                language: e.language,
                config: configOf(e.language),
                body: e.text,
              })),
            ),
          ],
        );
      });
    },
    async listLibrary(workspaceIds) {
      if (workspaceIds.length === 0) return [];
      const rows = await sql.query<{
        workspace_id: string;
        workspace_name: string;
        id: string;
        version: number;
        title: string;
        journey_type: string;
        status: string;
        owner: string | null;
        segment: string | null;
        review_date: string | null;
        updated_at: unknown;
        summary: unknown;
        summary_version: number | null;
        summary_format: number | null;
        reviewed_at: unknown;
        reviewed_by: string | null;
        reviewed_by_name: string | null;
        newest_log_at: unknown;
      }>(
        `SELECT j.workspace_id, w.name AS workspace_name, j.id, j.version, j.title, j.journey_type, j.status,
                j.owner, j.segment, j.review_date, j.updated_at, s.summary, s.version AS summary_version,
                s.format AS summary_format,
                r.reviewed_at, r.reviewed_by, u.name AS reviewed_by_name, d.newest_log_at
         FROM journeys j
         JOIN workspaces w ON w.id = j.workspace_id
         LEFT JOIN journey_summaries s ON s.workspace_id = j.workspace_id AND s.journey_id = j.id
         LEFT JOIN LATERAL (
           SELECT reviewed_at, reviewed_by FROM journey_reviews
           WHERE workspace_id = j.workspace_id AND journey_id = j.id ORDER BY reviewed_at DESC LIMIT 1
         ) r ON true
         LEFT JOIN users u ON u.id = r.reviewed_by
         LEFT JOIN (
           SELECT workspace_id, journey_id, max(coalesce(attached_at, created_at)) AS newest_log_at
           FROM datasets WHERE journey_id IS NOT NULL AND ${inWorkspaces('workspace_id', '$1')}
           GROUP BY workspace_id, journey_id
         ) d ON d.workspace_id = j.workspace_id AND d.journey_id = j.id
         WHERE ${inWorkspaces('j.workspace_id', '$1')} AND j.deleted_at IS NULL
         ORDER BY lower(j.title), j.workspace_id, j.id`,
        [ids(workspaceIds)],
      );
      return rows.map((r): LibraryItem => ({
        workspaceId: r.workspace_id as WorkspaceId,
        workspaceName: r.workspace_name,
        journeyId: r.id as JourneyId,
        version: r.version,
        title: r.title,
        journeyType: r.journey_type,
        status: r.status,
        owner: r.owner,
        segment: r.segment,
        reviewDate: r.review_date,
        updatedAt: iso(r.updated_at),
        summary: r.summary_version === r.version ? r.summary : null,
        summaryVersion: r.summary_version,
        summaryFormat: r.summary_format,
        lastReview:
          r.reviewed_at === null || r.reviewed_at === undefined
            ? null
            : { at: iso(r.reviewed_at), by: toUserRef(r.reviewed_by, r.reviewed_by_name) },
        newestLogAt: isoOrNull(r.newest_log_at),
      }));
    },
    async listSummaryDetails(workspaceIds, journeyIds) {
      if (workspaceIds.length === 0) return [];
      const rows = await sql.query<{
        workspace_id: string;
        journey_id: string;
        version: number;
        format: number;
        detail: unknown;
      }>(
        `SELECT s.workspace_id, s.journey_id, s.version, s.format, s.detail
         FROM journey_summaries s
         JOIN journeys j ON j.workspace_id = s.workspace_id AND j.id = s.journey_id AND j.deleted_at IS NULL
         WHERE ${inWorkspaces('s.workspace_id', '$1')}
           AND ($2::jsonb IS NULL OR s.journey_id IN (SELECT jsonb_array_elements_text($2::jsonb)))`,
        [ids(workspaceIds), journeyIds === undefined ? null : json(journeyIds)],
      );
      return rows.map((r) => ({
        workspaceId: r.workspace_id as WorkspaceId,
        journeyId: r.journey_id as JourneyId,
        version: r.version,
        format: r.format,
        detail: r.detail ?? null,
      }));
    },
    async listIndicators(workspaceIds) {
      if (workspaceIds.length === 0) return [];
      const rows = await sql.query<{ workspace_id: string; journey_id: string; data: unknown }>(
        `SELECT a.workspace_id, a.journey_id, a.data FROM journey_artifacts a
         JOIN journeys j ON j.workspace_id = a.workspace_id AND j.id = a.journey_id AND j.deleted_at IS NULL
         WHERE a.kind = 'indicators' AND ${inWorkspaces('a.workspace_id', '$1')}`,
        [ids(workspaceIds)],
      );
      return rows.map((r) => ({
        workspaceId: r.workspace_id as WorkspaceId,
        journeyId: r.journey_id as JourneyId,
        data: r.data,
      }));
    },
    async search(query) {
      if (query.workspaceIds.length === 0 || query.text.trim() === '') return [];
      const rows = await sql.query<{
        workspace_id: string;
        workspace_name: string;
        journey_id: string;
        title: string;
        journey_type: string;
        owner: string | null;
        kind: SearchEntryKind;
        item_id: string | null;
        column_id: string | null;
        card_kind: string | null;
        language: SearchLanguage;
        body: string;
        excerpt: string;
      }>(
        `WITH matched AS MATERIALIZED (
           SELECT e.workspace_id, e.journey_id, e.n, e.kind, e.item_id, e.column_id, e.card_kind, e.language,
                  e.config, e.body
           FROM journey_search e
           WHERE ((e.config = 'english' AND e.tsv @@ websearch_to_tsquery('english', $2))
               OR (e.config = 'simple' AND e.tsv @@ websearch_to_tsquery('simple', $2)))
             AND ${inWorkspaces('e.workspace_id', '$1')}
             AND ($5::text IS NULL OR e.card_kind = $5)
         ), found AS MATERIALIZED (
           SELECT m.*, j.title, j.journey_type, j.owner
           FROM matched m
           JOIN journeys j ON j.workspace_id = m.workspace_id AND j.id = m.journey_id
           WHERE j.deleted_at IS NULL
             AND ($3::text IS NULL OR j.journey_type = $3)
             AND ($4::text IS NULL OR lower(j.owner) = lower($4))
           LIMIT ${SEARCH_CANDIDATES}
         ), hits AS (
           SELECT f.* FROM found f
           ORDER BY CASE f.kind WHEN 'title' THEN 0 WHEN 'stage' THEN 1 WHEN 'step' THEN 2 WHEN 'quote' THEN 3 ELSE 4 END,
                    length(f.body), lower(f.title), f.journey_id, f.n
           LIMIT $6
         )
         SELECT h.workspace_id, w.name AS workspace_name, h.journey_id, h.title, h.journey_type, h.owner, h.kind,
                h.item_id, h.column_id, h.card_kind, h.language, h.body,
                ts_headline(h.config::regconfig, h.body,
                  CASE WHEN h.config = 'english' THEN websearch_to_tsquery('english', $2)
                       ELSE websearch_to_tsquery('simple', $2) END,
                  'StartSel=${highlightStart}, StopSel=${highlightEnd}, MaxWords=30, MinWords=12, HighlightAll=false')
                  AS excerpt
         FROM hits h JOIN workspaces w ON w.id = h.workspace_id
         ORDER BY CASE h.kind WHEN 'title' THEN 0 WHEN 'stage' THEN 1 WHEN 'step' THEN 2 WHEN 'quote' THEN 3 ELSE 4 END,
                  length(h.body), lower(h.title), h.journey_id, h.n`,
        [
          ids(query.workspaceIds),
          query.text,
          query.journeyType ?? null,
          query.owner ?? null,
          query.cardKind ?? null,
          query.limit,
        ],
      );
      return rows.map((r): SearchHit => ({
        workspaceId: r.workspace_id as WorkspaceId,
        workspaceName: r.workspace_name,
        journeyId: r.journey_id as JourneyId,
        journeyTitle: r.title,
        journeyType: r.journey_type,
        owner: r.owner,
        kind: r.kind,
        itemId: r.item_id,
        columnId: r.column_id,
        cardKind: r.card_kind,
        language: r.language,
        text: r.body,
        excerpt: r.excerpt,
      }));
    },
    async analyse() {
      await sql.exec('ANALYZE journey_summaries; ANALYZE journey_search');
    },
    async recordReview(input) {
      await sql.query(
        `INSERT INTO journey_reviews (workspace_id, journey_id, version, reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [input.workspaceId, input.journeyId, input.version, input.by, input.at],
      );
    },
  };
}
