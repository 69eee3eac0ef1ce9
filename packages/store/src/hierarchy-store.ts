import { err, ok, type JourneyId, type Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';
import { iso, toUserRef } from './rows';
import { linkHistoryOf, recordLinkChange, type LinkChange, type LinkChangeBy } from './link-history';
import type { Sql, SqlQueryable } from './sql';

/** A step of a "whole problem" journey that opens the service journey beneath it (migration 022). */
export interface ChildLink {
  readonly parentJourneyId: JourneyId;
  readonly parentStepId: string;
  readonly childJourneyId: JourneyId;
  readonly createdAt: Instant;
  readonly createdBy: UserRef | null;
}

/** This step of one journey hands over to that step of another; seen from both journeys. */
export interface StepLink {
  readonly id: string;
  readonly fromJourneyId: JourneyId;
  readonly fromStepId: string;
  readonly toJourneyId: JourneyId;
  readonly toStepId: string;
  readonly label: string | null;
  readonly createdAt: Instant;
  readonly createdBy: UserRef | null;
}

export type HierarchyStoreErrorCode =
  | 'journey_not_found'
  | 'step_not_found'
  | 'same_journey'
  | 'already_has_parent'
  | 'step_has_child'
  | 'hierarchy_cycle'
  | 'link_exists'
  | 'link_not_found';

export interface HierarchyStoreError {
  readonly code: HierarchyStoreErrorCode;
  readonly message: string;
  /** Which field of the request it is about. */
  readonly field: string;
}

export interface ChildWrite {
  readonly workspaceId: WorkspaceId;
  readonly parentJourneyId: JourneyId;
  readonly parentStepId: string;
  readonly childJourneyId: JourneyId;
  readonly by: UserId | null;
  readonly at: Instant;
}

export interface StepLinkWrite {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly fromJourneyId: JourneyId;
  readonly fromStepId: string;
  readonly toJourneyId: JourneyId;
  readonly toStepId: string;
  readonly label: string | null;
  readonly by: UserId | null;
  readonly at: Instant;
}

/**
 * Journeys within journeys (issue 14, item 1; decision 0034): which step opens which child journey (a journey has
 * at most one parent, and no journey is its own ancestor) and steps linked across journeys. Only journeys of the
 * same workspace that are not in the bin can be linked, and lists leave out journeys in the bin.
 */
export interface HierarchyStore {
  listChildren(workspaceId: WorkspaceId): Promise<ChildLink[]>;
  setChild(input: ChildWrite): Promise<Result<ChildLink, HierarchyStoreError>>;
  /** Takes the child from its parent's step; with `change`, the journeys' link history records who and when. */
  removeChild(
    workspaceId: WorkspaceId,
    childJourneyId: JourneyId,
    change?: LinkChangeBy,
  ): Promise<Result<void, HierarchyStoreError>>;
  /** Every step link in the workspace, or those with `journeyId` at either end. */
  listStepLinks(workspaceId: WorkspaceId, journeyId?: JourneyId): Promise<StepLink[]>;
  addStepLink(input: StepLinkWrite): Promise<Result<StepLink, HierarchyStoreError>>;
  removeStepLink(
    workspaceId: WorkspaceId,
    id: string,
    change?: LinkChangeBy,
  ): Promise<Result<void, HierarchyStoreError>>;
  /**
   * Every link of the journey added or removed (step links, child links, opportunity links), oldest first:
   * links make no journey version, so this is their history (migration 026).
   */
  linkHistory(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<LinkChange[]>;
}

interface ChildRow {
  parent_journey_id: string;
  parent_step_id: string;
  child_journey_id: string;
  created_at: unknown;
  created_by: string | null;
  by_name: string | null;
}
interface StepLinkRow {
  id: string;
  from_journey_id: string;
  from_step_id: string;
  to_journey_id: string;
  to_step_id: string;
  label: string | null;
  created_at: unknown;
  created_by: string | null;
  by_name: string | null;
}

const toChild = (r: ChildRow): ChildLink => ({
  parentJourneyId: r.parent_journey_id as JourneyId,
  parentStepId: r.parent_step_id,
  childJourneyId: r.child_journey_id as JourneyId,
  createdAt: iso(r.created_at),
  createdBy: toUserRef(r.created_by, r.by_name),
});
const toStepLink = (r: StepLinkRow): StepLink => ({
  id: r.id,
  fromJourneyId: r.from_journey_id as JourneyId,
  fromStepId: r.from_step_id,
  toJourneyId: r.to_journey_id as JourneyId,
  toStepId: r.to_step_id,
  label: r.label,
  createdAt: iso(r.created_at),
  createdBy: toUserRef(r.created_by, r.by_name),
});

const stepLinkDetail = (r: StepLinkRow) => ({
  id: r.id,
  fromJourneyId: r.from_journey_id,
  fromStepId: r.from_step_id,
  toJourneyId: r.to_journey_id,
  toStepId: r.to_step_id,
  label: r.label,
});

const withName = (statement: string) =>
  `WITH a AS (${statement}) SELECT a.*, u.name AS by_name FROM a LEFT JOIN users u ON u.id = a.created_by`;
const live = (alias: string, journeyColumn: string) =>
  `EXISTS (SELECT 1 FROM journeys j WHERE j.workspace_id = ${alias}.workspace_id AND j.id = ${alias}.${journeyColumn} AND j.deleted_at IS NULL)`;

const refuse = (code: HierarchyStoreErrorCode, field: string, message: string) =>
  err<HierarchyStoreError>({ code, field, message });

/** Is `journeyId` a live journey of the workspace, and (with `stepId`) one of its steps? */
async function checkStep(
  tx: SqlQueryable,
  workspaceId: WorkspaceId,
  journeyId: string,
  stepId: string | null,
  journeyField: string,
  stepField: string,
): Promise<HierarchyStoreError | null> {
  const [row] = await tx.query<{ has_step: boolean }>(
    `SELECT ($3::text IS NULL OR document->'columns' @> jsonb_build_array(jsonb_build_object('id', $3::text))) AS has_step
     FROM journeys WHERE workspace_id = $1 AND id = $2 AND deleted_at IS NULL`,
    [workspaceId, journeyId, stepId],
  );
  if (!row)
    return {
      code: 'journey_not_found',
      field: journeyField,
      message: `${journeyField}: no journey "${journeyId}" in this workspace`,
    };
  if (!row.has_step)
    return {
      code: 'step_not_found',
      field: stepField,
      message: `${stepField}: journey "${journeyId}" has no step "${stepId}"`,
    };
  return null;
}

/** One writer of the hierarchy at a time per workspace, so two links made at once cannot close a cycle. */
const lockWorkspace = (tx: SqlQueryable, workspaceId: WorkspaceId) =>
  tx.query(`SELECT pg_advisory_xact_lock(hashtext('journey_children:' || $1))`, [workspaceId]);

export function createSqlHierarchyStore(sql: Sql): HierarchyStore {
  return {
    async listChildren(workspaceId) {
      const rows = await sql.query<ChildRow>(
        withName(
          `SELECT * FROM journey_children c WHERE c.workspace_id = $1
           AND ${live('c', 'parent_journey_id')} AND ${live('c', 'child_journey_id')}`,
        ) + ' ORDER BY a.parent_journey_id, a.child_journey_id',
        [workspaceId],
      );
      return rows.map(toChild);
    },
    setChild(input) {
      return sql.transaction(async (tx) => {
        const { workspaceId: ws, parentJourneyId: parent, childJourneyId: child } = input;
        if (parent === child)
          return refuse(
            'same_journey',
            'childJourneyId',
            'childJourneyId: a journey cannot be its own child',
          );
        const problem =
          (await checkStep(tx, ws, parent, input.parentStepId, 'parentJourneyId', 'stepId')) ??
          (await checkStep(tx, ws, child, null, 'childJourneyId', 'childJourneyId'));
        if (problem) return err(problem);
        await lockWorkspace(tx, ws);
        const [had] = await tx.query<{ parent_journey_id: string; parent_step_id: string }>(
          'SELECT parent_journey_id, parent_step_id FROM journey_children WHERE workspace_id = $1 AND child_journey_id = $2',
          [ws, child],
        );
        if (had && !(had.parent_journey_id === parent && had.parent_step_id === input.parentStepId))
          return refuse(
            'already_has_parent',
            'childJourneyId',
            `childJourneyId: journey "${child}" already opens from step "${had.parent_step_id}" of journey "${had.parent_journey_id}"; a journey has one parent, so take it from there first`,
          );
        const [taken] = await tx.query<{ child_journey_id: string }>(
          'SELECT child_journey_id FROM journey_children WHERE workspace_id = $1 AND parent_journey_id = $2 AND parent_step_id = $3',
          [ws, parent, input.parentStepId],
        );
        if (taken && taken.child_journey_id !== child)
          return refuse(
            'step_has_child',
            'stepId',
            `stepId: step "${input.parentStepId}" already opens journey "${taken.child_journey_id}"; take that off first`,
          );
        const ancestors = await tx.query<{ id: string }>(
          `WITH RECURSIVE up(id) AS (
             SELECT $2::text
             UNION
             SELECT c.parent_journey_id FROM journey_children c JOIN up ON c.child_journey_id = up.id AND c.workspace_id = $1
           ) SELECT id FROM up`,
          [ws, parent],
        );
        if (ancestors.some((a) => a.id === child))
          return refuse(
            'hierarchy_cycle',
            'childJourneyId',
            `childJourneyId: journey "${child}" is above journey "${parent}" already; it cannot also be beneath it`,
          );
        if (!had)
          await recordLinkChange(tx, {
            workspaceId: ws,
            journeyIds: [parent, child],
            change: input,
            action: 'added',
            link: 'child',
            detail: { parentJourneyId: parent, parentStepId: input.parentStepId, childJourneyId: child },
          });
        const rows = await tx.query<ChildRow>(
          withName(
            `INSERT INTO journey_children (workspace_id, child_journey_id, parent_journey_id, parent_step_id, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (workspace_id, child_journey_id) DO UPDATE SET created_at = journey_children.created_at
             RETURNING *`,
          ),
          [ws, child, parent, input.parentStepId, input.at, input.by],
        );
        return ok(toChild(rows[0]!));
      });
    },
    removeChild(workspaceId, childJourneyId, change) {
      return sql.transaction(async (tx) => {
        const [gone] = await tx.query<{ parent_journey_id: string; parent_step_id: string }>(
          'DELETE FROM journey_children WHERE workspace_id = $1 AND child_journey_id = $2 RETURNING parent_journey_id, parent_step_id',
          [workspaceId, childJourneyId],
        );
        if (!gone)
          return refuse('link_not_found', 'childJourneyId', `journey "${childJourneyId}" opens from no step`);
        if (change)
          await recordLinkChange(tx, {
            workspaceId,
            journeyIds: [gone.parent_journey_id, childJourneyId],
            change,
            action: 'removed',
            link: 'child',
            detail: {
              parentJourneyId: gone.parent_journey_id,
              parentStepId: gone.parent_step_id,
              childJourneyId,
            },
          });
        return ok(undefined);
      });
    },
    async listStepLinks(workspaceId, journeyId) {
      const rows = await sql.query<StepLinkRow>(
        withName(
          `SELECT * FROM journey_step_links l WHERE l.workspace_id = $1
           AND ($2::text IS NULL OR l.from_journey_id = $2 OR l.to_journey_id = $2)
           AND ${live('l', 'from_journey_id')} AND ${live('l', 'to_journey_id')}`,
        ) + ' ORDER BY a.created_at, a.id',
        [workspaceId, journeyId ?? null],
      );
      return rows.map(toStepLink);
    },
    addStepLink(input) {
      return sql.transaction(async (tx) => {
        const ws = input.workspaceId;
        if (input.fromJourneyId === input.toJourneyId)
          return refuse(
            'same_journey',
            'toJourneyId',
            'toJourneyId: link to a step of another journey (a link within a map is drawn on the map)',
          );
        const problem =
          (await checkStep(tx, ws, input.fromJourneyId, input.fromStepId, 'fromJourneyId', 'fromStepId')) ??
          (await checkStep(tx, ws, input.toJourneyId, input.toStepId, 'toJourneyId', 'toStepId'));
        if (problem) return err(problem);
        const rows = await tx.query<StepLinkRow>(
          withName(
            `INSERT INTO journey_step_links (workspace_id, id, from_journey_id, from_step_id, to_journey_id, to_step_id, label, created_at, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING *`,
          ),
          [
            ws,
            input.id,
            input.fromJourneyId,
            input.fromStepId,
            input.toJourneyId,
            input.toStepId,
            input.label,
            input.at,
            input.by,
          ],
        );
        if (!rows[0])
          return refuse(
            'link_exists',
            'toStepId',
            `toStepId: step "${input.fromStepId}" already hands over to step "${input.toStepId}" of journey "${input.toJourneyId}"`,
          );
        await recordLinkChange(tx, {
          workspaceId: ws,
          journeyIds: [input.fromJourneyId, input.toJourneyId],
          change: input,
          action: 'added',
          link: 'step-link',
          detail: stepLinkDetail(rows[0]),
        });
        return ok(toStepLink(rows[0]));
      });
    },
    removeStepLink(workspaceId, id, change) {
      return sql.transaction(async (tx) => {
        const [gone] = await tx.query<StepLinkRow>(
          'DELETE FROM journey_step_links WHERE workspace_id = $1 AND id = $2 RETURNING *',
          [workspaceId, id],
        );
        if (!gone) return refuse('link_not_found', 'linkId', `no step link "${id}"`);
        if (change)
          await recordLinkChange(tx, {
            workspaceId,
            journeyIds: [gone.from_journey_id, gone.to_journey_id],
            change,
            action: 'removed',
            link: 'step-link',
            detail: stepLinkDetail(gone),
          });
        return ok(undefined);
      });
    },
    linkHistory(workspaceId, journeyId) {
      return linkHistoryOf(sql, workspaceId, journeyId);
    },
  };
}
