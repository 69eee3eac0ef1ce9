import type { Result } from '@waymark/core';
import type { Instant, UserId, WorkspaceId } from './records';

/**
 * What a workspace keeps for a set time (issue 12 item 4): journeys in the bin, imported datasets, kept raw
 * uploads, audit entries and the history of journeys (their past versions).
 */
export const retentionPeriods = ['deletedJourneys', 'datasets', 'rawUploads', 'audit', 'history'] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];

/** Each period in whole days (migration 017 holds every one between 1 and 3650). */
export type RetentionDays = Readonly<Record<RetentionPeriod, number>>;

/** A workspace's periods as its owner last set them. */
export interface StoredRetention {
  readonly workspaceId: WorkspaceId;
  readonly days: RetentionDays;
  readonly updatedAt: Instant;
  readonly updatedBy: UserId | null;
}

/** For each period, the moment before which things go: `now` less the period. */
export type RetentionCutoffs = Readonly<Record<RetentionPeriod, Instant>>;

/** How much one purge removed from one workspace. */
export interface PurgeCounts {
  /** Journeys removed from the bin, with everything hanging off them. */
  readonly deletedJourneys: number;
  readonly datasets: number;
  /** Raw uploads forgotten (their datasets stay). */
  readonly rawUploads: number;
  readonly auditEntries: number;
  /** Past versions of journeys removed (never a current one). */
  readonly versions: number;
}

/** What a workspace's deletion removed: nothing of it is left. */
export interface WorkspaceDeletion {
  readonly journeys: number;
  readonly datasets: number;
  readonly members: number;
  readonly auditEntries: number;
  /** Guests' accounts made by the workspace's workshop links. */
  readonly guests: number;
}

export interface RetentionStoreError {
  readonly code: 'workspace_not_found';
  readonly message: string;
}

/** Retention settings, the purge that applies them, and the deletion of a whole workspace. */
export interface RetentionStore {
  /** The periods the owner set, or null while the workspace keeps the defaults. */
  getRetention(workspaceId: WorkspaceId): Promise<StoredRetention | null>;
  setRetention(input: {
    readonly workspaceId: WorkspaceId;
    readonly days: RetentionDays;
    readonly by: UserId | null;
    readonly at: Instant;
  }): Promise<Result<StoredRetention, RetentionStoreError>>;
  /** Every workspace, with the periods its owner set (null: the defaults), in id order. */
  listRetention(): Promise<Array<{ readonly workspaceId: WorkspaceId; readonly days: RetentionDays | null }>>;
  /**
   * Removes from the workspace what is older than each cut-off. History keeps every version from the last
   * one before its cut-off onward whole: the first kept version becomes a snapshot (its document rebuilt
   * from the nearest older snapshot), so every kept version can still be opened, and the current version
   * is never removed.
   */
  purgeWorkspace(workspaceId: WorkspaceId, cutoffs: RetentionCutoffs): Promise<PurgeCounts>;
  /**
   * Deletes the workspace and every row that belongs to it (journeys, history, comments, links, datasets,
   * members, tokens, audit entries, settings, guests' accounts), in one transaction; null if there is none.
   * People's own accounts stay: they may belong to other workspaces.
   */
  deleteWorkspace(workspaceId: WorkspaceId): Promise<WorkspaceDeletion | null>;
}
