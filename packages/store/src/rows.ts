import {
  tokenScopes,
  type ApiToken,
  type Instant,
  type Role,
  type TokenId,
  type TokenScope,
  type User,
  type UserId,
  type UserRef,
  type WorkspaceId,
} from './records';

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
  instance_admin: boolean;
  suspended_at: unknown;
}
/** The users columns `toUser` reads, for a query over `users u`. */
export const userColumns = 'u.id, u.email, u.name, u.created_at, u.instance_admin, u.suspended_at';
export const toUser = (row: UserRow): User => ({
  id: row.id as UserId,
  email: row.email,
  name: row.name,
  createdAt: iso(row.created_at),
  instanceAdmin: row.instance_admin,
  suspendedAt: isoOrNull(row.suspended_at),
});
export const toUserRef = (id: string | null, name: string | null): UserRef | null =>
  id === null ? null : { id: id as UserId, name: name ?? '' };

export interface TokenRow {
  id: string;
  workspace_id: string;
  name: string;
  role: string;
  scopes: string[];
  created_by: string;
  created_at: unknown;
  revoked_at: unknown;
  expires_at: unknown;
  last_used_at: unknown;
}
/** Scopes in the order of `tokenScopes`, each once; an unknown one is kept (last) so the database refuses it. */
export const orderScopes = (scopes: readonly string[]): string[] => {
  const rank = (s: string) =>
    tokenScopes.includes(s as TokenScope) ? tokenScopes.indexOf(s as TokenScope) : 99;
  return [...new Set(scopes)].sort((a, b) => rank(a) - rank(b));
};
export const toToken = (row: TokenRow): ApiToken => ({
  id: row.id as TokenId,
  workspaceId: row.workspace_id as WorkspaceId,
  name: row.name,
  role: row.role as Role,
  scopes: orderScopes(row.scopes) as TokenScope[],
  createdBy: row.created_by as UserId,
  createdAt: iso(row.created_at),
  revokedAt: isoOrNull(row.revoked_at),
  expiresAt: isoOrNull(row.expires_at),
  lastUsedAt: isoOrNull(row.last_used_at),
});

/** `%` and `_` in user text match themselves in LIKE. */
export const likePattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
