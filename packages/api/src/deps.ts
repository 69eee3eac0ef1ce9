import type { RenderOptions } from '@waymark/render';
import type { ImportLimits } from '@waymark/analytics';
import type { DocPath, Journey, JourneyCommand, Result } from '@waymark/core';
import type {
  AccountStore,
  DatasetStore,
  GuestStore,
  HierarchyStore,
  OpportunityStore,
  ScimStore,
  SsoStore,
  ImprovementStore,
  JourneyStore,
  Keyring,
  LibraryStore,
  RetentionStore,
  SurveyStore,
  CostModelStore,
  UserId,
  WorkshopStore,
} from '@waymark/store';
import type { Context } from 'hono';
import type { SsoSettings } from './sso/sso-config';
import type { TemplateStore } from '@waymark/store';

/** The reducer from @waymark/core: one command applied to a journey, or why it was refused. */
export type ApplyCommand = (
  journey: Journey,
  command: JourneyCommand,
) => Result<{ journey: Journey; inverse: JourneyCommand }, { code: string; message: string; path: DocPath }>;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** An export format beyond JSON and YAML (SVG, Mermaid, Markdown, CSV), registered by the composition root. */
export interface Exporter {
  readonly mediaType: string;
  readonly extension: string;
  /** `options`: the renderer's language and the content languages shown (decision 0023); JSON/YAML ignore it. */
  render(journey: Journey, options?: RenderOptions): string;
}

export interface Limits {
  /** Largest JSON body, bytes. */
  readonly jsonBytes: number;
  /** Largest imported file, bytes. */
  readonly importBytes: number;
  /** Largest uploaded event log, bytes (streamed to disk, never held in memory whole). */
  readonly uploadBytes: number;
  /** Writes are refused with 507 storage_full while the data directory has less free space than this, bytes. */
  readonly minFreeBytes: number;
  /**
   * Sign-in throttling (decision 0012), per window of `signInWindowMinutes`: failures allowed per email
   * string from browsers without that person's device cookie (whether or not the account exists), per
   * browser with it, and per address from browsers without one. Past a limit: 429, never a lock-out.
   */
  readonly signInFailuresPerEmail: number;
  readonly signInFailuresPerDevice: number;
  readonly signInFailuresPerAddress: number;
  readonly signInWindowMinutes: number;
  /** How long a browser that signed in keeps its device cookie. */
  readonly deviceCookieDays: number;
  /** How long a one-time password (first start, new member, reset) works if not used. */
  readonly oneTimePasswordDays: number;
  readonly sessionHours: number;
  /** How long a deleted journey can be brought back. */
  readonly undeleteDays: number;
}

export const defaultLimits: Limits = {
  jsonBytes: 1024 * 1024,
  importBytes: 20 * 1024 * 1024,
  uploadBytes: 1024 * 1024 * 1024,
  minFreeBytes: 128 * 1024 * 1024,
  signInFailuresPerEmail: 5,
  signInFailuresPerDevice: 10,
  signInFailuresPerAddress: 30,
  signInWindowMinutes: 15,
  deviceCookieDays: 180,
  oneTimePasswordDays: 7,
  sessionHours: 12,
  undeleteDays: 30,
};

/** Everything the API touches, passed in: storage, time, ids, randomness, hashing and the reducer. */
export interface ApiDeps {
  readonly accounts: AccountStore;
  readonly journeys: JourneyStore;
  /** Business cases, indicators and sampling studies (issue 6); without it those routes answer 503. */
  readonly improvements?: ImprovementStore;
  /** Workshop facilitation per journey (decision 0014); without it workshops are off and nothing is locked. */
  readonly workshops?: WorkshopStore;
  /** Event logs (issue 5); without it those routes answer 503. */
  readonly datasets?: DatasetDeps;
  /** Workshop links and their guests (decision 0015); without it those routes answer 503 and nobody is a guest. */
  readonly guests?: GuestStore;
  /** Retention periods, the purge and workspace deletion (issue 12 item 4); without it those routes answer 503. */
  readonly retention?: RetentionStore;
  /** Survey evidence on journey steps (issue 13 item 3, decision 0033); without it those routes answer 503. */
  readonly surveys?: SurveyStore;
  /** Workspace cost models and the loaded GDP deflator (issue 13 item 2); without it those routes answer 503. */
  readonly costs?: CostModelStore;
  /** Journey summaries, search and reviews (issue 14, items 3, 4 and 6; decision 0035); without it those routes answer 503. */
  readonly library?: LibraryStore;
  /** Journeys within journeys and step links (issue 14, decision 0034); without it those routes answer 503. */
  readonly hierarchy?: HierarchyStore;
  /** Opportunities across journeys (issue 14, decision 0034); without it those routes answer 503. */
  readonly opportunities?: OpportunityStore;
  /** Workspace templates and copied maps' provenance (issue 14 item 5, decision 0036); without it those routes answer 503. */
  readonly templates?: TemplateStore;
  /** Provisioning by SCIM (decision 0026); without it /scim/v2 answers 503. */
  readonly scim?: ScimStore;
  /** Sign-in through an OpenID Connect provider (decision 0029); without it single sign-on is off. */
  readonly sso?: SsoDeps;
  readonly database: 'pglite' | 'postgres';
  readonly version: string;
  readonly clock: () => Date;
  /** A new unique id (users, workspaces, comments, tokens, share links). */
  readonly newId: () => string;
  readonly randomBytes: (size: number) => Uint8Array;
  readonly passwords: PasswordHasher;
  readonly applyCommand: ApplyCommand;
  /** The caller's address, for sign-in rate limits and the audit log. */
  readonly clientIp?: (c: Context) => string;
  /**
   * Free bytes where the server keeps its data (the embedded database and uploads), or null when unknown.
   * Without it (or with null) writes are not checked in advance; a full disk still answers 507.
   */
  readonly freeSpace?: () => Promise<number | null>;
  readonly exporters?: Readonly<Record<string, Exporter>>;
  readonly limits?: Partial<Limits>;
  /** Called once when the first administrator is created through /api/setup. */
  readonly onFirstUser?: (userId: UserId) => Promise<void>;
}

/** What the dataset routes need: the store, the keyring of pseudonymisation keys, and a directory for uploads. */
export interface DatasetDeps {
  readonly store: DatasetStore;
  readonly keyring: Keyring;
  /** Uploads wait here between the upload and the analysis; they are removed after it, or after a day. */
  readonly uploadDir: string;
  /** What an import may read and keep (default `defaultImportLimits` of @waymark/analytics). */
  readonly importLimits?: ImportLimits;
  /** Imports at once, each one's memory ceiling, and when an unwatched one is abandoned (dataset-jobs.ts). */
  readonly importJobs?: Partial<{
    concurrency: number;
    memoryMb: number;
    abandonSeconds: number;
    perPerson: number;
    nice: number;
  }>;
}

/** What single sign-on needs (decision 0029): its store, the environment's settings, and (tests) a fetch. */
export interface SsoDeps {
  readonly store: SsoStore;
  /** WAYMARK_OIDC_* as read by `readSsoEnvironment`; the administrator's saved settings replace them. */
  readonly environment?: Partial<SsoSettings>;
  /** How the server calls the provider (tests send Entra ID's addresses to a provider on loopback). */
  readonly fetch?: (url: string, init: RequestInit) => Promise<Response>;
}
