import { callJson } from '../api/call-json';

/** What the administration routes answer (packages/api/src/admin/admin-routes.ts, token-routes.ts). */
export interface AdminWorkspace {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly archivedAt: string | null;
  readonly memberCount?: number;
}
export interface SessionItem {
  readonly id: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
  readonly current: boolean;
}
export interface AuditItem {
  readonly seq: number;
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
}
export interface AuditFilters {
  readonly actor?: string;
  readonly action?: string;
  readonly target?: string;
  readonly from?: string;
  readonly to?: string;
}

const call = callJson;

/** The query string of the audit filters that are set. */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra }))
    if (typeof value === 'string' && value.trim() !== '') params.set(key, value.trim());
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

const wsPath = (ws: string) => `/api/workspaces/${encodeURIComponent(ws)}`;

/** The administration API, with the session's CSRF token for changes. */
export const adminApi = (csrfToken: string) => ({
  workspaces: () => call<{ items: AdminWorkspace[] }>('GET', '/api/admin/workspaces', csrfToken),
  createWorkspace: (input: { name: string; ownerEmail?: string }) =>
    call<AdminWorkspace>('POST', '/api/admin/workspaces', csrfToken, input),
  changeWorkspace: (id: string, change: { name?: string; archived?: boolean }) =>
    call<AdminWorkspace>('PATCH', `/api/admin/workspaces/${encodeURIComponent(id)}`, csrfToken, change),
  sessions: () => call<{ items: SessionItem[] }>('GET', '/api/auth/sessions', csrfToken),
  endSession: (id: string) =>
    call<{ ended: true; current: boolean }>(
      'DELETE',
      `/api/auth/sessions/${encodeURIComponent(id)}`,
      csrfToken,
    ),
  endAllSessions: () => call<{ ended: number }>('DELETE', '/api/auth/sessions', csrfToken),
  audit: (ws: string, filters: AuditFilters, before?: number) =>
    call<{ items: AuditItem[]; actions: string[] }>(
      'GET',
      `${wsPath(ws)}/audit${auditQuery(filters, before ? { before: String(before), limit: '100' } : { limit: '100' })}`,
      csrfToken,
    ),
  auditCsvUrl: (ws: string, filters: AuditFilters) => `${wsPath(ws)}/audit.csv${auditQuery(filters)}`,
});
