import { callJson } from '../api/call-json';

/** The periods, in days, of `GET /api/workspaces/{ws}/retention` (issue 12 item 4). */
export const retentionPeriods = ['deletedJourneys', 'datasets', 'rawUploads', 'audit', 'history'] as const;
export type RetentionPeriod = (typeof retentionPeriods)[number];
export type RetentionDays = Record<RetentionPeriod, number>;

export interface RetentionSettings {
  readonly days: RetentionDays;
  readonly usingDefaults: boolean;
  readonly defaults: RetentionDays;
  readonly bounds: Record<RetentionPeriod, { readonly min: number; readonly max: number }>;
  readonly updatedAt: string | null;
}

const path = (ws: string) => `/api/workspaces/${encodeURIComponent(ws)}`;

const call = callJson;

export const readRetention = (ws: string) => call<RetentionSettings>('GET', `${path(ws)}/retention`);

export const saveRetention = (ws: string, days: RetentionDays, csrfToken: string) =>
  call<RetentionSettings>('PUT', `${path(ws)}/retention`, csrfToken, days);

/** The address of the workspace's export, its README in `locale`. */
export const exportUrl = (ws: string, locale: string) => `${path(ws)}/export?locale=${locale}`;

export const deleteWorkspace = (ws: string, confirmName: string, csrfToken: string) =>
  call<{ deleted: Record<string, number> }>('DELETE', path(ws), csrfToken, { confirmName });
