import type { Journey, JourneyCommand, JourneyId } from '@waymark/core';

type Brand<T, B extends string> = T & { readonly __brand: B };
export type UserId = Brand<string, 'UserId'>;
export type WorkspaceId = Brand<string, 'WorkspaceId'>;
export type TokenId = Brand<string, 'TokenId'>;
export type CommentId = Brand<string, 'CommentId'>;
export type ShareId = Brand<string, 'ShareId'>;

/** Highest first: each role can do everything the ones after it can. */
export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof roles)[number];
export const hasRole = (held: Role, needed: Role): boolean => roles.indexOf(held) <= roles.indexOf(needed);
/** The lesser of two roles (a token never does more than its creator may). */
export const minRole = (a: Role, b: Role): Role => (hasRole(a, b) ? b : a);

/** Times are ISO 8601 strings in UTC throughout. */
export type Instant = string;

export interface User {
  readonly id: UserId;
  readonly email: string;
  readonly name: string;
  readonly createdAt: Instant;
  /** May create, rename and archive workspaces (migration 014). */
  readonly instanceAdmin: boolean;
  /** Set while the person is suspended: no sign-in, and their sessions and API tokens do not work. */
  readonly suspendedAt: Instant | null;
}
/** The interface languages a person may choose (decision 0017); the column's check holds the same list. */
export const userLocales = ['en', 'cy'] as const;
export type UserLocale = (typeof userLocales)[number];
export interface UserRef {
  readonly id: UserId;
  readonly name: string;
}

/** What sign-in needs: the user, the stored password hash and, for a one-time password, its state. */
export interface PasswordAccount {
  readonly user: User;
  readonly passwordHash: string | null;
  /** Set for a one-time password: it stops working at this time. Null for a password the person chose. */
  readonly oneTimeUntil: Instant | null;
  /** When the one-time password was used to sign in (it works once), or null. */
  readonly oneTimeUsedAt: Instant | null;
  /** When the password was set (by the person, an owner, the operator or a first start), or null without one. */
  readonly passwordSetAt: Instant | null;
}

export interface SessionRecord {
  /** An id the person may see and name to end this session; not the secret token nor its hash. */
  readonly id: string;
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: Instant;
  /** Started with a one-time password: it may do nothing but set a new password. */
  readonly mustChangePassword: boolean;
}
/** One of a person's sessions as they see it on "Your sessions". */
export interface SessionSummary {
  readonly id: string;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  /** The browser that signed in (its User-Agent header), or null. */
  readonly userAgent: string | null;
}

export interface Workspace {
  readonly id: WorkspaceId;
  readonly name: string;
  readonly createdAt: Instant;
  /** Set once archived: hidden from members' lists and read-only (decision 0025). */
  readonly archivedAt: Instant | null;
}
/** A workspace as an instance administrator sees it. */
export interface WorkspaceSummary extends Workspace {
  readonly memberCount: number;
}
export interface WorkspaceOfUser {
  readonly id: WorkspaceId;
  readonly name: string;
  readonly role: Role;
}
export interface Member {
  readonly user: User;
  readonly role: Role;
  readonly since: Instant;
}

/**
 * What an API token may do besides its role: read; write journeys (and their comments, artifacts,
 * attachments); import files and event logs. Never accounts, membership, tokens or share links.
 */
export const tokenScopes = ['read', 'journeys:write', 'import'] as const;
export type TokenScope = (typeof tokenScopes)[number];
/** What a token made without naming scopes gets, and what tokens made before scopes existed got. */
export const defaultTokenScopes: readonly TokenScope[] = ['read', 'journeys:write'];

export interface ApiToken {
  readonly id: TokenId;
  readonly workspaceId: WorkspaceId;
  readonly name: string;
  readonly role: Role;
  /** In the order of `tokenScopes`. */
  readonly scopes: readonly TokenScope[];
  readonly createdBy: UserId;
  readonly createdAt: Instant;
  readonly revokedAt: Instant | null;
  /** The token stops working at this time; null for a token that does not expire. */
  readonly expiresAt: Instant | null;
  /** When it last authenticated a request (to the minute), or null if never. */
  readonly lastUsedAt: Instant | null;
}

export interface AuditEvent {
  readonly seq: number;
  readonly workspaceId: WorkspaceId | null;
  readonly actorId: UserId | null;
  readonly action: string;
  readonly target: string | null;
  readonly detail: Readonly<Record<string, unknown>> | null;
  readonly ip: string | null;
  readonly at: Instant;
}
export type AuditEventInput = Omit<AuditEvent, 'seq'>;
/** An audit entry as listed: with the name of the person who acted, if they still have an account. */
export interface AuditRecord extends AuditEvent {
  readonly actorName: string | null;
}
/** Narrows the audit trail; every part is optional and they combine with AND. */
export interface AuditFilter {
  readonly actorId?: UserId;
  /** Exactly this action ('token.create'), or every action under a prefix ending in '.' ('token.'). */
  readonly action?: string;
  /** Text found anywhere in the target, in any case. */
  readonly target?: string;
  /** From this instant, inclusive. */
  readonly from?: Instant;
  /** Before this instant, exclusive. */
  readonly to?: Instant;
}

export interface JourneySummary {
  readonly id: JourneyId;
  readonly title: string;
  readonly journeyType: string;
  readonly status: string;
  readonly owner: string | null;
  readonly segment: string | null;
  readonly reviewDate: string | null;
  readonly version: number;
  readonly updatedAt: Instant;
  readonly updatedBy: UserRef | null;
  readonly deletedAt: Instant | null;
}

export interface StoredJourney {
  readonly id: JourneyId;
  readonly version: number;
  readonly journey: Journey;
  readonly updatedAt: Instant;
  readonly deletedAt: Instant | null;
}

/** How a version came about. */
export const versionKinds = ['create', 'import', 'duplicate', 'commands', 'restore'] as const;
export type VersionKind = (typeof versionKinds)[number];

export interface JourneyVersion {
  readonly version: number;
  readonly kind: VersionKind;
  readonly at: Instant;
  readonly by: UserRef | null;
  readonly commands: readonly JourneyCommand[];
  readonly detail: Readonly<Record<string, unknown>> | null;
}

export interface Comment {
  readonly id: CommentId;
  readonly journeyId: JourneyId;
  readonly target: { readonly columnId?: string; readonly cardId?: string };
  readonly body: string;
  readonly author: UserRef;
  readonly createdAt: Instant;
  readonly resolvedAt: Instant | null;
  readonly resolvedBy: UserRef | null;
  /** The thread's first comment for a reply; null for a comment that starts a thread (decision 0018). */
  readonly parentId: CommentId | null;
  /** Workspace members the comment mentions, in the order they were named. */
  readonly mentions: readonly UserRef[];
}

export interface ShareLink {
  readonly id: ShareId;
  readonly journeyId: JourneyId;
  readonly createdBy: UserId;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly revokedAt: Instant | null;
}

/** Expected failures of the stores: stable codes the API maps to statuses in one table. */
export type StoreErrorCode =
  | 'email_taken'
  | 'already_member'
  | 'member_not_found'
  | 'last_owner'
  | 'token_not_found'
  | 'journey_exists'
  | 'journey_not_found'
  | 'journey_not_deleted'
  | 'undelete_expired'
  | 'version_conflict'
  | 'version_not_found'
  | 'comment_not_found'
  | 'share_not_found'
  | 'workspace_not_found'
  | 'session_not_found';

export interface StoreError {
  readonly code: StoreErrorCode;
  readonly message: string;
  /** With version_conflict: the journey as it now is. */
  readonly current?: StoredJourney;
}
