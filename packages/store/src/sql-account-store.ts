import { err, ok } from '@waymark/core';
import type { AccountStore } from './account-store';
import { defaultTokenScopes, type UserId, type UserLocale, type WorkspaceId } from './records';
import {
  iso,
  isoOrNull,
  json,
  likePattern,
  orderScopes,
  toToken,
  toUser,
  userColumns,
  type TokenRow,
  type UserRow,
} from './rows';
import type { Sql } from './sql';
import { createSqlWorkspaceStore } from './sql-workspace-store';

/** `AccountStore` over any `Sql`: users, credentials and sessions here; workspaces and the rest beside it. */
export function createSqlAccountStore(sql: Sql): AccountStore {
  return {
    async countUsers() {
      const [row] = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
      return row?.n ?? 0;
    },
    async createUser({ id, email, name, at }) {
      return sql.transaction(async (tx) => {
        const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
        if (taken.length > 0)
          return err({ code: 'email_taken', message: `a user with the email ${email} already exists` });
        const [row] = await tx.query<UserRow>(
          `INSERT INTO users AS u (id, email, name, created_at, instance_admin)
           VALUES ($1, $2, $3, $4, NOT EXISTS (SELECT 1 FROM users)) RETURNING ${userColumns}`,
          [id, email, name, at],
        );
        return ok(toUser(row!));
      });
    },
    async getUser(id) {
      const [row] = await sql.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.id = $1`, [id]);
      return row ? toUser(row) : null;
    },
    async findUserByEmail(email) {
      const [row] = await sql.query<UserRow>(
        `SELECT ${userColumns} FROM users u WHERE lower(u.email) = lower($1)`,
        [email],
      );
      return row ? toUser(row) : null;
    },
    async setPassword(userId, hash, at, options = {}) {
      await sql.transaction(async (tx) => {
        const [user] = await tx.query<{ email: string }>('SELECT email FROM users WHERE id = $1', [userId]);
        if (!user) throw new Error(`setPassword: no user ${userId}`);
        await tx.query("DELETE FROM credentials WHERE user_id = $1 AND provider = 'password'", [userId]);
        await tx.query(
          `INSERT INTO credentials (provider, subject, user_id, secret_hash, created_at, one_time_until)
           VALUES ('password', lower($1), $2, $3, $4, $5)`,
          [user.email, userId, hash, at, options.oneTimeUntil ?? null],
        );
      });
    },
    async findPasswordAccount(email) {
      const [row] = await sql.query<
        UserRow & {
          secret_hash: string | null;
          one_time_until: unknown;
          one_time_used_at: unknown;
          password_set_at: unknown;
        }
      >(
        `SELECT ${userColumns}, c.secret_hash, c.one_time_until, c.one_time_used_at, c.created_at AS password_set_at
         FROM users u
         LEFT JOIN credentials c ON c.user_id = u.id AND c.provider = 'password'
         WHERE lower(u.email) = lower($1)`,
        [email],
      );
      if (!row) return null;
      return {
        user: toUser(row),
        passwordHash: row.secret_hash,
        oneTimeUntil: isoOrNull(row.one_time_until),
        oneTimeUsedAt: isoOrNull(row.one_time_used_at),
        passwordSetAt: isoOrNull(row.password_set_at),
      };
    },
    async setUserEmail(userId, email) {
      return sql.transaction(async (tx) => {
        const taken = await tx.query('SELECT 1 FROM users WHERE lower(email) = lower($1) AND id <> $2', [
          email,
          userId,
        ]);
        if (taken.length > 0)
          return err({ code: 'email_taken', message: `a user with the email ${email} already exists` });
        const [row] = await tx.query<UserRow>(
          `UPDATE users u SET email = $2 WHERE u.id = $1 RETURNING ${userColumns}`,
          [userId, email],
        );
        if (!row) return null;
        await tx.query(
          "UPDATE credentials SET subject = lower($2) WHERE user_id = $1 AND provider = 'password'",
          [userId, email],
        );
        return ok(toUser(row));
      });
    },
    async useOneTimePassword(userId, hash, at) {
      const rows = await sql.query(
        `UPDATE credentials SET one_time_used_at = $3
         WHERE user_id = $1 AND provider = 'password' AND secret_hash = $2
           AND one_time_until IS NOT NULL AND one_time_used_at IS NULL
         RETURNING 1`,
        [userId, hash, at],
      );
      return rows.length === 1;
    },
    async getUserLocale(userId) {
      const [row] = await sql.query<{ locale: UserLocale | null }>('SELECT locale FROM users WHERE id = $1', [
        userId,
      ]);
      return row?.locale ?? null;
    },
    async setUserLocale(userId, locale) {
      const rows = await sql.query('UPDATE users SET locale = $2 WHERE id = $1 RETURNING 1', [
        userId,
        locale,
      ]);
      return rows.length === 1;
    },
    async listUsers() {
      const rows = await sql.query<UserRow>(
        `SELECT ${userColumns} FROM users u ORDER BY lower(u.name), u.id`,
      );
      return rows.map(toUser);
    },
    async setInstanceAdmin(userId, instanceAdmin) {
      const [row] = await sql.query<UserRow>(
        `UPDATE users u SET instance_admin = $2 WHERE u.id = $1 RETURNING ${userColumns}`,
        [userId, instanceAdmin],
      );
      return row ? toUser(row) : null;
    },
    async setSuspended(userId, at) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query<UserRow>(
          `UPDATE users u SET suspended_at = $2 WHERE u.id = $1 RETURNING ${userColumns}`,
          [userId, at],
        );
        if (row && at !== null) await tx.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        return row ? toUser(row) : null;
      });
    },
    async createSession({
      tokenHash,
      userId,
      csrfToken,
      at,
      expiresAt,
      mustChangePassword = false,
      userAgent = null,
    }) {
      await sql.query(
        `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, must_change_password, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tokenHash, userId, csrfToken, at, expiresAt, mustChangePassword, userAgent],
      );
    },
    async findSession(tokenHash, now) {
      const [row] = await sql.query<
        UserRow & {
          session_id: string;
          csrf_token: string;
          expires_at: unknown;
          must_change_password: boolean;
        }
      >(
        `SELECT ${userColumns}, s.id AS session_id, s.csrf_token, s.expires_at, s.must_change_password
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.suspended_at IS NULL`,
        [tokenHash, now],
      );
      return row
        ? {
            id: row.session_id,
            user: toUser(row),
            csrfToken: row.csrf_token,
            expiresAt: iso(row.expires_at),
            mustChangePassword: row.must_change_password,
          }
        : null;
    },
    async deleteSession(tokenHash) {
      await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
    async listSessionsOf(userId, now) {
      const rows = await sql.query<{
        id: string;
        created_at: unknown;
        expires_at: unknown;
        user_agent: string | null;
      }>(
        `SELECT id, created_at, expires_at, user_agent FROM sessions WHERE user_id = $1 AND expires_at > $2
         ORDER BY created_at DESC, id`,
        [userId, now],
      );
      return rows.map((r) => ({
        id: r.id,
        createdAt: iso(r.created_at),
        expiresAt: iso(r.expires_at),
        userAgent: r.user_agent,
      }));
    },
    async deleteSessionById(userId, id) {
      const rows = await sql.query('DELETE FROM sessions WHERE user_id = $1 AND id = $2 RETURNING 1', [
        userId,
        id,
      ]);
      return rows.length === 1;
    },
    async deleteSessionsOf(userId) {
      const rows = await sql.query('DELETE FROM sessions WHERE user_id = $1 RETURNING 1', [userId]);
      return rows.length;
    },
    async deleteExpiredSessions(now) {
      const rows = await sql.query('DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1', [now]);
      return rows.length;
    },
    ...createSqlWorkspaceStore(sql),
    async createApiToken(input) {
      const [row] = await sql.query<TokenRow>(
        `INSERT INTO api_tokens (id, workspace_id, name, role, token_hash, created_by, created_at, scopes, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9) RETURNING *`,
        [
          input.id,
          input.workspaceId,
          input.name,
          input.role,
          input.tokenHash,
          input.createdBy,
          input.createdAt,
          orderScopes(input.scopes ?? defaultTokenScopes),
          input.expiresAt ?? null,
        ],
      );
      return toToken(row!);
    },
    async findApiToken(tokenHash) {
      const [row] = await sql.query<TokenRow>(
        'SELECT * FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
        [tokenHash],
      );
      return row ? toToken(row) : null;
    },
    async touchApiToken(id, at) {
      await sql.query(
        `UPDATE api_tokens SET last_used_at = $2
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
        [id, at],
      );
    },
    async listApiTokens(workspaceId) {
      const rows = await sql.query<TokenRow>(
        'SELECT * FROM api_tokens WHERE workspace_id = $1 ORDER BY created_at, id',
        [workspaceId],
      );
      return rows.map(toToken);
    },
    async revokeApiToken(workspaceId, id, at) {
      const [row] = await sql.query<TokenRow>(
        `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $3) WHERE workspace_id = $1 AND id = $2 RETURNING *`,
        [workspaceId, id, at],
      );
      return row
        ? ok(toToken(row))
        : err({ code: 'token_not_found', message: `no API token ${id} in this workspace` });
    },
    async appendAudit(event) {
      await sql.query(
        'INSERT INTO audit_events (workspace_id, actor_id, action, target, detail, ip, at) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)',
        [
          event.workspaceId,
          event.actorId,
          event.action,
          event.target,
          event.detail === null ? null : json(event.detail),
          event.ip,
          event.at,
        ],
      );
    },
    async listAudit(workspaceId, options = {}) {
      const f = options.filter ?? {};
      const action = f.action?.endsWith('.') ? `${f.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = await sql.query<{
        seq: string | number;
        workspace_id: string | null;
        actor_id: string | null;
        actor_name: string | null;
        action: string;
        target: string | null;
        detail: Record<string, unknown> | null;
        ip: string | null;
        at: unknown;
      }>(
        `SELECT a.*, u.name AS actor_name FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
         WHERE a.workspace_id = $1 AND ($2::bigint IS NULL OR a.seq < $2)
           AND ($4::text IS NULL OR a.actor_id = $4)
           AND ($5::text IS NULL OR a.action = $5) AND ($6::text IS NULL OR a.action LIKE $6)
           AND ($7::text IS NULL OR a.target ILIKE $7)
           AND ($8::timestamptz IS NULL OR a.at >= $8) AND ($9::timestamptz IS NULL OR a.at < $9)
         ORDER BY a.seq DESC LIMIT $3`,
        [
          workspaceId,
          options.before ?? null,
          Math.min(options.limit ?? 100, 1000),
          f.actorId ?? null,
          f.action !== undefined && action === null ? f.action : null,
          action,
          f.target ? likePattern(f.target) : null,
          f.from ?? null,
          f.to ?? null,
        ],
      );
      return rows.map((r) => ({
        seq: Number(r.seq),
        workspaceId: r.workspace_id as WorkspaceId | null,
        actorId: r.actor_id as UserId | null,
        actorName: r.actor_name,
        action: r.action,
        target: r.target,
        detail: r.detail,
        ip: r.ip,
        at: iso(r.at),
      }));
    },
    async listAuditActions(workspaceId) {
      const rows = await sql.query<{ action: string }>(
        'SELECT DISTINCT action FROM audit_events WHERE workspace_id = $1 ORDER BY action',
        [workspaceId],
      );
      return rows.map((r) => r.action);
    },
    async getSetting<T>(key: string) {
      const [row] = await sql.query<{ value: T }>('SELECT value FROM settings WHERE key = $1', [key]);
      return row ? row.value : null;
    },
    async putSetting(key, value) {
      await sql.query(
        'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, json(value)],
      );
    },
  };
}
