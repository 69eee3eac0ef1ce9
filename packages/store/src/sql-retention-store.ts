import { err, ok } from '@waymark/core';
import { purgeHistory } from './history-purge';
import type { UserId, WorkspaceId } from './records';
import type { RetentionDays, RetentionStore, StoredRetention } from './retention-store';
import { iso } from './rows';
import type { Sql, SqlQueryable } from './sql';

interface RetentionRow {
  workspace_id: string;
  deleted_journeys_days: number;
  datasets_days: number;
  raw_uploads_days: number;
  audit_days: number;
  history_days: number;
  updated_at: unknown;
  updated_by: string | null;
}

const columns =
  'workspace_id, deleted_journeys_days, datasets_days, raw_uploads_days, audit_days, history_days, updated_at, updated_by';

const daysOf = (r: RetentionRow): RetentionDays => ({
  deletedJourneys: r.deleted_journeys_days,
  datasets: r.datasets_days,
  rawUploads: r.raw_uploads_days,
  audit: r.audit_days,
  history: r.history_days,
});

const toStored = (r: RetentionRow): StoredRetention => ({
  workspaceId: r.workspace_id as WorkspaceId,
  days: daysOf(r),
  updatedAt: iso(r.updated_at),
  updatedBy: r.updated_by as UserId | null,
});

const count = async (tx: SqlQueryable, text: string, params: readonly unknown[]) =>
  (await tx.query(text, params)).length;

/**
 * Every table of this schema with a `workspace_id` column but the workspaces themselves: what a deletion must
 * empty of the workspace, including tables added by later migrations.
 */
async function workspaceTables(tx: SqlQueryable): Promise<string[]> {
  const rows = await tx.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND c.column_name = 'workspace_id' AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** `RetentionStore` over any `Sql`. */
export function createSqlRetentionStore(sql: Sql): RetentionStore {
  return {
    async getRetention(workspaceId) {
      const [row] = await sql.query<RetentionRow>(
        `SELECT ${columns} FROM workspace_retention WHERE workspace_id = $1`,
        [workspaceId],
      );
      return row ? toStored(row) : null;
    },
    async setRetention({ workspaceId, days, by, at }) {
      const rows = await sql.query<RetentionRow>(
        `INSERT INTO workspace_retention (workspace_id, deleted_journeys_days, datasets_days, raw_uploads_days,
           audit_days, history_days, updated_at, updated_by)
         SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM workspaces WHERE id = $1
         ON CONFLICT (workspace_id) DO UPDATE SET deleted_journeys_days = EXCLUDED.deleted_journeys_days,
           datasets_days = EXCLUDED.datasets_days, raw_uploads_days = EXCLUDED.raw_uploads_days,
           audit_days = EXCLUDED.audit_days, history_days = EXCLUDED.history_days,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
         RETURNING ${columns}`,
        [workspaceId, days.deletedJourneys, days.datasets, days.rawUploads, days.audit, days.history, at, by],
      );
      const row = rows[0];
      return row
        ? ok(toStored(row))
        : err({ code: 'workspace_not_found', message: `no workspace "${workspaceId}"` });
    },
    async listRetention() {
      const rows = await sql.query<RetentionRow & { id: string }>(
        `SELECT w.id, r.workspace_id, r.deleted_journeys_days, r.datasets_days, r.raw_uploads_days, r.audit_days,
           r.history_days, r.updated_at, r.updated_by
         FROM workspaces w LEFT JOIN workspace_retention r ON r.workspace_id = w.id ORDER BY w.id`,
      );
      return rows.map((r) => ({
        workspaceId: r.id as WorkspaceId,
        days: r.workspace_id === null ? null : daysOf(r),
      }));
    },
    async purgeWorkspace(workspaceId, cutoffs) {
      const deletedJourneys = await count(
        sql,
        'DELETE FROM journeys WHERE workspace_id = $1 AND deleted_at < $2 RETURNING 1',
        [workspaceId, cutoffs.deletedJourneys],
      );
      const datasets = await count(
        sql,
        'DELETE FROM datasets WHERE workspace_id = $1 AND created_at < $2 RETURNING 1',
        [workspaceId, cutoffs.datasets],
      );
      const rawUploads = await count(
        sql,
        `UPDATE datasets SET raw_parts = NULL
         WHERE workspace_id = $1 AND raw_parts IS NOT NULL AND created_at < $2 RETURNING 1`,
        [workspaceId, cutoffs.rawUploads],
      );
      const auditEntries = await count(
        sql,
        'DELETE FROM audit_events WHERE workspace_id = $1 AND at < $2 RETURNING 1',
        [workspaceId, cutoffs.audit],
      );
      const versions = await purgeHistory(sql, workspaceId, cutoffs.history);
      return { deletedJourneys, datasets, rawUploads, auditEntries, versions };
    },
    async deleteWorkspace(workspaceId) {
      return sql.transaction(async (tx) => {
        const [found] = await tx.query('SELECT 1 FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
        if (!found) return null;
        const guestIds = (
          await tx.query<{ id: string }>(
            `SELECT g.id FROM guests g JOIN guest_links l ON l.id = g.link_id WHERE l.workspace_id = $1`,
            [workspaceId],
          )
        ).map((r) => r.id);
        // Datasets first: their trigger removes their parts. Journeys take their history, comments, links,
        // artefacts, workshops and guest links (and so guests) with them.
        const datasets = await count(tx, 'DELETE FROM datasets WHERE workspace_id = $1 RETURNING 1', [
          workspaceId,
        ]);
        const journeys = await count(tx, 'DELETE FROM journeys WHERE workspace_id = $1 RETURNING 1', [
          workspaceId,
        ]);
        const guests = await count(tx, 'DELETE FROM users WHERE id = ANY($1::text[]) RETURNING 1', [
          guestIds,
        ]);
        const members = await count(tx, 'DELETE FROM memberships WHERE workspace_id = $1 RETURNING 1', [
          workspaceId,
        ]);
        const auditEntries = await count(tx, 'DELETE FROM audit_events WHERE workspace_id = $1 RETURNING 1', [
          workspaceId,
        ]);
        for (const table of await workspaceTables(tx))
          await tx.query(`DELETE FROM ${quoteIdent(table)} WHERE workspace_id = $1`, [workspaceId]);
        await tx.query('DELETE FROM workspaces WHERE id = $1', [workspaceId]);
        return { journeys, datasets, members, auditEntries, guests };
      });
    },
  };
}
