import { err, ok, type Journey, type JourneyCommand, type JourneyId } from '@waymark/core';
import type { JourneyStore, NewVersion } from './journey-store';
import type { JourneySummary, StoredJourney, VersionKind } from './records';
import { iso, isoOrNull, json, likePattern, toUserRef } from './rows';
import type { Sql, SqlQueryable } from './sql';
import { createSqlCollabStore } from './sql-collab-store';
import { createAppendBatcher, listed, snapshotKinds, SNAPSHOT_EVERY } from './journey-append';
import { journeyColumns, materialise, toStored, type JourneyRow } from './journey-rows';

export { SNAPSHOT_EVERY };

async function recordVersion(tx: SqlQueryable, input: NewVersion, id: string, version: number) {
  await tx.query(
    `INSERT INTO journey_versions (workspace_id, journey_id, version, kind, commands, detail, by_user, at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8)`,
    [
      input.workspaceId,
      id,
      version,
      input.kind,
      json(input.commands),
      input.detail ? json(input.detail) : null,
      input.by,
      input.at,
    ],
  );
  if (snapshotKinds.includes(input.kind) || version % SNAPSHOT_EVERY === 0) {
    await tx.query(
      'INSERT INTO journey_snapshots (workspace_id, journey_id, version, document) VALUES ($1, $2, $3, $4::jsonb)',
      [input.workspaceId, id, version, json(input.journey)],
    );
  }
}

const selectJourney = `SELECT ${journeyColumns} FROM journeys`;

/**
 * Journeys recently read, checked against the database by version before use: a read of an unchanged journey
 * is one small query instead of a 17 KB document to transfer, parse and replay. Exact with several servers on
 * one database, since the version is always asked.
 */
type ReadCache = Map<string, StoredJourney>;
const READ_CACHE_SIZE = 200;
const cacheKey = (workspaceId: string, id: string) => `${workspaceId}\u0000${id}`;
function remember(cache: ReadCache, workspaceId: string, stored: StoredJourney) {
  const key = cacheKey(workspaceId, stored.id);
  if (!cache.has(key) && cache.size >= READ_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, stored);
}

