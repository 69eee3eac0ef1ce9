import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import { createSqlSsoStore, SSO_SETTINGS_KEY, type SsoStore } from './sso-store';
import { SecretUnreadable } from './secret-box';
import { seedOwner } from './test-database';

export interface SsoFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T09:05:00.000Z';
const T2 = '2026-01-01T09:20:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const SECRET = 'entra-client-secret~value.0123456789';

const fields = {
  issuer: 'https://login.microsoftonline.com/tenant-1/v2.0',
  clientId: 'client-1',
  providerName: 'Council ID',
  allowedDomains: ['council.gov.uk'],
  accounts: 'invitation',
  groupClaim: 'groups',
  groupRoles: [
    { group: 'journey-editors', workspaceId: 'w1', role: 'editor' },
    { group: '0b7c2f1e-readers', workspaceId: 'w1', role: 'viewer' },
  ],
  passwordSignIn: false,
};

/** The behaviour every SsoStore must have (migration 015, decision 0029); registered once per database. */
export function ssoStoreContract(open: () => Promise<SsoFixture>): void {
  let fixture: SsoFixture;
  let key: Uint8Array;
  let sso: SsoStore;
  const rawRow = async () => {
    const [row] = await fixture.stores.sql.query<{ value: unknown }>(
      'SELECT value FROM settings WHERE key = $1',
      [SSO_SETTINGS_KEY],
    );
    return row ? JSON.stringify(row.value) : null;
  };
  beforeEach(async () => {
    // Given: ann owns workspace w1; the server's key is 32 random bytes.
    fixture = await open();
    await seedOwner(fixture.stores, ann, ws, T0);
    key = new Uint8Array(randomBytes(32));
    sso = createSqlSsoStore(fixture.stores.sql, { secretKey: async () => key });
  });
  afterEach(() => fixture.dispose());

  it('keeps the settings and group mappings as saved, and nothing until something is saved', async () => {
    expect(await sso.getSettings()).toBeNull();
    await sso.putSettings(fields, undefined);
    expect(await sso.getSettings()).toEqual({ fields, secret: { state: 'none' } });
    const fewer = { ...fields, groupRoles: [fields.groupRoles[1]], passwordSignIn: true };
    await sso.putSettings(fewer, undefined);
    expect((await sso.getSettings())?.fields).toEqual(fewer);
  });

  it('seals the client secret: the row does not hold it, the same key opens it after a restart, another key cannot', async () => {
    await sso.putSettings(fields, SECRET);
    const raw = (await rawRow())!;
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(Buffer.from(SECRET).toString('base64'));
    expect(raw).toContain('clientSecretSealed');
    expect(await sso.getSettings()).toEqual({ fields, secret: { state: 'set', value: SECRET } });

    // A restart: a new store over the same database with the same key.
    const again = createSqlSsoStore(fixture.stores.sql, { secretKey: async () => Uint8Array.from(key) });
    expect((await again.getSettings())?.secret).toEqual({ state: 'set', value: SECRET });

    const other = createSqlSsoStore(fixture.stores.sql, {
      secretKey: async () => new Uint8Array(randomBytes(32)),
    });
    const unreadable = await other.getSettings();
    expect(unreadable?.fields).toEqual(fields);
    expect(unreadable?.secret).toEqual({
      state: 'unreadable',
      reason: expect.stringContaining('server’s key'),
    });

    const noKey = createSqlSsoStore(fixture.stores.sql, {
      secretKey: () =>
        Promise.reject(new Error('the key file keyring/x.key is damaged (expected 64 hex digits)')),
    });
    expect((await noKey.getSettings())?.secret).toEqual({
      state: 'unreadable',
      reason: 'the key cannot be read: the key file keyring/x.key is damaged (expected 64 hex digits)',
    });
    // A new secret cannot be saved without a key: refused, and what was saved stays as it was.
    await expect(noKey.putSettings(fields, 'another secret')).rejects.toBeInstanceOf(SecretUnreadable);
    expect((await sso.getSettings())?.secret).toEqual({ state: 'set', value: SECRET });
  });

  it('keeps the secret when it is left out, removes it when null, and replaces it when given', async () => {
    await sso.putSettings(fields, SECRET);
    await sso.putSettings({ ...fields, clientId: 'client-2' }, undefined);
    expect(await sso.getSettings()).toEqual({
      fields: { ...fields, clientId: 'client-2' },
      secret: { state: 'set', value: SECRET },
    });
    await sso.putSettings(fields, 'the new secret');
    expect((await sso.getSettings())?.secret).toEqual({ state: 'set', value: 'the new secret' });
    await sso.putSettings(fields, null);
    expect((await sso.getSettings())?.secret).toEqual({ state: 'removed' });
    expect(await rawRow()).not.toContain('the new secret');
  });

  it('seals a secret saved in clear before secrets were sealed, the first time it is read', async () => {
    await fixture.stores.accounts.putSetting(SSO_SETTINGS_KEY, { ...fields, clientSecret: SECRET });
    expect((await sso.getSettings())?.secret).toEqual({ state: 'set', value: SECRET });
    expect(await rawRow()).not.toContain(SECRET);
    expect((await sso.getSettings())?.secret).toEqual({ state: 'set', value: SECRET });
  });

  it('replaces an invitation for the same email (any case) and workspace, lists, accepts and withdraws them', async () => {
    await sso.invite({
      id: 'i1',
      email: 'Nel@Council.gov.uk',
      workspaceId: ws,
      role: 'viewer',
      invitedBy: ann,
      createdAt: T0,
    });
    await sso.invite({
      id: 'i2',
      email: 'nel@council.gov.uk',
      workspaceId: ws,
      role: 'editor',
      invitedBy: ann,
      createdAt: T1,
    });
    await sso.invite({
      id: 'i3',
      email: 'sam@council.gov.uk',
      workspaceId: ws,
      role: 'viewer',
      invitedBy: null,
      createdAt: T1,
    });
    const listed = await sso.listInvitations();
    expect(listed.map((i) => [i.id, i.email, i.role, i.createdAt])).toEqual([
      ['i1', 'Nel@Council.gov.uk', 'editor', T1],
      ['i3', 'sam@council.gov.uk', 'viewer', T1],
    ]);
    expect((await sso.invitationsFor('NEL@council.gov.uk')).map((i) => i.id)).toEqual(['i1']);
    await sso.markAccepted(['i1'], T2);
    expect(await sso.invitationsFor('nel@council.gov.uk')).toEqual([]);
    expect((await sso.listInvitations()).find((i) => i.id === 'i1')?.acceptedAt).toBe(T2);
    expect(await sso.deleteInvitation('i3')).toBe(true);
    expect(await sso.deleteInvitation('i3')).toBe(false);
    expect((await sso.listInvitations()).map((i) => i.id)).toEqual(['i1']);
  });

  it('takes a begun sign-in once, never after it expires, and links a provider subject to one person', async () => {
    const login = {
      stateHash: 'h1',
      nonce: 'n',
      codeVerifier: 'v',
      returnTo: '/w/w1',
      createdAt: T0,
      expiresAt: T1,
    };
    await sso.putLogin(login);
    await sso.putLogin({ ...login, stateHash: 'h2' });
    expect(await sso.takeLogin('h1', T0)).toEqual(login);
    expect(await sso.takeLogin('h1', T0)).toBeNull();
    expect(await sso.takeLogin('h2', T2)).toBeNull();
    expect(await sso.findCredential('oidc:https://idp', 'sub-1')).toBeNull();
    await sso.addCredential('oidc:https://idp', 'sub-1', ann, T0);
    await sso.addCredential('oidc:https://idp', 'sub-1', ann, T1);
    expect(await sso.findCredential('oidc:https://idp', 'sub-1')).toBe(ann);
  });
}
