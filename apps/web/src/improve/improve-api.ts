import type { Journey, JourneyCommand } from '@waymark/core';
import type { AlignmentRow, CompareLogs, Comparison } from '@waymark/measure';
import { toApiError } from '../api/api-error';
import { getLocale } from '../i18n';
import type { JourneyListItem } from './journey-choice';

export type ArtifactKind = 'business-case' | 'indicators' | 'sampling-study';

export interface Artifact<T> {
  readonly kind: ArtifactKind;
  readonly id: string;
  readonly version: number;
  readonly data: T;
  readonly updatedAt: string;
  readonly updatedBy: { readonly id: string; readonly name: string } | null;
}

export interface Pairing {
  readonly desired: string;
  readonly current: string | null;
}

const enc = encodeURIComponent;
const journeyPath = (ws: string, id: string) => `/api/workspaces/${enc(ws)}/journeys/${enc(id)}`;
let csrfToken: string | null = null;

export async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    // The session's CSRF token, asked of /api/auth/me once (the app's own client keeps its copy private).
    csrfToken ??= (await call<{ csrfToken: string }>('GET', '/api/auth/me')).csrfToken;
    headers['x-csrf-token'] = csrfToken;
  }
  if (body !== undefined) headers['content-type'] = contentType;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  } catch {
    throw toApiError(0, null);
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch {
    json = text;
  }
  if (res.status === 403 && (json as { error?: { code?: string } } | null)?.error?.code === 'csrf_failed')
    csrfToken = null;
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

/** Compare's options beside the pairings: cost model, price year and each side's event log. */
export interface CompareOptions {
  readonly costModel?: string;
  readonly priceYear?: string;
  readonly currentLog?: string;
  readonly desiredLog?: string;
}

/** The HTTP calls of the Improve pages. */
export const improveApi = {
  journey: (ws: string, id: string) =>
    call<{ id: string; version: number; journey: Journey }>('GET', journeyPath(ws, id)),
  journeys: (ws: string) => call<{ items: JourneyListItem[] }>('GET', `/api/workspaces/${enc(ws)}/journeys`),
  sendCommands: (ws: string, id: string, baseVersion: number, commands: readonly JourneyCommand[]) =>
    call<{ version: number; journey: Journey }>('POST', `${journeyPath(ws, id)}/commands`, {
      baseVersion,
      commands,
    }),
  compare: (
    ws: string,
    current: string,
    desired: string,
    pairs: readonly Pairing[],
    confirm: readonly string[] | 'all',
    /**
     * A cost model and price year other than the workspace's default (issue 13 item 2), and the event logs
     * (dataset ids) whose figures are set beside each map's (issue 13 items 1, 4, 5).
     */
    costs: CompareOptions = {},
  ) =>
    call<{ comparison: Comparison; alignment: AlignmentRow[]; logs: CompareLogs | null }>(
      'POST',
      `/api/workspaces/${enc(ws)}/compare`,
      {
        current,
        desired,
        pairs,
        confirm,
        ...costs,
      },
    ),
  compareUrl: (
    ws: string,
    current: string,
    desired: string,
    format: 'md' | 'html' | 'csv' | 'pdf',
    pairs: readonly Pairing[],
    confirm: readonly string[],
    costs: CompareOptions = {},
  ) => {
    // The report's own words in the person's language (issue 11, item 10), as the business case's downloads.
    const q = new URLSearchParams({ current, desired, format, locale: getLocale() });
    if (pairs.length > 0) q.set('pairs', pairs.map((p) => `${p.desired}:${p.current ?? ''}`).join(','));
    if (confirm.length > 0) q.set('confirm', confirm.join(','));
    if (costs.costModel) q.set('costModel', costs.costModel);
    if (costs.priceYear) q.set('priceYear', costs.priceYear);
    if (costs.currentLog) q.set('currentLog', costs.currentLog);
    if (costs.desiredLog) q.set('desiredLog', costs.desiredLog);
    return `/api/workspaces/${enc(ws)}/compare?${q}`;
  },
  artifacts: <T>(ws: string, id: string, kind: ArtifactKind) =>
    call<{ items: Artifact<T>[] }>('GET', `${journeyPath(ws, id)}/artifacts/${kind}`),
  saveArtifact: <T>(
    ws: string,
    id: string,
    kind: ArtifactKind,
    artifactId: string,
    baseVersion: number,
    data: T,
  ) =>
    call<Artifact<T>>('PUT', `${journeyPath(ws, id)}/artifacts/${kind}/${enc(artifactId)}`, {
      baseVersion,
      data,
    }),
  indicatorsFromLog: <T>(
    ws: string,
    id: string,
    artifactId: string,
    period: string,
    baseVersion: number,
    csv: string,
  ) =>
    call<{ artifact: Artifact<T>; recorded: string[]; figures: Record<string, number> }>(
      'POST',
      `${journeyPath(ws, id)}/artifacts/indicators/${enc(artifactId)}/from-log?period=${enc(period)}&baseVersion=${baseVersion}`,
      csv,
      'text/csv',
    ),
  /** The report's own words (titles, figure names) come in `locale` (en or cy). */
  businessCaseJson: <T>(ws: string, id: string, artifactId: string, locale: string) =>
    call<T>(
      'GET',
      `${journeyPath(ws, id)}/business-case/${enc(artifactId)}/export?format=json&locale=${enc(locale)}`,
    ),
  businessCaseUrl: (
    ws: string,
    id: string,
    artifactId: string,
    format: 'html' | 'csv' | 'pdf',
    locale: string,
  ) =>
    `${journeyPath(ws, id)}/business-case/${enc(artifactId)}/export?format=${format}&locale=${enc(locale)}`,
};
