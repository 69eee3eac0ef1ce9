import { toApiError } from '../api/api-error';

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

async function call<T>(method: string, path: string, csrfToken?: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken !== undefined) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw toApiError(0, null);
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json);
  return json as T;
}

export const readToken = () => call<TokenStatus>('GET', '/api/scim/token');
export const makeToken = (csrf: string) =>
  call<TokenStatus & { secret: string }>('POST', '/api/scim/token', csrf);
export const revokeToken = (csrf: string) => call<null>('DELETE', '/api/scim/token', csrf);
export const readGroups = () => call<{ groups: GroupRoles[] }>('GET', '/api/scim/groups');
export const saveGroupRoles = (groupId: string, roles: GroupRoles['roles'], csrf: string) =>
  call<unknown>('PUT', `/api/scim/groups/${encodeURIComponent(groupId)}/roles`, csrf, { roles });
