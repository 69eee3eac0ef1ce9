import type { JourneyId } from '@waymark/core';
import type { Instant, WorkspaceId } from './records';
import type { Sql } from './sql';

/**
 * The workshop state of a journey (decision 0014), stored as the API's reducer made it: the store does not
 * look inside `state`. `revision` counts changes; a write names the revision it was made on, so two server
 * processes changing one workshop at once cannot overwrite each other (the second is told the current one).
 */
export interface StoredWorkshop {
  readonly state: unknown;
  readonly revision: number;
  readonly updatedAt: Instant;
}

export type WorkshopWrite =
  | { readonly ok: true; readonly workshop: StoredWorkshop }
  /** Someone else wrote first (or the journey is gone: `current` null and nothing stored). */
  | { readonly ok: false; readonly code: 'revision_conflict'; readonly current: StoredWorkshop | null }
  | { readonly ok: false; readonly code: 'journey_not_found' };

export interface WorkshopStore {
  /** The workshop of a journey, or null when none was ever started. */
  get(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<StoredWorkshop | null>;
  /**
   * Stores `state` as revision `baseRevision + 1` if the stored revision is still `baseRevision` (0: none
   * stored yet). Announced on `waymark_workshop` when it commits (migration 009).
   */
  put(input: {
    readonly workspaceId: WorkspaceId;
    readonly journeyId: JourneyId;
    readonly state: unknown;
    readonly baseRevision: number;
    readonly at: Instant;
  }): Promise<WorkshopWrite>;
}

/** The channel every change of a workshop is announced on (payload `{s, w, j, r}`). */
export const WORKSHOP_CHANNEL = 'waymark_workshop';

interface WorkshopRow {
  state: unknown;
  revision: number;
  updated_at: unknown;
}

const toWorkshop = (r: WorkshopRow): StoredWorkshop => ({
  state: typeof r.state === 'string' ? (JSON.parse(r.state) as unknown) : r.state,
  revision: r.revision,
  updatedAt: (r.updated_at instanceof Date
    ? r.updated_at.toISOString()
    : new Date(String(r.updated_at)).toISOString()) as Instant,
});

export function createSqlWorkshopStore(sql: Sql): WorkshopStore {
  const select = `SELECT state, revision, updated_at FROM journey_workshops WHERE workspace_id = $1 AND journey_id = $2`;
  async function get(workspaceId: WorkspaceId, journeyId: JourneyId) {
    const [row] = await sql.query<WorkshopRow>(select, [workspaceId, journeyId]);
    return row ? toWorkshop(row) : null;
  }
  return {
    get,
    async put({ workspaceId, journeyId, state, baseRevision, at }) {
      const text = JSON.stringify(state);
      const rows =
        baseRevision === 0
          ? await sql.query<WorkshopRow>(
              `INSERT INTO journey_workshops (workspace_id, journey_id, state, revision, updated_at)
               SELECT $1, $2, $3::jsonb, 1, $4 WHERE EXISTS
                 (SELECT 1 FROM journeys WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL)
               ON CONFLICT (workspace_id, journey_id) DO NOTHING
               RETURNING state, revision, updated_at`,
              [workspaceId, journeyId, text, at],
            )
          : await sql.query<WorkshopRow>(
              `UPDATE journey_workshops SET state = $3::jsonb, revision = revision + 1, updated_at = $4
               WHERE workspace_id = $1 AND journey_id = $2 AND revision = $5
               RETURNING state, revision, updated_at`,
              [workspaceId, journeyId, text, at, baseRevision],
            );
      if (rows[0]) return { ok: true, workshop: toWorkshop(rows[0]) };
      const current = await get(workspaceId, journeyId);
      if (!current && baseRevision === 0) return { ok: false, code: 'journey_not_found' };
      return { ok: false, code: 'revision_conflict', current };
    },
  };
}
