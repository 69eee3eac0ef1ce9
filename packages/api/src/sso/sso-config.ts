import { roles, type Role, type SsoStore } from '@waymark/store';
import { z } from 'zod';

/** How accounts come to exist on first sign-in through the provider. */
export const accountModes = ['just_in_time', 'invitation'] as const;
export type AccountMode = (typeof accountModes)[number];

/** A group in the provider's group claim gives its members this role in this workspace. */
export interface GroupRole {
  readonly group: string;
  readonly workspaceId: string;
  readonly role: Role;
}

/** Single sign-on's settings (decision 0029): from the environment, the rest from the admin page. */
export interface SsoSettings {
  /** The issuer whose /.well-known/openid-configuration is read; Entra multi-tenant: …/organizations/v2.0. */
  readonly issuer: string;
  readonly clientId: string;
  /** Never shown back; null for a public client (PKCE only). */
  readonly clientSecret: string | null;
  /** Said on the sign-in page: "Sign in with <providerName>". */
  readonly providerName: string;
  /** Lower-case domains people's email addresses must be in; empty lets any address in. */
  readonly allowedDomains: readonly string[];
  readonly accounts: AccountMode;
  /** The ID token claim that lists the person's groups (Entra ID: "groups"). */
  readonly groupClaim: string;
  readonly groupRoles: readonly GroupRole[];
  /** Whether people may still sign in with a Waymark password (instance administrators always may). */
  readonly passwordSignIn: boolean;
}

/** The environment's part: WAYMARK_OIDC_ISSUER and WAYMARK_OIDC_CLIENT_ID turn single sign-on on. */
export type SsoEnvironment = Partial<SsoSettings>;

const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The name said on the button when none is given: the provider people know, else the issuer's host. */
export function defaultProviderName(issuer: string): string {
  try {
    const host = new URL(issuer).hostname;
    if (host === 'login.microsoftonline.com') return 'Microsoft';
    if (host === 'accounts.google.com') return 'Google';
    return host;
  } catch {
    return issuer;
  }
}

const issuerSchema = z
  .string()
  .trim()
  .max(500)
  .refine(
    (text) => {
      try {
        const url = new URL(text);
        return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
      } catch {
        return false;
      }
    },
    {
      message:
        'expected the issuer as an https:// address, like https://login.microsoftonline.com/<tenant>/v2.0',
    },
  );

/** http is allowed only to this computer (tests, a provider on the same machine). */
export const isLoopback = (hostname: string): boolean =>
  hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]' || hostname === '::1';

const domainsSchema = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(domainPattern, { message: 'expected a domain like council.gov.uk (no @, no spaces)' }),
  )
  .max(100);

/** What an instance administrator saves (PUT /api/admin/sso); the secret is kept when left out. */
export const ssoSettingsBody = z.strictObject({
  issuer: issuerSchema,
  clientId: z.string().trim().min(1, { message: 'expected the client (application) id' }).max(300),
  /** Left out: keep the one stored. Null: remove it. */
  clientSecret: z.string().min(1).max(500).nullable().optional(),
  providerName: z.string().trim().max(80),
  allowedDomains: domainsSchema,
  accounts: z.enum(accountModes),
  groupClaim: z.string().trim().min(1).max(100),
  groupRoles: z
    .array(
      z.strictObject({
        group: z.string().trim().min(1).max(300),
        workspaceId: z.string().min(1).max(200),
        role: z.enum(roles),
      }),
    )
    .max(500),
  passwordSignIn: z.boolean(),
});
export type SsoSettingsBody = z.infer<typeof ssoSettingsBody>;

/**
 * What is wrong with a WAYMARK_OIDC_* variable: in English (`error`), and as a code and values for whoever says it
 * in the reader's language (the server's start-up words).
 */
export interface SsoEnvironmentError {
  readonly error: string;
  readonly code: 'issuer' | 'bothOrNeither' | 'allowedDomains' | 'accounts';
  readonly values: Readonly<Record<string, string>>;
}

