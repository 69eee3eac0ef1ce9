import type { Journey } from '@waymark/core';
import type { NewVersion } from './journey-store';
import { CHECKPOINT_EVERY, type JourneyRow } from './journey-rows';
import type { VersionKind } from './records';
import { json } from './rows';
import type { Sql, SqlQueryable } from './sql';

/** A whole document is kept at creation, restore, and every this many versions. */
export const SNAPSHOT_EVERY = 50;

/** Kinds of version whose whole document is kept as a snapshot for restores. */
export const snapshotKinds: readonly VersionKind[] = ['create', 'import', 'duplicate', 'restore'];

/** The fields lists filter on, copied out of the document on every write. */
export const listed = (j: Journey) => [
  j.meta.title,
  j.meta.journeyType,
  j.meta.status,
  j.meta.owner ?? null,
  j.meta.segment ?? null,
  j.meta.reviewDate ?? null,
];

export type AppendInput = NewVersion & { readonly baseVersion: number };
export type AppendedRow = Omit<JourneyRow, 'document' | 'document_version'>;

/** One append as a row of the statement's JSON parameter. */
function appendRow(input: AppendInput, i: number) {
  const version = input.baseVersion + 1;
  // Commands alone between checkpoints: the write stays small however large the journey is.
  const checkpoint = input.kind !== 'commands' || version % CHECKPOINT_EVERY === 0;
  const snapshot = snapshotKinds.includes(input.kind) || version % SNAPSHOT_EVERY === 0;
  const [title, journeyType, status, owner, segment, reviewDate] = listed(input.journey);
  return {
    i,
    ws: input.workspaceId,
    id: input.journey.id,
    base: input.baseVersion,
    title,
    journey_type: journeyType,
    status,
    owner,
    segment,
    review_date: reviewDate,
    at: input.at,
    by_user: input.by,
    kind: input.kind,
    commands: input.commands,
    detail: input.detail ?? null,
    doc: checkpoint || snapshot ? input.journey : null,
    checkpoint,
    snapshot,
  };
}

/**
 * Appends versions to many journeys in one statement, atomic on its own: one parse, one plan and one commit
 * however many appends are grouped. Each update is version-checked: a stale baseVersion matches no row, and
 * then nothing at all is written for that append (it gets no row back). Two appends on the same base in one
 * group update the row once: one wins, the other gets no row, as if it had come second.
 */
export async function appendStatement(
  q: SqlQueryable,
  inputs: readonly AppendInput[],
): Promise<(AppendedRow | undefined)[]> {
  const rows = await q.query<AppendedRow & { i: number }>(
    `WITH x AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
         i integer, ws text, id text, base integer, title text, journey_type text, status text, owner text,
         segment text, review_date text, at timestamptz, by_user text, kind text, commands jsonb, detail jsonb,
         doc jsonb, checkpoint boolean, snapshot boolean)
     ), u AS (
       UPDATE journeys j SET version = j.version + 1, title = x.title, journey_type = x.journey_type,
              status = x.status, owner = x.owner, segment = x.segment, review_date = x.review_date,
              updated_at = x.at, updated_by = x.by_user,
              document = CASE WHEN x.checkpoint THEN x.doc ELSE j.document END,
              document_version = CASE WHEN x.checkpoint THEN j.version + 1 ELSE j.document_version END
       FROM x
       WHERE j.workspace_id = x.ws AND j.id = x.id AND j.version = x.base AND j.deleted_at IS NULL
       RETURNING x.i, x.ws, j.id, j.version, j.updated_at, j.deleted_at, x.kind, x.commands, x.detail,
                 x.by_user, x.at, x.doc, x.snapshot
     ), v AS (
       INSERT INTO journey_versions (workspace_id, journey_id, version, kind, commands, detail, by_user, at)
       SELECT ws, id, version, kind, commands, detail, by_user, at FROM u
     ), s AS (
       INSERT INTO journey_snapshots (workspace_id, journey_id, version, document)
       SELECT ws, id, version, doc FROM u WHERE snapshot
     )
     SELECT i, id, version, updated_at, deleted_at FROM u`,
    [json(inputs.map(appendRow))],
  );
  const out: (AppendedRow | undefined)[] = inputs.map(() => undefined);
  for (const { i, ...row } of rows) out[i] = row;
  return out;
}

interface Pending {
  readonly input: AppendInput;
  resolve(row: AppendedRow | undefined): void;
  reject(error: unknown): void;
}

/**
 * Group commit: appends that arrive while a commit is being written wait and are then written together by one
 * statement, so many writers share one statement and one flush to disk. Each is acknowledged only after that
 * commit. If a group fails, its appends are retried one by one, so one bad write cannot fail the others.
 */
export function createAppendBatcher(sql: Sql, maxBatch = 64) {
  const queue: Pending[] = [];
  let running = false;
  let scheduled = false;
  const one = (item: Pending) =>
    appendStatement(sql, [item.input]).then(([row]) => item.resolve(row), item.reject);
  async function pump() {
    if (running) return;
    running = true;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, maxBatch);
        if (batch.length < maxBatch) await new Promise((resolve) => setImmediate(resolve));
        batch.push(...queue.splice(0, maxBatch - batch.length));
        if (batch.length === 1) {
          await one(batch[0]!);
          continue;
        }
        let rows: (AppendedRow | undefined)[];
        try {
          rows = await appendStatement(
            sql,
            batch.map((item) => item.input),
          );
        } catch {
          for (const item of batch) await one(item);
          continue;
        }
        batch.forEach((item, i) => item.resolve(rows[i]));
      }
    } finally {
      running = false;
    }
  }
  return (input: AppendInput) =>
    new Promise<AppendedRow | undefined>((resolve, reject) => {
      queue.push({ input, resolve, reject });
      // Start after the requests already read from the network have queued their appends too: PGlite runs
      // a statement synchronously, so starting at once would write each request's append on its own.
      if (!scheduled && !running) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          void pump();
        });
      }
    });
}
