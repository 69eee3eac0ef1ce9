import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createArgon2Hasher, type PasswordHasher } from '@waymark/api';
import { createTranslator } from '@waymark/i18n';
import { helpLocale } from '@waymark/i18n/help';
import type { Stores } from '@waymark/store';
import { readConfig } from './config';
import { lockDataDir } from './data-dir-lock';
import { openDatabase } from './start-up-causes';

export interface ResetCaps {
  readonly clock: () => Date;
  readonly randomBytes: (size: number) => Uint8Array;
  readonly passwords: PasswordHasher;
  readonly oneTimePasswordDays: number;
}

export type ResetResult =
  | { readonly ok: true; readonly email: string; readonly password: string; readonly expiresAt: string }
  | {
      readonly ok: false;
      /** Why not, as the catalogue's id and values: the script says it in the operator's language. */
      readonly problem: {
        readonly id: 'server.resetPassword.noAccount';
        readonly values: { readonly email: string };
      };
    };

/**
 * The server operator's way back in (decision 0012): gives the account with this email a new one-time
 * password, ends its sessions, and records it in the audit log of each of its workspaces. For a forgotten
 * first-start password, or a person no owner may reset (they belong to workspaces with different owners).
 */
export async function resetPassword(stores: Stores, caps: ResetCaps, email: string): Promise<ResetResult> {
  const user = await stores.accounts.findUserByEmail(email);
  if (!user) return { ok: false, problem: { id: 'server.resetPassword.noAccount', values: { email } } };
  const now = caps.clock();
  const password = Buffer.from(caps.randomBytes(15)).toString('base64url');
  const expiresAt = new Date(now.getTime() + caps.oneTimePasswordDays * 86_400_000).toISOString();
  await stores.accounts.setPassword(user.id, await caps.passwords.hash(password), now.toISOString(), {
    oneTimeUntil: expiresAt,
  });
  await stores.accounts.deleteSessionsOf(user.id);
  const workspaces = await stores.accounts.listWorkspacesOf(user.id);
  for (const ws of workspaces.length > 0 ? workspaces.map((w) => w.id) : [null])
    await stores.accounts.appendAudit({
      workspaceId: ws,
      actorId: null,
      action: 'password.reset_by_operator',
      target: user.id,
      detail: { email: user.email, expiresAt },
      ip: null,
      at: now.toISOString(),
    });
  return { ok: true, email: user.email, password, expiresAt };
}

/**
 * `npm run reset-password -- name@example.org`, on the server, with the server's environment; it speaks the
 * language of WAYMARK_LANG, LC_ALL or LANG, as `npm start` does.
 */
async function main(argv: readonly string[]): Promise<number> {
  const { t } = createTranslator(helpLocale(process.env));
  const cannot = (problem: string) => console.error(t('server.resetPassword.cannot', { problem }));
  const email = argv[0];
  if (!email || argv.length !== 1) {
    console.error(t('server.resetPassword.usage'));
    return 2;
  }
  const config = readConfig(process.env, process.cwd());
  if ('error' in config) {
    cannot(t(config.error.id, config.error.values));
    return 2;
  }
  // The embedded database has one user at a time: stop Waymark first (the lock says so if it is running).
  const lock = config.databaseUrl === null ? lockDataDir(config.dataDir) : null;
  if (lock && 'error' in lock) {
    cannot(t(lock.error.id, lock.error.values));
    return 1;
  }
  const opened = await openDatabase(config);
  if ('problem' in opened) {
    lock?.release();
    cannot(t(opened.problem.id, opened.problem.values));
    return 1;
  }
  const { stores } = opened;
  try {
    const result = await resetPassword(
      stores,
      {
        clock: () => new Date(),
        randomBytes: (size) => new Uint8Array(randomBytes(size)),
        passwords: createArgon2Hasher(),
        oneTimePasswordDays: config.oneTimePasswordDays,
      },
      email,
    );
    if (!result.ok) {
      cannot(t(result.problem.id, result.problem.values));
      return 1;
    }
    console.log(
      [
        t('server.resetPassword.done', { email: result.email, password: result.password }),
        t('server.resetPassword.until', { until: result.expiresAt.slice(0, 16).replace('T', ' ') }),
        t('server.resetPassword.sessionsEnded'),
      ].join('\n'),
    );
    return 0;
  } finally {
    await stores.close();
    lock?.release();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await main(process.argv.slice(2));
