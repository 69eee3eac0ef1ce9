import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArgon2Hasher } from '@waymark/api';
import { openStores, type WorkspaceId } from '@waymark/store';
import { expect, it } from 'vitest';
import { runFirstStart } from '../src/first-start';
import { resetPassword } from '../src/reset-password';
import { wholeProblemId } from '../src/demo-hierarchy';
import { failingOnce } from '../src/testing/failing-once';
import { passwordFrom, signIn, startServerProcess } from './server-process';

/**
 * A first start that failed part way (the database went away after the administrator and some of the examples
 * were stored) left an administrator whose password was never shown; the real start command, started again on
 * that data directory, finishes it and prints a password that signs that administrator in.
 */
const repoExamples = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The password signs admin@waymark.local in as the administrator the failed start made, owner of the demo. */
async function expectEarlierAdministrator(url: string, password: string): Promise<void> {
  const api = await signIn(url, 'admin@waymark.local', password);
  const me = (await (await api('GET', '/api/auth/me')).json()) as { user: { id: string } };
  expect(me.user.id).toBe('earlier-1');
  expect(await (await api('GET', '/api/workspaces')).json()).toEqual({
    items: [{ id: 'demo', name: 'Demo', role: 'owner' }],
  });
}

it('given a first start that failed after the administrator and two examples were stored, when Waymark starts again, then it says it finished that first start and its password signs the same administrator in; the start after is no first start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-unfinished-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  try {
    const before = await openStores({ dataDir: join(dataDir, 'pgdata') });
    let n = 0;
    let stored = 0; // the third journey stored fails, as a lost connection would
    try {
      await expect(
        runFirstStart(
          failingOnce(before, 'journeys', 'createJourney', () => ++stored === 3),
          {
            clock: () => new Date(),
            newId: () => `earlier-${++n}`,
            randomBytes: (k) => crypto.getRandomValues(new Uint8Array(k)),
            passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
          },
          'admin@waymark.local',
          repoExamples,
        ),
      ).rejects.toThrow('Connection terminated unexpectedly');
      expect((await before.journeys.listJourneys('demo' as WorkspaceId)).length).toBe(2);
    } finally {
      await before.close();
    }

    const server = await startServerProcess({ WAYMARK_DATA: dataDir });
    let output: string;
    try {
      // The banner is one write; a start that is no first start prints no more than its first line.
      for (let waited = 0; !server.output().includes('reset-password') && waited < 5_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      output = server.output();
      expect(output).toContain(
        'First start finished: an earlier first start stopped part way, before the administrator’s password was shown. This start finished it, for the same administrator and the Demo workspace\n',
      );
      expect(output).toContain(
        '  The earlier start’s password was never shown and no longer works: this new one replaces it.\n',
      );
      expect(output).not.toContain('First start: created');
      expect(output).not.toContain('left out');
      await expectEarlierAdministrator(server.url, passwordFrom(output));
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }

    // Every example the two starts stored, each once, as the banner named them.
    const named = /with \d+ example journey\(s\): ([\w, -]+)\./.exec(output)?.[1]?.split(', ');
    const after = await openStores({ dataDir: join(dataDir, 'pgdata') });
    try {
      expect(await after.accounts.countUsers()).toBe(1);
      const ids = (await after.journeys.listJourneys('demo' as WorkspaceId)).map((j) => j.id as string);
      expect(ids.filter((id) => id !== wholeProblemId).sort()).toEqual([...named!].sort());
    } finally {
      await after.close();
    }

    const again = await startServerProcess({ WAYMARK_DATA: dataDir });
    try {
      expect(again.output()).not.toContain('First start');
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

it('given a first start that failed after the administrator was made, then the operator’s npm run reset-password and a corrected WAYMARK_ADMIN_EMAIL, when Waymark starts again, then it says the account has the new email and keeps the reset password, which signs it in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-unfinished-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  try {
    const before = await openStores({ dataDir: join(dataDir, 'pgdata') });
    const passwords = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });
    let reset: string;
    try {
      let n = 0;
      await expect(
        runFirstStart(
          failingOnce(before, 'journeys', 'createJourney'),
          {
            clock: () => new Date(Date.now() - 60_000),
            newId: () => `earlier-${++n}`,
            randomBytes: (k) => crypto.getRandomValues(new Uint8Array(k)),
            passwords,
          },
          'admin@typo.local',
          repoExamples,
        ),
      ).rejects.toThrow('Connection terminated unexpectedly');
      const done = await resetPassword(
        before,
        {
          clock: () => new Date(),
          randomBytes: (k) => crypto.getRandomValues(new Uint8Array(k)),
          passwords,
          oneTimePasswordDays: 7,
        },
        'admin@typo.local',
      );
      if (!done.ok) throw new Error('no account to reset');
      reset = done.password;
    } finally {
      await before.close();
    }

    const server = await startServerProcess({
      WAYMARK_DATA: dataDir,
      WAYMARK_ADMIN_EMAIL: 'admin@waymark.local',
    });
    try {
      for (let waited = 0; !server.output().includes('reset-password --') && waited < 5_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      const output = server.output();
      expect(output).toContain('First start finished: an earlier first start stopped part way');
      expect(output).toContain(
        ' as admin@waymark.local\n' +
          '  using the password npm run reset-password gave after the earlier start stopped: it is kept, so no new one is shown.\n' +
          '  The earlier start made this administrator as admin@typo.local: the account now has the email WAYMARK_ADMIN_EMAIL gives, admin@waymark.local.\n',
      );
      expect(output).not.toContain('one-time password');
      await expectEarlierAdministrator(server.url, reset);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
