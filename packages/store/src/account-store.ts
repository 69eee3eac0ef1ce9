import type { Result } from '@waymark/core';
import type {
  ApiToken,
  AuditEventInput,
  AuditFilter,
  AuditRecord,
  Instant,
  Member,
  PasswordAccount,
  Role,
  SessionRecord,
  SessionSummary,
  StoreError,
  TokenId,
  TokenScope,
  User,
  UserId,
  UserLocale,
  Workspace,
  WorkspaceId,
  WorkspaceOfUser,
  WorkspaceSummary,
} from './records';

/**
 * Accounts, sessions, workspaces, members, API tokens and the audit log. Users are apart from how they prove
 * who they are (credentials): a password today; an OpenID Connect subject can be added as another credential
 * without reshaping users, memberships or sessions.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** The first account made (at first start) is an instance administrator; later ones are not. */
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
  /**
   * Gives the person another email (their sign-in name; a password moves with it). `email_taken` if someone
   * else has it in any case; null if there is no such user. For an account no one has signed in to yet (the
   * administrator of a first start that stopped before its password was shown).
   */
  setUserEmail(userId: UserId, email: string): Promise<Result<User, StoreError> | null>;
  /** Everyone with an account, by name (migration 014). */
  listUsers(): Promise<User[]>;
  /** Makes the person an instance administrator or not; null if there is no such user. */
  setInstanceAdmin(userId: UserId, instanceAdmin: boolean): Promise<User | null>;
  /**
   * Suspends the person from `at` (null lifts the suspension); suspending also ends all their sessions.
   * A suspended person's sessions and tokens are not found; sign-in must refuse them. Null if no such user.
   */
  setSuspended(userId: UserId, at: Instant | null): Promise<User | null>;

  createSession(input: {
    tokenHash: string;
    userId: UserId;
    csrfToken: string;
    at: Instant;
    expiresAt: Instant;
    /** Started with a one-time password: it may only set a new password. */
    mustChangePassword?: boolean;
    /** The browser's User-Agent header, shown on "Your sessions". */
    userAgent?: string | null;
  }): Promise<void>;
  /** The unexpired session with this token hash of a person not suspended, or null. */
  findSession(tokenHash: string, now: Instant): Promise<SessionRecord | null>;
  /** The person's unexpired sessions, newest first. */
  listSessionsOf(userId: UserId, now: Instant): Promise<SessionSummary[]>;
  /** Ends one of the person's own sessions by its id; false if they have none with that id. */
  deleteSessionById(userId: UserId, id: string): Promise<boolean>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of this person (after a password change or reset); returns how many. */
  deleteSessionsOf(userId: UserId): Promise<number>;
  deleteExpiredSessions(now: Instant): Promise<number>;

  /** Creates the workspace with `ownerId` as its first owner, in one transaction. */
  createWorkspace(input: { id: WorkspaceId; name: string; ownerId: UserId; at: Instant }): Promise<Workspace>;
  getWorkspace(id: WorkspaceId): Promise<Workspace | null>;
  /** Every workspace, archived ones too, with how many members each has: for instance administrators. */
  listAllWorkspaces(): Promise<WorkspaceSummary[]>;
  renameWorkspace(id: WorkspaceId, name: string): Promise<Result<Workspace, StoreError>>;
  /** Archives the workspace from `at`, or with null brings it back. */
  setWorkspaceArchived(id: WorkspaceId, at: Instant | null): Promise<Result<Workspace, StoreError>>;
  /** The person's workspaces that are not archived. */
  listWorkspacesOf(userId: UserId): Promise<WorkspaceOfUser[]>;
  /** The member's role; in an archived workspace never more than viewer (read-only, decision 0025). */
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

  /** Without `scopes`, the token gets `defaultTokenScopes`; without `expiresAt`, it does not expire. */
  createApiToken(
    input: Omit<ApiToken, 'revokedAt' | 'scopes' | 'expiresAt' | 'lastUsedAt'> & {
      tokenHash: string;
      scopes?: readonly TokenScope[];
      expiresAt?: Instant | null;
    },
  ): Promise<ApiToken>;
  /**
   * The unrevoked token with this hash, or null. It may have expired or its creator be suspended: the caller
   * checks `expiresAt` against its clock and the creator (authenticate.ts).
   */
  findApiToken(tokenHash: string): Promise<ApiToken | null>;
  /** Records that the token was used at `at`; written at most once a minute per token. */
  touchApiToken(id: TokenId, at: Instant): Promise<void>;
  listApiTokens(workspaceId: WorkspaceId): Promise<ApiToken[]>;
  revokeApiToken(workspaceId: WorkspaceId, id: TokenId, at: Instant): Promise<Result<ApiToken, StoreError>>;

  appendAudit(event: AuditEventInput): Promise<void>;
  /** Newest first; `before` pages on with the last `seq` seen; `filter` narrows by person, action, target, date. */
  listAudit(
    workspaceId: WorkspaceId,
    options?: { limit?: number; before?: number; filter?: AuditFilter },
  ): Promise<AuditRecord[]>;
  /** The distinct actions recorded in the workspace's audit trail, for the filter's choices. */
  listAuditActions(workspaceId: WorkspaceId): Promise<string[]>;

  getSetting<T>(key: string): Promise<T | null>;
  putSetting(key: string, value: unknown): Promise<void>;
}
