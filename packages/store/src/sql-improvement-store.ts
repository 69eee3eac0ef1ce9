import { err, ok, type JourneyId } from '@waymark/core';
import type {
  ArtifactKey,
  ArtifactKind,
  ImprovementStore,
  ImprovementStoreError,
  StoredArtifact,
} from './improvement-store';
import type { UserId } from './records';
import { iso, json, toUserRef } from './rows';
import type { Sql } from './sql';

interface ArtifactRow {
  journey_id: string;
  kind: string;
  id: string;
  data: unknown;
  version: number;
  created_at: unknown;
  updated_at: unknown;
  updated_by: string | null;
  by_name: string | null;
}

const toArtifact = (r: ArtifactRow): StoredArtifact => ({
  journeyId: r.journey_id as JourneyId,
  kind: r.kind as ArtifactKind,
  id: r.id,
  data: r.data,
  version: r.version,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  updatedBy: toUserRef(r.updated_by as UserId | null, r.by_name),
});

/** The row(s) a statement returned, with the name of who last changed them. */
const withName = (statement: string) =>
  `WITH a AS (${statement}) SELECT a.*, u.name AS by_name FROM a LEFT JOIN users u ON u.id = a.updated_by`;
const liveJourney = `EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = $1 AND j.id = $2 AND j.deleted_at IS NULL)`;
const keyOf = (k: ArtifactKey) => [k.workspaceId, k.journeyId, k.kind, k.id];
const label = (k: ArtifactKey) => `${k.kind} "${k.id}"`;

/** Improvement artefacts over any `Sql` (PGlite or PostgreSQL). */
export function createSqlImprovementStore(sql: Sql): ImprovementStore {
  const get = async (key: ArtifactKey) =>
    (
      await sql.query<ArtifactRow>(
        withName(
          'SELECT * FROM journey_artifacts WHERE workspace_id = $1 AND journey_id = $2 AND kind = $3 AND id = $4',
        ),
        keyOf(key),
      )
    ).map(toArtifact)[0] ?? null;

  /** Why a conditional write changed nothing: the journey is gone, the artefact is missing, or it moved on. */
  async function refusal(key: ArtifactKey, baseVersion: number): Promise<ImprovementStoreError> {
    const [live] = await sql.query(`SELECT ${liveJourney} AS live`, [key.workspaceId, key.journeyId]);
    if (!(live as { live: boolean } | undefined)?.live)
      return { code: 'journey_not_found', message: `no journey "${key.journeyId}" in this workspace` };
    const current = await get(key);
    if (!current)
      return {
        code: 'artifact_not_found',
        message: `no ${label(key)} on this journey; send baseVersion 0 to create it`,
      };
    return {
      code: 'version_conflict',
      message:
        baseVersion === 0
          ? `${label(key)} already exists at version ${current.version}; send baseVersion ${current.version} to change it`
          : `${label(key)} changed: it is at version ${current.version}, not ${baseVersion}; apply your change to the current version`,
      current,
    };
  }

  return {
    async listArtifacts(workspaceId, journeyId, kind) {
      const rows = await sql.query<ArtifactRow>(
        withName(
          `SELECT * FROM journey_artifacts WHERE workspace_id = $1 AND journey_id = $2 AND ($3::text IS NULL OR kind = $3)`,
        ) + ' ORDER BY a.kind, a.id',
        [workspaceId, journeyId, kind ?? null],
      );
      return rows.map(toArtifact);
    },
    getArtifact: get,
    async putArtifact(input) {
      const params = [...keyOf(input), json(input.data), input.at, input.by];
      const rows =
        input.baseVersion === 0
          ? await sql.query<ArtifactRow>(
              withName(
                `INSERT INTO journey_artifacts (workspace_id, journey_id, kind, id, data, version, created_at, updated_at, updated_by)
                 SELECT $1, $2, $3, $4, $5::jsonb, 1, $6, $6, $7 WHERE ${liveJourney}
                 ON CONFLICT DO NOTHING RETURNING *`,
              ),
              params,
            )
          : await sql.query<ArtifactRow>(
              withName(
                `UPDATE journey_artifacts SET data = $5::jsonb, version = version + 1, updated_at = $6, updated_by = $7
                 WHERE workspace_id = $1 AND journey_id = $2 AND kind = $3 AND id = $4 AND version = $8 AND ${liveJourney}
                 RETURNING *`,
              ),
              [...params, input.baseVersion],
            );
      const row = rows[0];
      return row ? ok(toArtifact(row)) : err(await refusal(input, input.baseVersion));
    },
    async deleteArtifact(key) {
      const rows = await sql.query(
        `DELETE FROM journey_artifacts
         WHERE workspace_id = $1 AND journey_id = $2 AND kind = $3 AND id = $4 AND version = $5 AND ${liveJourney}
         RETURNING id`,
        [...keyOf(key), key.baseVersion],
      );
      return rows.length > 0 ? ok(undefined) : err(await refusal(key, key.baseVersion));
    },
  };
}
