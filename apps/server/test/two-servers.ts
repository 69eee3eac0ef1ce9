import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgSql } from '@waymark/store';
import { adminSession, signInAs } from './live-session';
import { CHOSEN_PASSWORD, startServerProcess, type ServerProcess } from './server-process';

export interface TwoServers {
  readonly a: ServerProcess;
  readonly b: ServerProcess;
  /** The administrator, signed in on `b` (first signed in on `a`, choosing their own password). */
  readonly session: Awaited<ReturnType<typeof signInAs>>;
  /** Stops whichever of the two still runs, and drops the schema and the keyring. */
  stop(): Promise<void>;
}

/**
 * Two server processes on one PostgreSQL (`url`), in a schema of their own named `<prefix>_<random>` and with
 * one keyring, as several servers behind a load balancer would be.
 */
export async function startTwoServers(url: string, prefix: string): Promise<TwoServers> {
  const schema = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = await createPgSql({ connectionString: url, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const databaseUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const keyring = mkdtempSync(join(tmpdir(), 'waymark-keyring-'));
  const env = { DATABASE_URL: databaseUrl, WAYMARK_KEYRING: keyring };
  const a = await startServerProcess(env);
  const b = await startServerProcess(env);
  await adminSession(a);
  const session = await signInAs(b.url, 'admin@waymark.local', CHOSEN_PASSWORD);
  return {
    a,
    b,
    session,
    async stop() {
      for (const p of [a, b]) {
        if (p.child.exitCode === null && p.child.signalCode === null) {
          p.child.kill('SIGTERM');
          await p.exited;
        }
      }
      rmSync(keyring, { recursive: true, force: true });
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
