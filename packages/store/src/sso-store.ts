import type { Instant, Role, UserId, WorkspaceId } from './records';
import { iso, isoOrNull } from './rows';
import type { Sql } from './sql';

/** A sign-in begun at the provider (migration 015): taken once, when the provider sends the person back. */
export interface SsoLogin {
  readonly stateHash: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Where in Waymark the person was going (a path of this site), or null. */
  readonly returnTo: string | null;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
}

/** Someone who may sign in through the provider for the first time when accounts are by invitation only. */
export interface SsoInvitation {
  readonly id: string;
  readonly email: string;
  readonly workspaceId: WorkspaceId;
  readonly role: Role;
  readonly invitedBy: UserId | null;
  readonly createdAt: Instant;
  readonly acceptedAt: Instant | null;
}

/** Single sign-on's own rows (issue 12, item 1, decision 0029). */
export interface SsoStore {
  putLogin(login: SsoLogin): Promise<void>;
  /** Removes and returns the unexpired sign-in with this state hash; null if unknown, used or expired. */
  takeLogin(stateHash: string, now: Instant): Promise<SsoLogin | null>;
  deleteExpiredLogins(now: Instant): Promise<number>;

  /** The person whose credential is this provider and subject, or null. */
  findCredential(provider: string, subject: string): Promise<UserId | null>;
  /** Links the provider and subject to the person (nothing if already linked). */
  addCredential(provider: string, subject: string, userId: UserId, at: Instant): Promise<void>;

  /** Adds or replaces (same email, any case, and workspace) an invitation. */
  invite(input: Omit<SsoInvitation, 'acceptedAt'>): Promise<SsoInvitation>;
  listInvitations(): Promise<SsoInvitation[]>;
  /** Invitations not yet accepted for this email, any case. */
  invitationsFor(email: string): Promise<SsoInvitation[]>;
  markAccepted(ids: readonly string[], at: Instant): Promise<void>;
  deleteInvitation(id: string): Promise<boolean>;
}

interface LoginRow {
  state_hash: string;
  nonce: string;
  code_verifier: string;
  return_to: string | null;
  created_at: unknown;
  expires_at: unknown;
}
interface InvitationRow {
  id: string;
  email: string;
  workspace_id: string;
  role: Role;
  invited_by: string | null;
  created_at: unknown;
  accepted_at: unknown;
}
const toInvitation = (r: InvitationRow): SsoInvitation => ({
  id: r.id,
  email: r.email,
  workspaceId: r.workspace_id as WorkspaceId,
  role: r.role,
  invitedBy: r.invited_by as UserId | null,
  createdAt: iso(r.created_at),
  acceptedAt: isoOrNull(r.accepted_at),
});

export function createSqlSsoStore(sql: Sql): SsoStore {
  return {
    async putLogin(l) {
      await sql.query(
        `INSERT INTO sso_logins (state_hash, nonce, code_verifier, return_to, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [l.stateHash, l.nonce, l.codeVerifier, l.returnTo, l.createdAt, l.expiresAt],
      );
    },
    async takeLogin(stateHash, now) {
      const [row] = await sql.query<LoginRow>('DELETE FROM sso_logins WHERE state_hash = $1 RETURNING *', [
        stateHash,
      ]);
      if (!row || iso(row.expires_at) <= now) return null;
      return {
        stateHash: row.state_hash,
        nonce: row.nonce,
        codeVerifier: row.code_verifier,
        returnTo: row.return_to,
        createdAt: iso(row.created_at),
        expiresAt: iso(row.expires_at),
      };
    },
    async deleteExpiredLogins(now) {
      const rows = await sql.query('DELETE FROM sso_logins WHERE expires_at <= $1 RETURNING state_hash', [
        now,
      ]);
      return rows.length;
    },
    async findCredential(provider, subject) {
      const [row] = await sql.query<{ user_id: string }>(
        'SELECT user_id FROM credentials WHERE provider = $1 AND subject = $2',
        [provider, subject],
      );
      return row ? (row.user_id as UserId) : null;
    },
    async addCredential(provider, subject, userId, at) {
      await sql.query(
        `INSERT INTO credentials (provider, subject, user_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, subject) DO NOTHING`,
        [provider, subject, userId, at],
      );
    },
    async invite(i) {
      const [row] = await sql.query<InvitationRow>(
        `INSERT INTO sso_invitations (id, email, workspace_id, role, invited_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (lower(email), workspace_id) DO UPDATE
           SET role = excluded.role, invited_by = excluded.invited_by, created_at = excluded.created_at,
               accepted_at = NULL
         RETURNING *`,
        [i.id, i.email, i.workspaceId, i.role, i.invitedBy, i.createdAt],
      );
      return toInvitation(row!);
    },
    async listInvitations() {
      const rows = await sql.query<InvitationRow>('SELECT * FROM sso_invitations ORDER BY created_at, id');
      return rows.map(toInvitation);
    },
    async invitationsFor(email) {
      const rows = await sql.query<InvitationRow>(
        'SELECT * FROM sso_invitations WHERE lower(email) = lower($1) AND accepted_at IS NULL ORDER BY id',
        [email],
      );
      return rows.map(toInvitation);
    },
    async markAccepted(ids, at) {
      for (const id of ids)
        await sql.query('UPDATE sso_invitations SET accepted_at = $2 WHERE id = $1', [id, at]);
    },
    async deleteInvitation(id) {
      const rows = await sql.query('DELETE FROM sso_invitations WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
  };
}
