import { err, ok } from '@waymark/core';
import type { CostModelStore, StoredCostModel } from './cost-model-store';
import type { UserId, WorkspaceId } from './records';
import { iso } from './rows';
import type { Sql } from './sql';

interface ModelRow {
  workspace_id: string;
  id: string;
  name: string;
  price_year: string;
  lines: unknown;
  updated_at: unknown;
  updated_by: string | null;
}

const columns = 'workspace_id, id, name, price_year, lines, updated_at, updated_by';
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

const toModel = (r: ModelRow): StoredCostModel => ({
  workspaceId: r.workspace_id as WorkspaceId,
  id: r.id,
  name: r.name,
  priceYear: r.price_year,
  lines: json(r.lines) as unknown[],
  updatedAt: iso(r.updated_at),
  updatedBy: r.updated_by as UserId | null,
});

/** `CostModelStore` over any `Sql`. */
export function createSqlCostModelStore(sql: Sql): CostModelStore {
  return {
    async listCostModels(workspaceId) {
      const rows = await sql.query<ModelRow>(
        `SELECT ${columns} FROM cost_models WHERE workspace_id = $1 ORDER BY lower(name), id`,
        [workspaceId],
      );
      return rows.map(toModel);
    },
    async getCostModel(workspaceId, id) {
      const [row] = await sql.query<ModelRow>(
        `SELECT ${columns} FROM cost_models WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id],
      );
      return row ? toModel(row) : null;
    },
    async putCostModel({ workspaceId, id, name, priceYear, lines, by, at }) {
      const rows = await sql.query<ModelRow>(
        `INSERT INTO cost_models (workspace_id, id, name, price_year, lines, updated_at, updated_by)
         SELECT w.id, $2, $3, $4, $5::jsonb, $6, $7 FROM workspaces w WHERE w.id = $1
         ON CONFLICT (workspace_id, id) DO UPDATE SET name = EXCLUDED.name, price_year = EXCLUDED.price_year,
           lines = EXCLUDED.lines, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
         RETURNING ${columns}`,
        [workspaceId, id, name, priceYear, JSON.stringify(lines), at, by],
      );
      const row = rows[0];
      return row
        ? ok(toModel(row))
        : err({ code: 'workspace_not_found', message: `no workspace "${workspaceId}"` });
    },
    async deleteCostModel(workspaceId, id) {
      return sql.transaction(async (tx) => {
        const gone = await tx.query(
          'DELETE FROM cost_models WHERE workspace_id = $1 AND id = $2 RETURNING 1',
          [workspaceId, id],
        );
        await tx.query('DELETE FROM workspace_cost_defaults WHERE workspace_id = $1 AND model_id = $2', [
          workspaceId,
          id,
        ]);
        return gone.length > 0;
      });
    },
    async getCostDefault(workspaceId) {
      const [row] = await sql.query<{ model_id: string; price_year: string | null }>(
        'SELECT model_id, price_year FROM workspace_cost_defaults WHERE workspace_id = $1',
        [workspaceId],
      );
      return row ? { modelId: row.model_id, priceYear: row.price_year } : null;
    },
    async setCostDefault(workspaceId, choice, by, at) {
      if (choice === null) {
        await sql.query('DELETE FROM workspace_cost_defaults WHERE workspace_id = $1', [workspaceId]);
        return;
      }
      await sql.query(
        `INSERT INTO workspace_cost_defaults (workspace_id, model_id, price_year, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id) DO UPDATE SET model_id = EXCLUDED.model_id, price_year = EXCLUDED.price_year,
           updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
        [workspaceId, choice.modelId, choice.priceYear, at, by],
      );
    },
    async getDeflator() {
      const [row] = await sql.query<{ series: unknown; loaded_at: unknown; loaded_by: string | null }>(
        `SELECT series, loaded_at, loaded_by FROM deflator_series WHERE id = 'current'`,
      );
      return row
        ? { series: json(row.series), loadedAt: iso(row.loaded_at), loadedBy: row.loaded_by as UserId | null }
        : null;
    },
    async setDeflator(series, by, at) {
      if (series === null) {
        await sql.query(`DELETE FROM deflator_series WHERE id = 'current'`);
        return;
      }
      await sql.query(
        `INSERT INTO deflator_series (id, series, loaded_at, loaded_by) VALUES ('current', $1::jsonb, $2, $3)
         ON CONFLICT (id) DO UPDATE SET series = EXCLUDED.series, loaded_at = EXCLUDED.loaded_at,
           loaded_by = EXCLUDED.loaded_by`,
        [JSON.stringify(series), at, by],
      );
    },
  };
}
