import { applyCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { json } from './rows';
import type { Sql, SqlQueryable } from './sql';

interface Candidate {
  id: string;
  /** The first version kept: the one after the last version older than the cut-off, or the current one. */
  keep_from: number;
}

/** The document of a journey at `version`: the nearest snapshot at or before it, with the commands after it. */
async function documentAt(
  tx: SqlQueryable,
  workspaceId: string,
  id: string,
  version: number,
): Promise<Journey | null> {
  const [snapshot] = await tx.query<{ version: number; document: Journey }>(
    `SELECT version, document FROM journey_snapshots
     WHERE workspace_id = $1 AND journey_id = $2 AND version <= $3 ORDER BY version DESC LIMIT 1`,
    [workspaceId, id, version],
  );
  if (!snapshot) return null;
  if (snapshot.version === version) return snapshot.document;
  const steps = await tx.query<{ version: number; commands: JourneyCommand[] }>(
    `SELECT version, commands FROM journey_versions
     WHERE workspace_id = $1 AND journey_id = $2 AND version > $3 AND version <= $4 ORDER BY version`,
    [workspaceId, id, snapshot.version, version],
  );
  if ((steps.at(-1)?.version ?? snapshot.version) !== version) return null;
  let journey = snapshot.document;
  for (const step of steps)
    for (const command of step.commands) {
      const applied = applyCommand(journey, command);
      if (!applied.ok) return null;
      journey = applied.value.journey;
    }
  return journey;
}

/**
 * Removes the versions of the workspace's journeys made before `before`, but never the current version. The
 * first version kept becomes a snapshot (and the journey's checkpoint, if that was older), so every version
 * left can be opened and the current one is still rebuilt from what is kept. A journey whose history does not
 * replay is left whole rather than guessed at. Returns how many versions went.
 */
export async function purgeHistory(sql: Sql, workspaceId: string, before: string): Promise<number> {
  const candidates = await sql.query<Candidate>(
    `SELECT j.id, least(j.version, max(v.version) + 1) AS keep_from
     FROM journeys j JOIN journey_versions v ON v.workspace_id = j.workspace_id AND v.journey_id = j.id
     WHERE j.workspace_id = $1 AND v.at < $2 AND v.version < j.version
     GROUP BY j.id, j.version ORDER BY j.id`,
    [workspaceId, before],
  );
  let removed = 0;
  for (const { id, keep_from: keepFrom } of candidates) {
    removed += await sql.transaction(async (tx) => {
      const journey = await documentAt(tx, workspaceId, id, keepFrom);
      if (!journey) return 0;
      await tx.query(
        `INSERT INTO journey_snapshots (workspace_id, journey_id, version, document) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT DO NOTHING`,
        [workspaceId, id, keepFrom, json(journey)],
      );
      await tx.query(
        `UPDATE journeys SET document = $4::jsonb, document_version = $3
         WHERE workspace_id = $1 AND id = $2 AND document_version < $3`,
        [workspaceId, id, keepFrom, json(journey)],
      );
      await tx.query(
        'DELETE FROM journey_snapshots WHERE workspace_id = $1 AND journey_id = $2 AND version < $3',
        [workspaceId, id, keepFrom],
      );
      const gone = await tx.query(
        'DELETE FROM journey_versions WHERE workspace_id = $1 AND journey_id = $2 AND version < $3 RETURNING 1',
        [workspaceId, id, keepFrom],
      );
      return gone.length;
    });
  }
  return removed;
}
