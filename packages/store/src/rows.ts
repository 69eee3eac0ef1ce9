import type { ApiToken, Instant, Role, TokenId, User, UserId, UserRef, WorkspaceId } from './records';

/** Both drivers return timestamptz as Date; the stores speak ISO strings. */
export const iso = (value: unknown): Instant =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();
export const isoOrNull = (value: unknown): Instant | null =>
  value === null || value === undefined ? null : iso(value);
/** jsonb goes in as text: `pg` would turn a JS array into a PostgreSQL array. */
export const json = (value: unknown): string => JSON.stringify(value);

export interface UserRow {
  id: string;
  email: string;
  name: string;
  created_at: unknown;
}
export const toUser = (row: UserRow): User => ({
  id: row.id as UserId,
  email: row.email,
  name: row.name,
  createdAt: iso(row.created_at),
});
export const toUserRef = (id: string | null, name: string | null): UserRef | null =>
  id === null ? null : { id: id as UserId, name: name ?? '' };

export interface TokenRow {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  created_by: string;
  created_at: unknown;
  revoked_at: unknown;
}
export const toToken = (row: TokenRow): ApiToken => ({
  id: row.id as TokenId,
  workspaceId: row.workspace_id as WorkspaceId,
  name: row.name,
  role: row.role as Role,
  createdBy: row.created_by as UserId,
  createdAt: iso(row.created_at),
  revokedAt: isoOrNull(row.revoked_at),
});

/** `%` and `_` in user text match themselves in LIKE. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
