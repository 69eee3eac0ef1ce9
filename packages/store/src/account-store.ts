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
  User,
  UserId,
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
  setPassword(userId: UserId, hash: string, at: Instant): Promise<void>;
  /** The user with this email (any case) and their password state, for sign-in. */
  findPasswordAccount(email: string): Promise<PasswordAccount | null>;
  /** Counts one failed sign-in and returns the count so far; `lockUntil` locks the account. */
  recordFailedSignIn(userId: UserId, lockUntil: (failures: number) => Instant | null): Promise<number>;
  clearFailedSignIns(userId: UserId): Promise<void>;

  createSession(input: {
    tokenHash: string;
    userId: UserId;
    csrfToken: string;
    at: Instant;
    expiresAt: Instant;
  }): Promise<void>;
  /** The unexpired session with this token hash, or null. */
  findSession(tokenHash: string, now: Instant): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
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

  createApiToken(input: Omit<ApiToken, 'revokedAt'> & { tokenHash: string }): Promise<ApiToken>;
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
