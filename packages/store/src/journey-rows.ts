import { applyCommand, type Journey, type JourneyCommand, type JourneyId } from '@waymark/core';
import type { StoredJourney } from './records';
import { iso, isoOrNull } from './rows';
import type { SqlQueryable } from './sql';

/** A journey's document is written whole every this many versions (and at creation, restore and import). */
export const CHECKPOINT_EVERY = 20;

export interface JourneyRow {
  id: string;
  version: number;
  document: Journey;
  /** The version `document` holds; commands after it are replayed on read. */
  document_version: number;
  updated_at: unknown;
  deleted_at: unknown;
}

export const journeyColumns = 'id, version, document, document_version, updated_at, deleted_at';

export const toStored = (row: Omit<JourneyRow, 'document_version'>): StoredJourney => ({
  id: row.id as JourneyId,
  version: row.version,
  journey: row.document,
  updatedAt: iso(row.updated_at),
  deletedAt: isoOrNull(row.deleted_at),
});

/**
 * The journey at its current version: the checkpoint document, with the commands stored since replayed by
 * @waymark/core's reducer (the same one that made them, so the result is the document that was acknowledged).
 */
export async function materialise(
  sql: SqlQueryable,
  workspaceId: string,
  row: JourneyRow,
): Promise<StoredJourney> {
  if (row.document_version === row.version) return toStored(row);
  const steps = await sql.query<{ version: number; commands: JourneyCommand[] }>(
    `SELECT version, commands FROM journey_versions
     WHERE workspace_id = $1 AND journey_id = $2 AND version > $3 AND version <= $4 ORDER BY version`,
    [workspaceId, row.id, row.document_version, row.version],
  );
  let journey = row.document;
  for (const step of steps) {
    for (const command of step.commands) {
      const applied = applyCommand(journey, command);
      if (!applied.ok) {
        throw new Error(
          `journey ${row.id}: version ${step.version} does not replay: ${applied.error.message}`,
        );
      }
      journey = applied.value.journey;
    }
  }
  return toStored({ ...row, document: journey });
}
