import { callJson } from '../api/call-json';

export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
export interface TokenInfo {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: { readonly id: string; readonly name: string } | null;
  readonly lastUsedAt: string | null;
}
export interface TokenStatus {
  readonly endpoint: string;
  readonly token: TokenInfo | null;
}
export interface GroupRoles {
  readonly id: string;
  readonly displayName: string;
  readonly externalId: string | null;
  readonly memberCount: number;
  readonly roles: readonly { readonly workspaceId: string; readonly role: Role }[];
}

const call = callJson;

export const readToken = () => call<TokenStatus>('GET', '/api/scim/token');
export const makeToken = (csrf: string) =>
  call<TokenStatus & { secret: string }>('POST', '/api/scim/token', csrf);
export const revokeToken = (csrf: string) => call<null>('DELETE', '/api/scim/token', csrf);
export const readGroups = () => call<{ groups: GroupRoles[] }>('GET', '/api/scim/groups');
export const saveGroupRoles = (groupId: string, roles: GroupRoles['roles'], csrf: string) =>
  call<unknown>('PUT', `/api/scim/groups/${encodeURIComponent(groupId)}/roles`, csrf, { roles });
