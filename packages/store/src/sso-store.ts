import type { Instant, Role, UserId, WorkspaceId } from './records';
import { iso, isoOrNull } from './rows';
import { isSealed, openSecret, SecretUnreadable, sealSecret } from './secret-box';
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

/**
 * The client secret the administrator saved, as far as this server can tell: none saved (the environment's is
 * used), removed on purpose, readable, or sealed under a key this server does not have.
 */
export type SsoSecret =
  | { readonly state: 'none' }
  | { readonly state: 'removed' }
  | { readonly state: 'set'; readonly value: string }
  | { readonly state: 'unreadable'; readonly reason: string };

/** The administrator's saved settings: the fields as saved (JSON) and the secret, opened. */
export interface SavedSso {
  readonly fields: Readonly<Record<string, unknown>>;
  readonly secret: SsoSecret;
}

/** The settings row ('sso.config') and what the client secret is sealed as (decision 0029). */
export const SSO_SETTINGS_KEY = 'sso.config';
const SEALED_FIELD = 'clientSecretSealed';
const SECRET_PURPOSE = 'waymark sso.config clientSecret';

export interface SsoStoreOptions {
  /**
   * The 32-byte key the client secret is sealed with (AES-256-GCM), kept outside the database: the server's
   * keyring. A key that cannot be had makes the secret unreadable (said so), never a crash.
   */
  readonly secretKey: () => Promise<Uint8Array>;
}

/** Single sign-on's own rows (issue 12, item 1, decision 0029). */
export interface SsoStore {
  /** The administrator's saved settings, the secret opened with the server's key; null when none are saved. */
  getSettings(): Promise<SavedSso | null>;
  /**
   * Saves the settings (any JSON fields but the secret). `secret`: a string is sealed and saved, null removes
   * it, undefined keeps what was saved. Throws `SecretUnreadable` when a new secret cannot be sealed (no key).
   */
  putSettings(fields: Readonly<Record<string, unknown>>, secret: string | null | undefined): Promise<void>;

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

const withoutSecret = (value: Record<string, unknown>): Record<string, unknown> => {
  const { clientSecret: _plain, [SEALED_FIELD]: _sealed, ...fields } = value;
  return fields;
};

export function createSqlSsoStore(sql: Sql, options: SsoStoreOptions): SsoStore {
  const readRow = async () => {
    const [row] = await sql.query<{ value: Record<string, unknown> }>(
      'SELECT value FROM settings WHERE key = $1',
      [SSO_SETTINGS_KEY],
    );
    return row?.value ?? null;
  };
  const writeRow = (value: Record<string, unknown>) =>
    sql.query(
      'INSERT INTO settings (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [SSO_SETTINGS_KEY, JSON.stringify(value)],
    );
  const key = async (): Promise<Uint8Array | Error> => {
    try {
      return await options.secretKey();
    } catch (error) {
      return new Error(`the key cannot be read: ${(error as Error).message}`);
    }
  };
  return {
    async getSettings() {
      const value = await readRow();
      if (!value) return null;
      const fields = withoutSecret(value);
      const sealed = value[SEALED_FIELD];
      const plain = value['clientSecret'];
      if (isSealed(sealed)) {
        const k = await key();
        if (k instanceof Error) return { fields, secret: { state: 'unreadable', reason: k.message } };
        try {
          return { fields, secret: { state: 'set', value: openSecret(sealed, k, SECRET_PURPOSE) } };
        } catch (error) {
          return { fields, secret: { state: 'unreadable', reason: (error as Error).message } };
        }
      }
      if (typeof plain === 'string' && plain !== '') {
        // Saved before secrets were sealed (migration 015's rows): sealed now, when the key is there.
        const k = await key();
        if (!(k instanceof Error))
          await writeRow({ ...fields, [SEALED_FIELD]: sealSecret(plain, k, SECRET_PURPOSE) });
        return { fields, secret: { state: 'set', value: plain } };
      }
      if (plain === null) return { fields, secret: { state: 'removed' } };
      return { fields, secret: { state: 'none' } };
    },
    async putSettings(input, secret) {
      const fields = withoutSecret({ ...input });
      let stored: Record<string, unknown>;
      if (secret === null) stored = { ...fields, clientSecret: null };
      else if (typeof secret === 'string') {
        const k = await key();
        if (k instanceof Error) throw new SecretUnreadable(k.message);
        stored = { ...fields, [SEALED_FIELD]: sealSecret(secret, k, SECRET_PURPOSE) };
      } else {
        const before = (await readRow()) ?? {};
        const kept: Record<string, unknown> = {};
        if (SEALED_FIELD in before) kept[SEALED_FIELD] = before[SEALED_FIELD];
        else if ('clientSecret' in before) kept['clientSecret'] = before['clientSecret'];
        stored = { ...fields, ...kept };
      }
      await writeRow(stored);
    },
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
