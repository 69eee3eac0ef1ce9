import type { Result } from '@waymark/core';
import type {
  ApiToken,
  AuditEvent,
  AuditEventInput,
  Instant,
  Member,
  PasswordAccount,
  Role,
  SessionRecord,
  StoreError,
  TokenId,
  TokenScope,
  User,
  UserId,
  UserLocale,
  Workspace,
  WorkspaceId,
  WorkspaceOfUser,
} from './records';

/**
 * Accounts, sessions, workspaces, members, API tokens and the audit log. Users are apart from how they prove
 * who they are (credentials): a password today; an OpenID Connect subject can be added as another credential
 * without reshaping users, memberships or sessions.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  createUser(input: {
    id: UserId;
    email: string;
    name: string;
    at: Instant;
  }): Promise<Result<User, StoreError>>;
  getUser(id: UserId): Promise<User | null>;
  findUserByEmail(email: string): Promise<User | null>;
  /** Replaces the password; with `oneTimeUntil` it is a one-time password that stops working then. */
  setPassword(userId: UserId, hash: string, at: Instant, options?: { oneTimeUntil?: Instant }): Promise<void>;
  /** The user with this email (any case) and their password state, for sign-in. */
  findPasswordAccount(email: string): Promise<PasswordAccount | null>;
  /**
   * Marks the one-time password with this hash as used, once: true for the one caller that did, false if it
   * was used already, is not one-time, or was replaced meanwhile.
   */
  useOneTimePassword(userId: UserId, hash: string, at: Instant): Promise<boolean>;
  /** The interface language the person chose ('en' or 'cy'), or null if they have not chosen (migration 013). */
  getUserLocale(userId: UserId): Promise<UserLocale | null>;
  /** Remembers the person's interface language on their account; null forgets it. False if there is no such user. */
  setUserLocale(userId: UserId, locale: UserLocale | null): Promise<boolean>;

  createSession(input: {
    tokenHash: string;
    userId: UserId;
    csrfToken: string;
    at: Instant;
    expiresAt: Instant;
    /** Started with a one-time password: it may only set a new password. */
    mustChangePassword?: boolean;
  }): Promise<void>;
  /** The unexpired session with this token hash, or null. */
  findSession(tokenHash: string, now: Instant): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of this person (after a password change or reset); returns how many. */
  deleteSessionsOf(userId: UserId): Promise<number>;
  deleteExpiredSessions(now: Instant): Promise<number>;

  /** Creates the workspace with `ownerId` as its first owner, in one transaction. */
  createWorkspace(input: { id: WorkspaceId; name: string; ownerId: UserId; at: Instant }): Promise<Workspace>;
  getWorkspace(id: WorkspaceId): Promise<Workspace | null>;
  listWorkspacesOf(userId: UserId): Promise<WorkspaceOfUser[]>;
  roleOf(workspaceId: WorkspaceId, userId: UserId): Promise<Role | null>;
  listMembers(workspaceId: WorkspaceId): Promise<Member[]>;
  addMember(
    workspaceId: WorkspaceId,
    userId: UserId,
    role: Role,
    at: Instant,
  ): Promise<Result<Member, StoreError>>;
  /** Refuses to leave a workspace without an owner (`last_owner`). */
  setMemberRole(workspaceId: WorkspaceId, userId: UserId, role: Role): Promise<Result<Member, StoreError>>;
  removeMember(workspaceId: WorkspaceId, userId: UserId): Promise<Result<void, StoreError>>;

  /** Without `scopes`, the token gets `defaultTokenScopes`. */
  createApiToken(
    input: Omit<ApiToken, 'revokedAt' | 'scopes'> & { tokenHash: string; scopes?: readonly TokenScope[] },
  ): Promise<ApiToken>;
  /** The unrevoked token with this hash, or null. */
  findApiToken(tokenHash: string): Promise<ApiToken | null>;
  listApiTokens(workspaceId: WorkspaceId): Promise<ApiToken[]>;
  revokeApiToken(workspaceId: WorkspaceId, id: TokenId, at: Instant): Promise<Result<ApiToken, StoreError>>;

  appendAudit(event: AuditEventInput): Promise<void>;
  /** Newest first; `before` pages on with the last `seq` seen. */
  listAudit(workspaceId: WorkspaceId, options?: { limit?: number; before?: number }): Promise<AuditEvent[]>;

  getSetting<T>(key: string): Promise<T | null>;
  putSetting(key: string, value: unknown): Promise<void>;
}
