import type { JourneyId, Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';

/** What a journey's improvement work is kept as, one JSON document each (issue 6). */
export const artifactKinds = ['business-case', 'indicators', 'sampling-study'] as const;
export type ArtifactKind = (typeof artifactKinds)[number];
export const isArtifactKind = (value: string): value is ArtifactKind =>
  (artifactKinds as readonly string[]).includes(value);

export interface StoredArtifact {
  readonly journeyId: JourneyId;
  readonly kind: ArtifactKind;
  readonly id: string;
  /** Opaque to the store: the API checks it against the kind's schema before it is written. */
  readonly data: unknown;
  readonly version: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly updatedBy: UserRef | null;
}

export interface ArtifactKey {
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly kind: ArtifactKind;
  readonly id: string;
}

export interface ArtifactWrite extends ArtifactKey {
  readonly data: unknown;
  /** 0 creates the artefact; otherwise the version the change was made from. */
  readonly baseVersion: number;
  readonly by: UserId | null;
  readonly at: Instant;
}

export type ImprovementStoreErrorCode = 'journey_not_found' | 'artifact_not_found' | 'version_conflict';

export interface ImprovementStoreError {
  readonly code: ImprovementStoreErrorCode;
  readonly message: string;
  /** With version_conflict: the artefact as it now is. */
  readonly current?: StoredArtifact;
}

/**
 * Business cases, indicators and sampling studies hanging off a (live) journey. A write names the version it
 * was made from and is refused with `version_conflict` when that is not the current one; artefacts go with
 * their journey when it is purged.
 */
export interface ImprovementStore {
  listArtifacts(
    workspaceId: WorkspaceId,
    journeyId: JourneyId,
    kind?: ArtifactKind,
  ): Promise<StoredArtifact[]>;
  getArtifact(key: ArtifactKey): Promise<StoredArtifact | null>;
  putArtifact(input: ArtifactWrite): Promise<Result<StoredArtifact, ImprovementStoreError>>;
  /** Removes it if `baseVersion` is still current. */
  deleteArtifact(
    key: ArtifactKey & { readonly baseVersion: number },
  ): Promise<Result<void, ImprovementStoreError>>;
}
