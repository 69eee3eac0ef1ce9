import { callJson } from '../api/call-json';

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

const call = callJson;

/** Anyone may read them, signed in or not. */
export const readLegal = <P extends LegalPageName>(page: P) =>
  call<Stored<LegalSettings[P]>>('GET', `/api/legal/${page}`);

/** An instance administrator's change; the session's CSRF token comes from `/api/auth/me`. */
export const saveLegal = <P extends LegalPageName>(page: P, settings: LegalSettings[P], csrfToken: string) =>
  call<Stored<LegalSettings[P]>>('PUT', `/api/legal/${page}`, csrfToken, settings);

/** The Waymark version the server runs, for the statement. */
export const serverVersion = () => call<{ version: string }>('GET', '/api/health').then((h) => h.version);