/** Single sign-on's settings read from environment variables, or what is wrong with one of them. */
export function readSsoEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): SsoEnvironment | SsoEnvironmentError {
  const issuer = env['WAYMARK_OIDC_ISSUER']?.trim() || undefined;
  const clientId = env['WAYMARK_OIDC_CLIENT_ID']?.trim() || undefined;
  const out: Record<string, unknown> = {};
  if (issuer !== undefined) {
    if (!issuerSchema.safeParse(issuer).success)
      return {
        error: `WAYMARK_OIDC_ISSUER must be an https:// address (the provider's issuer), not "${issuer}"`,
        code: 'issuer',
        values: { value: issuer },
      };
    out['issuer'] = issuer;
  }
  if (clientId !== undefined) out['clientId'] = clientId;
  if ((issuer === undefined) !== (clientId === undefined))
    return {
      error: 'set both WAYMARK_OIDC_ISSUER and WAYMARK_OIDC_CLIENT_ID, or neither',
      code: 'bothOrNeither',
      values: {},
    };
  const secret = env['WAYMARK_OIDC_CLIENT_SECRET'];
  if (secret) out['clientSecret'] = secret;
  const name = env['WAYMARK_OIDC_NAME']?.trim();
  if (name) out['providerName'] = name.slice(0, 80);
  const domainsText = env['WAYMARK_OIDC_ALLOWED_DOMAINS'];
  if (domainsText !== undefined && domainsText.trim() !== '') {
    const parsed = domainsSchema.safeParse(
      domainsText
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    );
    if (!parsed.success)
      return {
        error: `WAYMARK_OIDC_ALLOWED_DOMAINS must be domains separated by commas, like council.gov.uk,nhs.net, not "${domainsText}"`,
        code: 'allowedDomains',
        values: { value: domainsText },
      };
    out['allowedDomains'] = parsed.data;
  }
  const mode = env['WAYMARK_OIDC_ACCOUNTS'];
  if (mode !== undefined && mode !== '') {
    if (!(accountModes as readonly string[]).includes(mode))
      return {
        error: `WAYMARK_OIDC_ACCOUNTS must be just_in_time or invitation, not "${mode}"`,
        code: 'accounts',
        values: { value: mode },
      };
    out['accounts'] = mode;
  }
  return out as SsoEnvironment;
}

/** The settings in force, and where the client secret stands (never the secret itself, for the page). */
export interface EffectiveSso {
  readonly settings: SsoSettings | null;
  /** `unreadable`: a secret is saved but does not open with this server's key (it must be entered again). */
  readonly secret: 'set' | 'not_set' | 'unreadable';
  /** Why the saved secret cannot be read, for the server's log and the administrator. */
  readonly secretProblem: string | null;
}

/**
 * The settings in force (decision 0029): what the environment sets wins and is read-only on the admin page;
 * the administrator's saved settings give the rest; defaults fill what neither says. `settings` is null when
 * single sign-on is not set up.
 */
export async function effectiveSso(
  store: SsoStore | undefined,
  env: SsoEnvironment | undefined,
): Promise<EffectiveSso> {
  const saved = store ? await store.getSettings() : null;
  const fields = (saved?.fields ?? {}) as { -readonly [K in keyof SsoSettings]?: SsoSettings[K] };
  const set = Object.fromEntries(Object.entries(env ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...fields, ...set } as { -readonly [K in keyof SsoSettings]?: SsoSettings[K] };
  let secretProblem: string | null = null;
  if (env?.clientSecret) merged.clientSecret = env.clientSecret;
  else {
    const secret = saved?.secret ?? { state: 'none' };
    merged.clientSecret = secret.state === 'set' ? secret.value : null;
    if (secret.state === 'unreadable') secretProblem = secret.reason;
  }
  const secret = merged.clientSecret ? 'set' : secretProblem ? 'unreadable' : 'not_set';
  if (!merged.issuer || !merged.clientId) return { settings: null, secret, secretProblem };
  return {
    settings: {
      issuer: merged.issuer,
      clientId: merged.clientId,
      clientSecret: merged.clientSecret ?? null,
      providerName: merged.providerName || defaultProviderName(merged.issuer),
      allowedDomains: merged.allowedDomains ?? [],
      accounts: merged.accounts ?? 'just_in_time',
      groupClaim: merged.groupClaim || 'groups',
      groupRoles: merged.groupRoles ?? [],
      passwordSignIn: merged.passwordSignIn ?? true,
    },
    secret,
    secretProblem,
  };
}

/** The settings in force, or null when single sign-on is not set up. */
export async function effectiveSettings(
  store: SsoStore | undefined,
  env: SsoEnvironment | undefined,
): Promise<SsoSettings | null> {
  return (await effectiveSso(store, env)).settings;
}

/** Saves the administrator's settings, the secret sealed; a left-out secret keeps the one saved before. */
export async function saveSettings(store: SsoStore, body: SsoSettingsBody): Promise<void> {
  const { clientSecret, ...fields } = body;
  await store.putSettings(fields, clientSecret);
}

/** The environment variable that sets each field, for the admin page to say which are read-only. */
export const environmentVariables: Readonly<Record<keyof SsoSettings, string | null>> = {
  issuer: 'WAYMARK_OIDC_ISSUER',
  clientId: 'WAYMARK_OIDC_CLIENT_ID',
  clientSecret: 'WAYMARK_OIDC_CLIENT_SECRET',
  providerName: 'WAYMARK_OIDC_NAME',
  allowedDomains: 'WAYMARK_OIDC_ALLOWED_DOMAINS',
  accounts: 'WAYMARK_OIDC_ACCOUNTS',
  groupClaim: null,
  groupRoles: null,
  passwordSignIn: null,
};
