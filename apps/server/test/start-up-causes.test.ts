import { execFileSync, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, type TestContext } from 'vitest';
import { freePort, passwordFrom, runStart, signIn, startServerProcess } from './server-process';

/**
 * The common reasons `npm start` cannot listen or open its database, said by the real start command in the
 * operator's language: each says what to do next; any other reason is named by its code, never by a library's
 * English.
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const testDatabaseUrl = process.env['WAYMARK_TEST_DATABASE_URL'];

/**
 * Starts Waymark with `env` (PORT a free port, WAYMARK_DATA a new directory's `data` unless `env` says otherwise)
 * until it exits, as the user `as` if given; should it start after all, it is stopped as soon as it prints its
 * banner. `prepare` readies the new directory first, and may add to `env`.
 */
async function startWith(
  env: Record<string, string>,
  options: {
    as?: { uid: number; gid: number };
    prepare?: (dir: string) => Record<string, string> | void;
  } = {},
) {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-causes-'));
  try {
    const prepared = options.prepare?.(dir) ?? {};
    const run = await runStart(
      { PORT: String(await freePort()), WAYMARK_DATA: join(dir, 'data'), ...env, ...prepared },
      (child) => void child.kill('SIGTERM'),
      options.as,
    );
    return { ...run, dir };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A user who may not write what root's files are nor listen below port 1024: this one when the tests do not run
 * as root; when they do, nobody (65534), if that user may read the built server.
 */
function unprivilegedUser(): { as?: { uid: number; gid: number } } | { skip: string } {
  if (process.getuid === undefined) return { skip: 'users and file permissions are POSIX ones' };
  if (process.getuid() !== 0) return {};
  const nobody = { uid: 65534, gid: 65534 };
  const main = join(repoRoot, 'apps/server/dist/main.js');
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('node:fs').accessSync(${JSON.stringify(main)}, require('node:fs').constants.R_OK)`],
    { ...nobody, stdio: 'ignore' },
  );
  return probe.status === 0
    ? { as: nobody }
    : {
        skip: `the user nobody (65534) cannot read ${main}, so the server cannot run as an unprivileged user`,
      };
}

/** The lowest port only a privileged user may listen on (Linux; 1024 elsewhere). */
function privilegedPortsFrom(): number {
  const file = '/proc/sys/net/ipv4/ip_unprivileged_port_start';
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : 1024;
}

/** Mounts an empty read-only file system (tmpfs) on `dir`; null when mounted, or why it could not be. */
function mountReadOnly(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a read-only file system (tmpfs) needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}
const unmount = (dir: string) => execFileSync('umount', [dir], { stdio: 'pipe' });

/**
 * Runs `check` with an empty read-only file system on `dir` (the test is skipped, saying why, where none can be
 * mounted), then unmounts it and removes `made`, the temporary directory it is in.
 */
async function onReadOnly(ctx: TestContext, dir: string, made: string, check: () => Promise<void>) {
  const skipped = mountReadOnly(dir);
  try {
    if (skipped) return ctx.skip(skipped);
    await check();
  } finally {
    if (!skipped) unmount(dir);
    rmSync(made, { recursive: true, force: true });
  }
}

describe('when Waymark cannot listen', () => {
  it('given HOST=192.0.2.1, an address this machine does not have, then it says so and what to set HOST to, in English and in Welsh', async () => {
    const [english, welsh] = await Promise.all([
      startWith({ HOST: '192.0.2.1', WAYMARK_LANG: 'en' }),
      startWith({ HOST: '192.0.2.1', WAYMARK_LANG: 'cy' }),
    ]);
    expect([english.code, english.stderr]).toEqual([
      1,
      'Waymark cannot start: HOST is 192.0.2.1, which is not an address of this machine: set HOST to one of its addresses, to 0.0.0.0 to listen on all of them, or leave it unset to listen on this machine only (127.0.0.1)\n',
    ]);
    expect([welsh.code, welsh.stderr]).toEqual([
      1,
      'Ni all Waymark ddechrau: HOST yw 192.0.2.1, nad yw’n un o gyfeiriadau’r peiriant hwn: gosodwch HOST i un o’i gyfeiriadau, i 0.0.0.0 i wrando ar bob un ohonynt, neu gadewch ef heb ei osod i wrando ar y peiriant hwn yn unig (127.0.0.1)\n',
    ]);
  }, 120_000);

  it('given a HOST no name server knows, then it cannot listen on HOST:PORT, naming the code and not the library’s words', async () => {
    const port = await freePort();
    const run = await startWith({ HOST: 'no-such-host.invalid', PORT: String(port), WAYMARK_LANG: 'en' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^Waymark cannot start: cannot listen on no-such-host\\.invalid:${port} \\((ENOTFOUND|EAI_AGAIN)\\): check HOST and PORT\\n$`,
      ),
    );
  }, 120_000);

  it('given PORT=80 and a user without privileges, then it says ports below 1024 need them and to choose another', async (ctx) => {
    const unprivileged = unprivilegedUser();
    if ('skip' in unprivileged) return ctx.skip(unprivileged.skip);
    if (privilegedPortsFrom() <= 80)
      return ctx.skip('this machine lets any user listen on port 80 (net.ipv4.ip_unprivileged_port_start)');
    const run = await startWith(
      { PORT: '80', WAYMARK_LANG: 'en' },
      { ...unprivileged, prepare: (dir) => chmodSync(dir, 0o777) },
    );
    expect([run.code, run.stderr]).toEqual([
      1,
      'Waymark cannot start: port 80 is below 1024, and only an administrator may listen on such a port: set PORT to a port above 1024, such as 5170\n',
    ]);
  }, 120_000);
  it('given PORT taken by another listener on the very first start, then it says so and no administrator is made yet: the next start, on a free port, is the first start and prints a one-time password that signs in', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'waymark-causes-'));
    const data = join(dir, 'data');
    try {
      const inUse = await runStart(
        { PORT: String(port), WAYMARK_DATA: data, WAYMARK_LANG: 'en' },
        (child) => void child.kill('SIGTERM'),
      );
      expect([inUse.code, inUse.stderr]).toEqual([
        1,
        `Waymark cannot start: port ${port} is already in use: set PORT to another port\n`,
      ]);
      // Never an administrator whose one-time password was made and not shown: the operator would be locked out.
      expect(inUse.stdout).not.toMatch(/one-time password/);
      const server = await startServerProcess({ WAYMARK_DATA: data });
      try {
        expect(server.output()).toContain('First start: created the administrator and a Demo workspace');
        const password = passwordFrom(server.output());
        expect(password).not.toBe('');
        const as = await signIn(server.url, 'admin@waymark.local', password);
        expect((await as('GET', '/api/workspaces/demo/journeys')).status).toBe(200);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    } finally {
      await new Promise((resolve) => taken.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('when Waymark cannot open its database', () => {
  it('given DATABASE_URL to a port nothing listens on, then it says nothing is accepting connections there and what to do, in English and in Welsh', async () => {
    const port = await freePort();
    const databaseUrl = `postgres://waymark:secret@127.0.0.1:${port}/waymark`;
    const english = await startWith({ DATABASE_URL: databaseUrl, WAYMARK_LANG: 'en' });
    expect([english.code, english.stderr]).toEqual([
      1,
      `Waymark cannot start: nothing is accepting connections at 127.0.0.1:${port}, the PostgreSQL server DATABASE_URL names: start PostgreSQL there, or correct the host and port in DATABASE_URL\n`,
    ]);
    const welsh = await startWith({ DATABASE_URL: databaseUrl, WAYMARK_LANG: 'cy' });
    expect([welsh.code, welsh.stderr]).toEqual([
      1,
      `Ni all Waymark ddechrau: nid oes dim yn derbyn cysylltiadau yn 127.0.0.1:${port}, y gweinydd PostgreSQL a enwir yn DATABASE_URL: dechreuwch PostgreSQL yno, neu cywirwch y gwesteiwr a’r porth yn DATABASE_URL\n`,
    ]);
  });

  it('given DATABASE_URL to a port nothing listens on, when the operator resets a password, then it is said the same way, in Welsh too', async () => {
    const port = await freePort();
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !['WAYMARK_LANG', 'LC_ALL', 'LANG'].includes(name)),
    );
    const reset = spawnSync(process.execPath, ['apps/server/bin/reset-password.js', 'admin@waymark.local'], {
      cwd: repoRoot,
      env: { ...inherited, DATABASE_URL: `postgres://u:p@127.0.0.1:${port}/waymark`, WAYMARK_LANG: 'cy' },
      encoding: 'utf8',
    });
    expect([reset.status, reset.stderr]).toEqual([
      1,
      `Ni ellir ailosod y cyfrinair: nid oes dim yn derbyn cysylltiadau yn 127.0.0.1:${port}, y gweinydd PostgreSQL a enwir yn DATABASE_URL: dechreuwch PostgreSQL yno, neu cywirwch y gwesteiwr a’r porth yn DATABASE_URL\n`,
    ]);
  });

  it('given DATABASE_URL to a host no name server knows, then it says the host cannot be found', async () => {
    const run = await startWith({
      DATABASE_URL: 'postgres://waymark:secret@no-such-host.invalid:5432/waymark',
      WAYMARK_LANG: 'en',
    });
    expect([run.code, run.stderr]).toEqual([
      1,
      'Waymark cannot start: the PostgreSQL host no-such-host.invalid in DATABASE_URL cannot be found: check its spelling, and that this machine can look up host names\n',
    ]);
  });

  describe.skipIf(!testDatabaseUrl)('on PostgreSQL (WAYMARK_TEST_DATABASE_URL)', () => {
    const user = decodeURIComponent(new URL(testDatabaseUrl ?? 'postgres://x@y/z').username);

    it('given the wrong password in DATABASE_URL, then it says PostgreSQL refused it for that user (SQLSTATE 28P01), in English and in Welsh', async () => {
      const wrong = new URL(testDatabaseUrl!);
      wrong.password = 'not-the-password';
      const english = await startWith({ DATABASE_URL: wrong.href, WAYMARK_LANG: 'en' });
      expect([english.code, english.stderr]).toEqual([
        1,
        `Waymark cannot start: PostgreSQL refused the password for the user ${user}: correct the user name and password in DATABASE_URL\n`,
      ]);
      const welsh = await startWith({ DATABASE_URL: wrong.href, WAYMARK_LANG: 'cy' });
      expect([welsh.code, welsh.stderr]).toEqual([
        1,
        `Ni all Waymark ddechrau: gwrthododd PostgreSQL y cyfrinair ar gyfer y defnyddiwr ${user}: cywirwch yr enw defnyddiwr a’r cyfrinair yn DATABASE_URL\n`,
      ]);
    });

    it('given DATABASE_URL naming a database that does not exist, then it names it and says how to create it (SQLSTATE 3D000)', async () => {
      const missing = new URL(testDatabaseUrl!);
      missing.pathname = '/waymark_no_such_database';
      const run = await startWith({ DATABASE_URL: missing.href, WAYMARK_LANG: 'en' });
      expect([run.code, run.stderr]).toEqual([
        1,
        'Waymark cannot start: PostgreSQL has no database called waymark_no_such_database: create it (createdb waymark_no_such_database), or correct the database name at the end of DATABASE_URL\n',
      ]);
    });
  });

  it('given WAYMARK_DATA inside a file, then it cannot create the data directory, naming it and the code', async () => {
    let data = '';
    const run = await startWith(
      { WAYMARK_LANG: 'en' },
      {
        prepare: (dir) => {
          writeFileSync(join(dir, 'a-file'), '');
          data = join(dir, 'a-file', 'data');
          return { WAYMARK_DATA: data };
        },
      },
    );
    expect([run.code, run.stderr]).toEqual([
      1,
      `Waymark cannot start: cannot create the data directory ${data} (ENOTDIR): check that the directory it is in exists and Waymark may write there, or set WAYMARK_DATA to another directory\n`,
    ]);
  });

  it('given a data directory on a read-only file system, then it says so and to choose another, in English and in Welsh', async (ctx) => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'waymark-read-only-'));
    await onReadOnly(ctx, mountPoint, mountPoint, async () => {
      const english = await startWith({ WAYMARK_DATA: mountPoint, WAYMARK_LANG: 'en' });
      expect([english.code, english.stderr]).toEqual([
        1,
        `Waymark cannot start: ${mountPoint} is on a read-only file system: set WAYMARK_DATA to a directory on a disk Waymark may write to\n`,
      ]);
      const welsh = await startWith({ WAYMARK_DATA: mountPoint, WAYMARK_LANG: 'cy' });
      expect([welsh.code, welsh.stderr]).toEqual([
        1,
        `Ni all Waymark ddechrau: mae ${mountPoint} ar system ffeiliau darllen yn unig: gosodwch WAYMARK_DATA i gyfeiriadur ar ddisg y caiff Waymark ysgrifennu iddi\n`,
      ]);
    });
  });

  it('given the embedded database’s directory (pgdata) on a read-only file system, then it says so of that directory', async (ctx) => {
    const data = mkdtempSync(join(tmpdir(), 'waymark-read-only-'));
    const pgdata = join(data, 'pgdata');
    mkdirSync(pgdata);
    await onReadOnly(ctx, pgdata, data, async () => {
      const run = await startWith({ WAYMARK_DATA: data, WAYMARK_LANG: 'en' });
      expect([run.code, run.stderr]).toEqual([
        1,
        `Waymark cannot start: ${pgdata} is on a read-only file system: set WAYMARK_DATA to a directory on a disk Waymark may write to\n`,
      ]);
    });
  });

  it('given an embedded database directory (pgdata) the user Waymark runs as may not write, then it says so and what to do', async (ctx) => {
    const unprivileged = unprivilegedUser();
    if ('skip' in unprivileged) return ctx.skip(unprivileged.skip);
    let pgdata = '';
    const run = await startWith(
      { WAYMARK_LANG: 'en' },
      {
        ...unprivileged,
        prepare: (dir) => {
          // the data directory is the user's to write; pgdata in it is not (root's, or read-only to its owner)
          chmodSync(dir, 0o777);
          mkdirSync(join(dir, 'data'), { mode: 0o777 });
          chmodSync(join(dir, 'data'), 0o777);
          pgdata = join(dir, 'data', 'pgdata');
          mkdirSync(pgdata, { mode: 0o555 });
        },
      },
    );
    expect([run.code, run.stderr]).toEqual([
      1,
      `Waymark cannot start: Waymark may not write to ${pgdata}: let the user it runs as write there, or set WAYMARK_DATA to a directory it may write to\n`,
    ]);
  }, 60_000);
});
