import type { Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';

/** What lists show of an imported event log. */
export interface DatasetSummary {
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly format: 'csv' | 'xes' | 'parquet';
  readonly sizeBytes: number;
  readonly createdAt: Instant;
  readonly createdBy: UserRef | null;
  readonly cases: number;
  readonly events: number;
  readonly rejectedRows: number;
  /** The uploaded file is kept (only when the user asked). */
  readonly hasRaw: boolean;
  readonly journeyId: string | null;
  readonly attachedAt: Instant | null;
}

/** One dataset whole, but for the kept events and the raw file (read apart: they can be large). */
export interface StoredDataset extends DatasetSummary {
  /** Opaque to the store: the column mapping and import options the API chose. */
  readonly mapping: unknown;
  readonly options: unknown;
  readonly rejections: unknown;
  /** The analysis of the whole log, as JSON. */
  readonly result: unknown;
  /** The activity → step mapping of the attachment, as the API wrote it. */
  readonly attachment: unknown;
  readonly attachedBy: UserRef | null;
}

export interface NewDataset {
  readonly workspaceId: WorkspaceId;
  readonly id: string;
  readonly name: string;
  readonly fileName: string;
  readonly format: DatasetSummary['format'];
  readonly sizeBytes: number;
  readonly mapping: unknown;
  readonly options: unknown;
  readonly cases: number;
  readonly events: number;
  readonly rejectedRows: number;
  readonly rejections: unknown;
  readonly result: unknown;
  /** The kept events (pseudonymised), encoded by @waymark/analytics. */
  readonly eventsBlob: Uint8Array;
  /** The uploaded file, only when the user asked to keep it. */
  readonly raw?: Uint8Array;
  readonly by: UserId | null;
  readonly at: Instant;
}

export interface DatasetStoreError {
  readonly code: 'dataset_exists' | 'workspace_not_found';
  readonly message: string;
}

export interface Attachment {
  readonly journeyId: string;
  readonly attachment: unknown;
  readonly by: UserId | null;
  readonly at: Instant;
}

/** Event logs of a workspace (issue 5 §4–5). Everything is scoped by workspace: another's id finds nothing. */
export interface DatasetStore {
  createDataset(input: NewDataset): Promise<Result<DatasetSummary, DatasetStoreError>>;
  /** Newest first. */
  listDatasets(workspaceId: WorkspaceId): Promise<DatasetSummary[]>;
  getDataset(workspaceId: WorkspaceId, id: string): Promise<StoredDataset | null>;
  getEvents(workspaceId: WorkspaceId, id: string): Promise<Uint8Array | null>;
  getRaw(workspaceId: WorkspaceId, id: string): Promise<{ bytes: Uint8Array; fileName: string } | null>;
  /** Forgets the kept upload; false when there was none. */
  deleteRaw(workspaceId: WorkspaceId, id: string): Promise<boolean>;
  deleteDataset(workspaceId: WorkspaceId, id: string): Promise<boolean>;
  /** Attaches to a journey (or detaches with null); null when there is no such dataset. */
  setAttachment(workspaceId: WorkspaceId, id: string, to: Attachment | null): Promise<StoredDataset | null>;
  listAttachedTo(workspaceId: WorkspaceId, journeyId: string): Promise<DatasetSummary[]>;
}
