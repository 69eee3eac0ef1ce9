import { resolve } from 'node:path';
import { readSsoEnvironment, type SsoEnvironment, type SsoEnvironmentError } from '@waymark/api';
import type { MessageId } from '@waymark/i18n';
import { readImportConfig, type ImportConfig } from './import-config';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite's directory (ignored when `databaseUrl` is set). */
  readonly dataDir: string;
  readonly databaseUrl: string | null;
  /** The administrator created on first start. */
  readonly adminEmail: string;
  /** Where the built web app is, if it has been built. */
  readonly webDist: string;
  readonly examplesDir: string;
  /** Pseudonymisation keys, one file per workspace, outside the database (WAYMARK_KEYRING, or keyring/ in the data directory). */
  readonly keyringDir: string;
  /** Uploaded event logs wait here until they are analysed. */
  readonly uploadDir: string;
  /** Largest event log accepted, bytes (WAYMARK_UPLOAD_LIMIT_MB, default 1024). */
  readonly uploadBytes: number;
  /** Limits of dataset imports and their jobs (import-config.ts). */
  readonly imports: ImportConfig;
  /** How long a one-time password works if not used (WAYMARK_ONE_TIME_PASSWORD_DAYS, 1 to 90, default 7). */
  readonly oneTimePasswordDays: number;
  /** Writes are refused (507) while the data directory has less free space, bytes (WAYMARK_MIN_FREE_MB, default 128). */
  readonly minFreeBytes: number;
  /** Single sign-on from WAYMARK_OIDC_ISSUER and WAYMARK_OIDC_CLIENT_ID (and the optional WAYMARK_OIDC_*); decision 0029. */
  readonly sso?: SsoEnvironment;
}

/** The catalogue's words for each problem single sign-on's variables can have. */
const ssoProblems = {
  issuer: 'server.config.ssoIssuer',
  bothOrNeither: 'server.config.ssoBothOrNeither',
  allowedDomains: 'server.config.ssoAllowedDomains',
  accounts: 'server.config.ssoAccounts',
} as const satisfies Record<SsoEnvironmentError['code'], ConfigProblem['id']>;

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

/**
 * What is wrong with a setting, as the catalogue's id and values (`server.config.*`): the start-up scripts say it
 * in the operator's language (the import limits' and single sign-on's problems too, in the words they always had).
 */
export interface ConfigProblem {
  readonly id: Extract<MessageId, `server.config.${string}`>;
  readonly values: Readonly<Record<string, string>>;
}

/** The server's settings from the environment, or the problem naming the variable that is wrong. */
export function readConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ServerConfig | { error: ConfigProblem } {
  const problem = (id: ConfigProblem['id'], values: Record<string, string> = {}) => ({
    error: { id, values },
  });
  const portText = env['PORT'] ?? '5170';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535)
    return problem('server.config.port', { value: portText });
  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl))
    return problem('server.config.databaseUrl');
  const limitText = env['WAYMARK_UPLOAD_LIMIT_MB'] ?? '1024';
  if (!/^\d+$/.test(limitText) || Number(limitText) < 1)
    return problem('server.config.uploadLimit', { value: limitText });
  const minFreeText = env['WAYMARK_MIN_FREE_MB'] ?? '128';
  if (!/^\d+$/.test(minFreeText)) return problem('server.config.minFree', { value: minFreeText });
  const daysText = env['WAYMARK_ONE_TIME_PASSWORD_DAYS'] ?? '7';
  if (!/^\d+$/.test(daysText) || Number(daysText) < 1 || Number(daysText) > 90)
    return problem('server.config.oneTimePasswordDays', { value: daysText });
  const imports = readImportConfig(env);
  if ('error' in imports) return imports;
  const sso = readSsoEnvironment(env);
  if ('error' in sso) return problem(ssoProblems[sso.code], sso.values);
  const dataDir = resolve(cwd, env['WAYMARK_DATA'] || './waymark-data');
  return {
    port,
    host: env['HOST'] || '127.0.0.1',
    dataDir,
    keyringDir: env['WAYMARK_KEYRING'] ? resolve(cwd, env['WAYMARK_KEYRING']) : resolve(dataDir, 'keyring'),
    uploadDir: resolve(dataDir, 'uploads'),
    uploadBytes: Number(limitText) * 1024 * 1024,
    imports,
    oneTimePasswordDays: Number(daysText),
    minFreeBytes: Number(minFreeText) * 1024 * 1024,
    sso,
    databaseUrl,
    adminEmail: env['WAYMARK_ADMIN_EMAIL'] || 'admin@waymark.local',
    webDist: resolve(repoRoot, 'apps/web/dist'),
    examplesDir: resolve(repoRoot, 'examples'),
  };
}
