import { callJson } from '../api/call-json';

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
export type AccountMode = 'just_in_time' | 'invitation';
export type SettingField =
  | 'issuer'
  | 'clientId'
  | 'clientSecret'
  | 'providerName'
  | 'allowedDomains'
  | 'accounts'
  | 'groupClaim'
  | 'groupRoles'
  | 'passwordSignIn';

export interface GroupRole {
  readonly group: string;
  readonly workspaceId: string;
  readonly role: Role;
}

/** The settings in force, as GET /api/admin/sso answers (never the secret). */
export interface SsoSettingsView {
  readonly issuer: string;
  readonly clientId: string;
  readonly providerName: string;
  readonly allowedDomains: readonly string[];
  readonly accounts: AccountMode;
  readonly groupClaim: string;
  readonly groupRoles: readonly GroupRole[];
  readonly passwordSignIn: boolean;
}

export interface SsoAdminView {
  readonly settings: SsoSettingsView | null;
  readonly clientSecret: 'set' | 'not_set' | 'unreadable';
  readonly redirectUri: string;
  /** The fields the environment sets: read-only here. */
  readonly fromEnvironment: readonly SettingField[];
  readonly environmentVariables: readonly string[];
}

/** What PUT /api/admin/sso takes; `clientSecret` left out keeps the one set, null removes it. */
export interface SsoSettingsBody extends SsoSettingsView {
  readonly clientSecret?: string | null;
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly acceptedAt: string | null;
}

export interface WorkspaceChoice {
  readonly id: string;
  readonly name: string;
  readonly archivedAt: string | null;
}

const call = callJson;

export const ssoAdminApi = (csrf: string) => ({
  read: () => call<SsoAdminView>('GET', '/api/admin/sso'),
  save: (body: SsoSettingsBody) => call<SsoAdminView>('PUT', '/api/admin/sso', csrf, body),
  invitations: () => call<{ invitations: Invitation[] }>('GET', '/api/admin/sso/invitations'),
  invite: (input: { email: string; workspaceId: string; role: Role }) =>
    call<{ invitation: Invitation }>('POST', '/api/admin/sso/invitations', csrf, input),
  withdraw: (id: string) =>
    call<null>('DELETE', `/api/admin/sso/invitations/${encodeURIComponent(id)}`, csrf),
  workspaces: () => call<{ items: WorkspaceChoice[] }>('GET', '/api/admin/workspaces'),
});