async function getJourney(
  sql: SqlQueryable,
  cache: ReadCache,
  workspaceId: string,
  id: string,
  includeDeleted: boolean,
) {
  const cached = cache.get(cacheKey(workspaceId, id));
  if (cached) {
    const [probe] = await sql.query<{ version: number; updated_at: unknown; deleted: boolean }>(
      'SELECT version, updated_at, deleted_at IS NOT NULL AS deleted FROM journeys WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    if (!probe || (probe.deleted && !includeDeleted)) return null;
    // Version and time together: a journey purged and made again under the same id starts at version 1 again.
    const same = probe.version === cached.version && iso(probe.updated_at) === cached.updatedAt;
    if (same && !probe.deleted) return cached;
  }
  const [row] = await sql.query<JourneyRow>(
    `${selectJourney} WHERE workspace_id = $1 AND id = $2 ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`,
    [workspaceId, id],
  );
  if (!row) return null;
  const stored = await materialise(sql, workspaceId, row);
  if (stored.deletedAt === null) remember(cache, workspaceId, stored);
  return stored;
}

/** `JourneyStore` over any `Sql`. */
export function createSqlJourneyStore(sql: Sql): JourneyStore {
  const readCache: ReadCache = new Map();
  const appendInBatch = createAppendBatcher(sql);
  return {
    async listJourneys(workspaceId, filter = {}) {
      const rows = await sql.query<{
        id: string;
        title: string;
        journey_type: string;
        status: string;
        owner: string | null;
        segment: string | null;
        review_date: string | null;
        version: number;
        updated_at: unknown;
        updated_by: string | null;
        updated_by_name: string | null;
        deleted_at: unknown;
      }>(
        `SELECT j.id, j.title, j.journey_type, j.status, j.owner, j.segment, j.review_date, j.version, j.updated_at,
                j.updated_by, u.name AS updated_by_name, j.deleted_at
         FROM journeys j LEFT JOIN users u ON u.id = j.updated_by
         WHERE j.workspace_id = $1
           AND (CASE WHEN $2::boolean THEN j.deleted_at IS NOT NULL ELSE j.deleted_at IS NULL END)
           AND ($3::text IS NULL OR j.title ILIKE $3 OR j.document::text ILIKE $3)
           AND ($4::text IS NULL OR j.journey_type = $4)
           AND ($5::text IS NULL OR j.status = $5)
           AND ($6::text IS NULL OR lower(j.owner) = lower($6))
         ORDER BY lower(j.title), j.id`,
        [
          workspaceId,
          filter.deleted === true,
          filter.q ? likePattern(filter.q) : null,
          filter.type ?? null,
          filter.status ?? null,
          filter.owner ?? null,
        ],
      );
      return rows.map((r): JourneySummary => ({
        id: r.id as JourneyId,
        title: r.title,
        journeyType: r.journey_type,
        status: r.status,
        owner: r.owner,
        segment: r.segment,
        reviewDate: r.review_date,
        version: r.version,
        updatedAt: iso(r.updated_at),
        updatedBy: toUserRef(r.updated_by, r.updated_by_name),
        deletedAt: isoOrNull(r.deleted_at),
      }));
    },
    getJourney: (workspaceId, id, options = {}) =>
      getJourney(sql, readCache, workspaceId, id, options.includeDeleted === true),
    async createJourney(input) {
      const id = input.journey.id;
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<Omit<JourneyRow, 'document' | 'document_version'>>(
          `INSERT INTO journeys (workspace_id, id, document, document_version, version, title, journey_type, status, owner,
                                 segment, review_date, created_at, updated_at, updated_by)
           VALUES ($1, $2, $3::jsonb, 1, 1, $4, $5, $6, $7, $8, $9, $10, $10, $11)
           ON CONFLICT DO NOTHING RETURNING id, version, updated_at, deleted_at`,
          [input.workspaceId, id, json(input.journey), ...listed(input.journey), input.at, input.by],
        );
        if (!row)
          return err({
            code: 'journey_exists' as const,
            message: `a journey with the id "${id}" already exists in this workspace`,
          });
        await recordVersion(tx, input, id, 1);
        return ok(toStored({ ...row, document: input.journey }));
      });
    },
    async appendVersion(input) {
      const id = input.journey.id;
      const row = await appendInBatch(input);
      // The document written is the one given: no need to read it back.
      const result = row ? toStored({ ...row, document: input.journey }) : null;
      if (result) {
        // The next read's version probe finds it current: no document to read back and commands to replay.
        remember(readCache, input.workspaceId, result);
        return ok(result);
      }
      const current = await getJourney(sql, readCache, input.workspaceId, id, false);
      if (!current)
        return err({ code: 'journey_not_found', message: `no journey "${id}" in this workspace` });
      return err({
        code: 'version_conflict',
        message: `the journey changed: it is at version ${current.version}, not ${input.baseVersion}; apply your change to the current version`,
        current,
      });
    },
    async history(workspaceId, id, range = {}) {
      const rows = await sql.query<{
        version: number;
        kind: VersionKind;
        at: unknown;
        by_user: string | null;
        by_name: string | null;
        commands: JourneyCommand[];
        detail: Record<string, unknown> | null;
      }>(
        `SELECT v.version, v.kind, v.at, v.by_user, u.name AS by_name, v.commands, v.detail
         FROM journey_versions v LEFT JOIN users u ON u.id = v.by_user
         WHERE v.workspace_id = $1 AND v.journey_id = $2 AND v.version > $3 ORDER BY v.version
         LIMIT $4`,
        [workspaceId, id, range.after ?? 0, range.limit ?? null],
      );
      return rows.map((r) => ({
        version: r.version,
        kind: r.kind,
        at: iso(r.at),
        by: toUserRef(r.by_user, r.by_name),
        commands: r.commands,
        detail: r.detail,
      }));
    },
    async versionTrail(workspaceId, id, version) {
      const [snapshot] = await sql.query<{ version: number; document: Journey }>(
        `SELECT version, document FROM journey_snapshots
         WHERE workspace_id = $1 AND journey_id = $2 AND version <= $3 ORDER BY version DESC LIMIT 1`,
        [workspaceId, id, version],
      );
      if (!snapshot) return null;
      const after = await sql.query<{ version: number; commands: JourneyCommand[] }>(
        `SELECT version, commands FROM journey_versions
         WHERE workspace_id = $1 AND journey_id = $2 AND version > $3 AND version <= $4 ORDER BY version`,
        [workspaceId, id, snapshot.version, version],
      );
      if ((after.at(-1)?.version ?? snapshot.version) !== version) return null;
      return { snapshot: { version: snapshot.version, journey: snapshot.document }, after };
    },
    async softDelete(workspaceId, id, at) {
      const rows = await sql.query(
        'UPDATE journeys SET deleted_at = $3 WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL RETURNING 1',
        [workspaceId, id, at],
      );
      return rows.length > 0
        ? ok(undefined)
        : err({ code: 'journey_not_found', message: `no journey "${id}" in this workspace` });
    },
    async undelete(workspaceId, id, deletedSince) {
      const [row] = await sql.query<JourneyRow & { gone: boolean }>(
        `${selectJourney.replace('SELECT', 'SELECT deleted_at < $3 AS gone,')} WHERE workspace_id = $1 AND id = $2`,
        [workspaceId, id, deletedSince],
      );
      if (!row) return err({ code: 'journey_not_found', message: `no journey "${id}" in this workspace` });
      if (row.deleted_at === null)
        return err({ code: 'journey_not_deleted', message: `the journey "${id}" is not deleted` });
      if (row.gone)
        return err({
          code: 'undelete_expired',
          message: `the journey "${id}" was deleted too long ago to restore`,
        });
      await sql.query('UPDATE journeys SET deleted_at = NULL WHERE workspace_id = $1 AND id = $2', [
        workspaceId,
        id,
      ]);
      return ok({ ...(await materialise(sql, workspaceId, row)), deletedAt: null });
    },
    async purgeDeleted(before) {
      const rows = await sql.query('DELETE FROM journeys WHERE deleted_at < $1 RETURNING 1', [before]);
      return rows.length;
    },
    ...createSqlCollabStore(sql),
  };
}
