import { toApiError } from '../api/api-error';

/** The organisation's parts of the legal pages, as `GET /api/legal/{page}` answers them. */
export interface Bilingual {
  readonly en: string;
  readonly cy: string;
}
export interface AccessibilitySettings {
  readonly organisationName: Bilingual;
  readonly contactEmail: string;
  readonly contactPhone: string;
  readonly responseDays: number | null;
  readonly knownIssues: Bilingual;
  readonly preparedOn: string;
  readonly reviewedOn: string;
}
export interface PrivacySettings {
  readonly controllerName: Bilingual;
  readonly controllerAddress: Bilingual;
  readonly controllerEmail: string;
  readonly dpoName: string;
  readonly dpoEmail: string;
  readonly lawfulBasis: Bilingual;
  readonly recipients: Bilingual;
  readonly retention: Bilingual;
  readonly transfers: Bilingual;
  readonly reviewedOn: string;
}
export interface LegalSettings {
  readonly accessibility: AccessibilitySettings;
  readonly privacy: PrivacySettings;
}
export type LegalPageName = keyof LegalSettings;
export interface Stored<T> {
  readonly settings: T;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
  /** The caller is an instance administrator and may change the page. */
  readonly canEdit?: boolean;
}

async function call<T>(method: 'GET' | 'PUT', path: string, csrfToken?: string, body?: unknown): Promise<T> {
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
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json);
  return json as T;
}

/** Anyone may read them, signed in or not. */
export const readLegal = <P extends LegalPageName>(page: P) =>
  call<Stored<LegalSettings[P]>>('GET', `/api/legal/${page}`);

/** An instance administrator's change; the session's CSRF token comes from `/api/auth/me`. */
export const saveLegal = <P extends LegalPageName>(page: P, settings: LegalSettings[P], csrfToken: string) =>
  call<Stored<LegalSettings[P]>>('PUT', `/api/legal/${page}`, csrfToken, settings);

/** The Waymark version the server runs, for the statement. */
export const serverVersion = () => call<{ version: string }>('GET', '/api/health').then((h) => h.version);
