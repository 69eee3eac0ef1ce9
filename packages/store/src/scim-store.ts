import type { Instant, Role, UserId, WorkspaceId } from './records';

/** The instance's provisioning token as an administrator sees it (never its secret nor its hash). */
export interface ScimTokenInfo {
  readonly id: string;
  readonly createdAt: Instant;
  readonly createdBy: { readonly id: UserId; readonly name: string } | null;
  readonly lastUsedAt: Instant | null;
}

/** A person as the directory provisioned them (RFC 7643 User, the attributes Waymark keeps). */
export interface ScimUser {
  readonly id: UserId;
  readonly userName: string;
  readonly externalId: string | null;
  readonly givenName: string | null;
  readonly familyName: string | null;
  readonly displayName: string | null;
  /** The account's email (users.email). */
  readonly email: string;
  readonly active: boolean;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: number;
}
/** What a create or a full replace sets. */
export type ScimUserFields = Pick<
  ScimUser,
  'userName' | 'externalId' | 'givenName' | 'familyName' | 'displayName' | 'email' | 'active'
>;

export interface ScimGroup {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly members: readonly { readonly id: UserId; readonly display: string }[];
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
  readonly version: number;
}
export type ScimGroupFields = Pick<ScimGroup, 'displayName' | 'externalId'>;

/** Members of `groupId` get `role` in `workspaceId`. */
export interface ScimGroupRole {
  readonly groupId: string;
  readonly workspaceId: WorkspaceId;
  readonly role: Role;
}

/** A condition of a SCIM filter the store can answer: one attribute equal to a value. */
export interface ScimEquals<F extends string> {
  readonly field: F;
  readonly value: string;
}
export type ScimUserField = 'id' | 'userName' | 'externalId' | 'displayName' | 'email';
export type ScimGroupField = 'id' | 'displayName' | 'externalId' | 'members';

export interface ScimPage {
  /** 0-based. */
  readonly offset: number;
  readonly limit: number;
}

export type ScimStoreError =
  | { readonly code: 'uniqueness'; readonly field: 'userName' | 'externalId' | 'email' }
  | { readonly code: 'not_found' };

/**
 * Provisioning (issue 12, item 2, migration 016): the instance's SCIM token, the people and groups the directory
 * sends, and which workspace role each group gives. Suspension, sessions and memberships stay the AccountStore's:
 * the API calls it for those, so its caches hear of each change.
 */
export interface ScimStore {
  findToken(tokenHash: string): Promise<{ readonly id: string } | null>;
  /** The working token, or null when provisioning is off. */
  currentToken(): Promise<ScimTokenInfo | null>;
  /** Revokes the working token, if any, and makes this one work instead. */
  replaceToken(input: {
    id: string;
    tokenHash: string;
    createdBy: UserId;
    at: Instant;
  }): Promise<ScimTokenInfo>;
  /** Revokes the working token; false if there was none. */
  revokeToken(at: Instant): Promise<boolean>;
  /** Records a use of the token; written at most once a minute. */
  touchToken(id: string, at: Instant): Promise<void>;

  /** Users matching every condition (none: all), ordered by creation, and how many match in all. */
  listUsers(
    where: readonly ScimEquals<ScimUserField>[],
    page: ScimPage,
  ): Promise<{ total: number; users: ScimUser[] }>;
  getUser(id: UserId): Promise<ScimUser | null>;
  /**
   * Provisions a person. An account with this email that the directory has not provisioned yet is adopted (the
   * person who signed up or was invited before provisioning began keeps their account and history).
   */
  createUser(
    input: ScimUserFields & { newId: UserId; at: Instant },
  ): Promise<{ ok: true; value: ScimUser } | { ok: false; error: ScimStoreError }>;
  /** Sets every field; the account's email and name follow. */
  updateUser(
    id: UserId,
    fields: ScimUserFields,
    at: Instant,
  ): Promise<{ ok: true; value: ScimUser } | { ok: false; error: ScimStoreError }>;
  /** Forgets the provisioning of this person and their groups; their account stays. False if not provisioned. */
  deleteUser(id: UserId): Promise<boolean>;

  listGroups(
    where: readonly ScimEquals<ScimGroupField>[],
    page: ScimPage,
  ): Promise<{ total: number; groups: ScimGroup[] }>;
  getGroup(id: string): Promise<ScimGroup | null>;
  createGroup(
    input: ScimGroupFields & { id: string; members: readonly UserId[]; at: Instant },
  ): Promise<{ ok: true; value: ScimGroup } | { ok: false; error: ScimStoreError }>;
  /**
   * Changes the group: its fields, members added and removed, or (`members`) all its members at once. Members who
   * are not provisioned people are refused (not_found). Returns the people whose groups changed.
   */
  updateGroup(
    id: string,
    change: {
      fields?: ScimGroupFields;
      members?: readonly UserId[];
      add?: readonly UserId[];
      remove?: readonly UserId[];
    },
    at: Instant,
  ): Promise<
    { ok: true; value: ScimGroup; changed: readonly UserId[] } | { ok: false; error: ScimStoreError }
  >;
  /** Deletes the group; returns its members (whose roles may change), or null if there is no such group. */
  deleteGroup(id: string): Promise<UserId[] | null>;

  listGroupRoles(): Promise<ScimGroupRole[]>;
  /** Sets every workspace role the group gives; returns its members, or null if there is no such group. */
  setGroupRoles(
    groupId: string,
    roles: readonly { workspaceId: WorkspaceId; role: Role }[],
  ): Promise<UserId[] | null>;
  /** The role in each workspace the person's groups give them (the highest, where several do). */
  rolesFromGroups(userId: UserId): Promise<Map<WorkspaceId, Role>>;
  /** The memberships provisioning made for this person. */
  grantsOf(userId: UserId): Promise<Map<WorkspaceId, Role>>;
  setGrant(workspaceId: WorkspaceId, userId: UserId, role: Role | null): Promise<void>;
}
