import type { Result } from '@waymark/core';
import type { Instant, UserId, WorkspaceId } from './records';

/** A workspace's cost model as stored (migration 019); its lines are checked by @waymark/measure first. */
export interface StoredCostModel {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly name: string;
  readonly priceYear: string;
  readonly lines: readonly unknown[];
  readonly updatedAt: Instant;
  readonly updatedBy: UserId | null;
}

/** The model a workspace uses unless told otherwise, and the prices it shows them in (null: the model's own). */
export interface CostDefault {
  readonly modelId: string;
  readonly priceYear: string | null;
}

export interface StoredDeflator {
  readonly series: unknown;
  readonly loadedAt: Instant;
  readonly loadedBy: UserId | null;
}

export interface CostModelStoreError {
  readonly code: 'workspace_not_found';
  readonly message: string;
}

/** Cost models per workspace (issue 13 item 2) and the instance's loaded GDP deflator. */
export interface CostModelStore {
  /** The workspace's own models, by name. */
  listCostModels(workspaceId: WorkspaceId): Promise<StoredCostModel[]>;
  getCostModel(workspaceId: WorkspaceId, id: string): Promise<StoredCostModel | null>;
  /** Creates or replaces the model `id`. */
  putCostModel(input: {
    readonly workspaceId: WorkspaceId;
    readonly id: string;
    readonly name: string;
    readonly priceYear: string;
    readonly lines: readonly unknown[];
    readonly by: UserId | null;
    readonly at: Instant;
  }): Promise<Result<StoredCostModel, CostModelStoreError>>;
  /** Removes the model; a default that named it goes too. False when there was none. */
  deleteCostModel(workspaceId: WorkspaceId, id: string): Promise<boolean>;
  getCostDefault(workspaceId: WorkspaceId): Promise<CostDefault | null>;
  /** Sets the default; null goes back to Waymark's (Socitm 2011). */
  setCostDefault(
    workspaceId: WorkspaceId,
    choice: CostDefault | null,
    by: UserId | null,
    at: Instant,
  ): Promise<void>;
  getDeflator(): Promise<StoredDeflator | null>;
  /** Replaces the loaded series; null goes back to the one Waymark ships. */
  setDeflator(series: unknown, by: UserId | null, at: Instant): Promise<void>;
}
