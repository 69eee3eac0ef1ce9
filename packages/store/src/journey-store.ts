import type { Journey, JourneyCommand, JourneyId, Result } from '@waymark/core';
import type {
  Comment,
  CommentId,
  Instant,
  JourneySummary,
  JourneyVersion,
  ShareId,
  ShareLink,
  StoreError,
  StoredJourney,
  UserId,
  VersionKind,
  WorkspaceId,
} from './records';
import type { ThingToLookAt } from './comment-threads';

export interface JourneyFilter {
  /** Words looked for in the title and anywhere in the document, case-insensitively. */
  readonly q?: string;
  readonly type?: string;
  readonly status?: string;
  readonly owner?: string;
  /** true: only deleted journeys (the bin); otherwise only live ones. */
  readonly deleted?: boolean;
}

/** A past version rebuilt from the nearest snapshot at or before it and the commands after that. */
export interface VersionTrail {
  readonly snapshot: { readonly version: number; readonly journey: Journey };
  readonly after: ReadonlyArray<{ readonly version: number; readonly commands: readonly JourneyCommand[] }>;
}

export interface NewVersion {
  readonly workspaceId: WorkspaceId;
  readonly journey: Journey;
  readonly kind: VersionKind;
  readonly commands: readonly JourneyCommand[];
  readonly detail?: Record<string, unknown>;
  readonly by: UserId | null;
  readonly at: Instant;
}

/**
 * Journeys and everything hanging off them. Every change is kept as a version (who, when, which commands);
 * a write names the version it was made from and is refused with `version_conflict` when that is not the
 * current one, so nothing is silently overwritten.
 */
export interface JourneyStore {
  listJourneys(workspaceId: WorkspaceId, filter?: JourneyFilter): Promise<JourneySummary[]>;
  /** A live journey, or with `includeDeleted` one in the bin too. */
  getJourney(
    workspaceId: WorkspaceId,
    id: JourneyId,
    options?: { includeDeleted?: boolean },
  ): Promise<StoredJourney | null>;
  /** Version 1 of a new journey; `journey_exists` if the id is taken in the workspace (even by a deleted one). */
  createJourney(input: NewVersion): Promise<Result<StoredJourney, StoreError>>;
  /** The next version, only if `baseVersion` is still the current one. */
  appendVersion(
    input: NewVersion & { readonly baseVersion: number },
  ): Promise<Result<StoredJourney, StoreError>>;
  /** The versions in order; with `after`, only the later ones (at most `limit`), e.g. for a live client. */
  history(
    workspaceId: WorkspaceId,
    id: JourneyId,
    range?: { readonly after?: number; readonly limit?: number },
  ): Promise<JourneyVersion[]>;
  versionTrail(workspaceId: WorkspaceId, id: JourneyId, version: number): Promise<VersionTrail | null>;
  softDelete(workspaceId: WorkspaceId, id: JourneyId, at: Instant): Promise<Result<void, StoreError>>;
  /** Brings a journey back from the bin if it was deleted after `deletedSince`. */
  undelete(
    workspaceId: WorkspaceId,
    id: JourneyId,
    deletedSince: Instant,
  ): Promise<Result<StoredJourney, StoreError>>;
  /** Removes for good the journeys deleted before `before`; returns how many. */
  purgeDeleted(before: Instant): Promise<number>;

  addComment(input: {
    id: CommentId;
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    target: { columnId?: string; cardId?: string };
    body: string;
    authorId: UserId;
    at: Instant;
    /** Members the comment mentions (the caller checks they may read the journey). */
    mentions?: readonly UserId[];
  }): Promise<Comment>;
  /**
   * A reply in the thread of `parentId` (a reply to a reply joins the same thread), on the thread's target;
   * `comment_not_found` when there is no such comment on this journey. The author has then seen the thread.
   */
  addReply(input: {
    id: CommentId;
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    parentId: CommentId;
    body: string;
    authorId: UserId;
    at: Instant;
    mentions?: readonly UserId[];
  }): Promise<Result<Comment, StoreError>>;
  /** Every comment of a journey, threads' first comments and replies alike, oldest first. */
  listComments(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<Comment[]>;
  /** Resolves or reopens the thread `id` belongs to (its first comment holds the state), which it returns. */
  resolveComment(input: {
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    id: CommentId;
    resolved: boolean;
    by: UserId;
    at: Instant;
  }): Promise<Result<Comment, StoreError>>;
  /** Records that `userId` has seen the thread `threadId` up to `at`; `comment_not_found` if it is not here. */
  markThreadSeen(input: {
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    threadId: CommentId;
    userId: UserId;
    at: Instant;
  }): Promise<Result<void, StoreError>>;
  /** The threads of live journeys in the workspace that mention `userId` or answer them, unread first. */
  thingsToLookAt(workspaceId: WorkspaceId, userId: UserId, limit?: number): Promise<ThingToLookAt[]>;

  createShare(
    input: Omit<ShareLink, 'revokedAt'> & { workspaceId: WorkspaceId; tokenHash: string },
  ): Promise<ShareLink>;
  listShares(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<ShareLink[]>;
  revokeShare(
    workspaceId: WorkspaceId,
    journeyId: JourneyId,
    id: ShareId,
    at: Instant,
  ): Promise<Result<ShareLink, StoreError>>;
  /** The journey a live (unexpired, unrevoked) share token opens, or null. */
  /** The journey a live share link opens, with its workspace (for the figures shown beside it, such as surveys). */
  findSharedJourney(
    tokenHash: string,
    now: Instant,
  ): Promise<(StoredJourney & { readonly workspaceId: WorkspaceId }) | null>;
}
