import type { TemplateKind } from '@waymark/core';
import type { UserId, WorkspaceId } from './records';
import { iso } from './rows';
import type { Sql } from './sql';
import type { Provenance, StoredTemplate, TemplateStore } from './template-store';

interface TemplateRow {
  workspace_id: string;
  id: string;
  name: string;
  description: string | null;
  source: string | null;
  kind: string;
  created_at: unknown;
  created_by: string | null;
  created_by_name: string | null;
  body?: unknown;
}

const listColumns = `t.workspace_id, t.id, t.name, t.description, t.source, t.kind, t.created_at, t.created_by,
  u.name AS created_by_name`;

const toStored = (r: TemplateRow): StoredTemplate => ({
  workspaceId: r.workspace_id as WorkspaceId,
  id: r.id,
  name: r.name,
  description: r.description,
  source: r.source,
  kind: r.kind as TemplateKind,
  createdAt: iso(r.created_at),
  createdBy: r.created_by as UserId | null,
  createdByName: r.created_by_name,
});

/** jsonb comes back parsed from pg and from PGlite; a string (older drivers) is parsed here. */
const jsonOf = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** `TemplateStore` over any `Sql`. */
export function createSqlTemplateStore(sql: Sql): TemplateStore {
  return {
    async listTemplates(workspaceId) {
      const rows = await sql.query<TemplateRow>(
        `SELECT ${listColumns} FROM workspace_templates t LEFT JOIN users u ON u.id = t.created_by
         WHERE t.workspace_id = $1 ORDER BY t.created_at DESC, t.name, t.id`,
        [workspaceId],
      );
      return rows.map(toStored);
    },
    async getTemplate(workspaceId, id) {
      const [row] = await sql.query<TemplateRow>(
        `SELECT ${listColumns}, t.body FROM workspace_templates t LEFT JOIN users u ON u.id = t.created_by
         WHERE t.workspace_id = $1 AND t.id = $2`,
        [workspaceId, id],
      );
      return row ? { ...toStored(row), body: jsonOf(row.body) } : null;
    },
    async getTemplates(workspaceId, ids) {
      if (ids.length === 0) return [];
      const rows = await sql.query<TemplateRow>(
        `SELECT ${listColumns}, t.body FROM workspace_templates t LEFT JOIN users u ON u.id = t.created_by
         WHERE t.workspace_id = $1 AND t.id = ANY($2::text[])`,
        [workspaceId, [...ids]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row ? [{ ...toStored(row), body: jsonOf(row.body) }] : [];
      });
    },
    async addTemplates(templates) {
      try {
        await sql.transaction(async (tx) => {
          for (const t of templates)
            await tx.query(
              `INSERT INTO workspace_templates (workspace_id, id, name, description, source, kind, body, created_at, created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)`,
              [
                t.workspaceId,
                t.id,
                t.name,
                t.description ?? null,
                t.source ?? null,
                t.body.kind,
                JSON.stringify(t.body),
                t.at,
                t.by,
              ],
            );
        });
        return true;
      } catch (error) {
        if ((error as { code?: string }).code === '23505') return false;
        throw error;
      }
    },
    async deleteTemplate(workspaceId, id) {
      const rows = await sql.query(
        'DELETE FROM workspace_templates WHERE workspace_id = $1 AND id = $2 RETURNING id',
        [workspaceId, id],
      );
      return rows.length > 0;
    },
    async recordProvenance(workspaceId, journeyId, p: Provenance) {
      await sql.query(
        `INSERT INTO journey_provenance (workspace_id, journey_id, from_workspace_id, from_workspace_name,
           from_journey_id, from_journey_title, from_version, copied_at, copied_by, copied_by_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          workspaceId,
          journeyId,
          p.fromWorkspaceId,
          p.fromWorkspaceName,
          p.fromJourneyId,
          p.fromJourneyTitle,
          p.fromVersion,
          p.copiedAt,
          p.copiedBy,
          p.copiedByName,
        ],
      );
    },
    async getProvenance(workspaceId, journeyId) {
      const [row] = await sql.query<{
        from_workspace_id: string;
        from_workspace_name: string;
        from_journey_id: string;
        from_journey_title: string;
        from_version: number;
        copied_at: unknown;
        copied_by: string | null;
        copied_by_name: string;
      }>(
        `SELECT from_workspace_id, from_workspace_name, from_journey_id, from_journey_title, from_version,
           copied_at, copied_by, copied_by_name
         FROM journey_provenance WHERE workspace_id = $1 AND journey_id = $2`,
        [workspaceId, journeyId],
      );
      return row
        ? {
            fromWorkspaceId: row.from_workspace_id,
            fromWorkspaceName: row.from_workspace_name,
            fromJourneyId: row.from_journey_id,
            fromJourneyTitle: row.from_journey_title,
            fromVersion: Number(row.from_version),
            copiedAt: iso(row.copied_at),
            copiedBy: row.copied_by as UserId | null,
            copiedByName: row.copied_by_name,
          }
        : null;
    },
  };
}
