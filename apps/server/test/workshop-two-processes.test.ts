import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLiveSocket } from '@waymark/api';
import { createPgSql, type Sql } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, signInAs } from './live-session';
import { CHOSEN_PASSWORD, startServerProcess, type ServerProcess } from './server-process';

const url = process.env['WAYMARK_TEST_DATABASE_URL'];

/** Decision 0014: the workshop lives in PostgreSQL, so every server process serves the same one. */
describe.skipIf(!url)('a workshop across two server processes on one PostgreSQL', () => {
  let admin: Sql;
  let schema: string;
  let keyring: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let cookie: string;

  beforeAll(async () => {
    schema = `wm_workshop_${randomBytes(5).toString('hex')}`;
    admin = await createPgSql({ connectionString: url!, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const databaseUrl = `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    keyring = mkdtempSync(join(tmpdir(), 'waymark-keyring-'));
    const env = { DATABASE_URL: databaseUrl, WAYMARK_KEYRING: keyring };
    a = await startServerProcess(env);
    b = await startServerProcess(env);
    await adminSession(a);
    const session = await signInAs(b.url, 'admin@waymark.local', CHOSEN_PASSWORD);
    cookie = session.cookie;
    const made = await session.call('POST', '/api/workspaces/demo/journeys', {
      template: 'blank-current',
      id: 'workshop-pg',
      title: 'Workshop on PostgreSQL',
    });
    expect(made.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    for (const p of [a, b]) {
      if (p && p.child.exitCode === null && p.child.signalCode === null) {
        p.child.kill('SIGTERM');
        await p.exited;
      }
    }
    rmSync(keyring, { recursive: true, force: true });
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  });

  const open = async (server: ServerProcess, client: string) => {
    const socket = await openLiveSocket(
      `${server.url.replace('http', 'ws')}/api/workspaces/demo/journeys/workshop-pg/live?client=${client}`,
      { cookie, origin: server.url },
    );
    return Object.assign(socket, { welcome: await socket.next('welcome') });
  };

  it('given a tab on each process, when the facilitator on A starts a workshop, locks the structure and starts a timer, then the tab on B gets each change; a change made on B is applied after them and reaches A; a tab joining B later is welcomed with it', async () => {
    const onA = await open(a, 'tab-workshop-a-1');
    const onB = await open(b, 'tab-workshop-b-1');
    expect(onB.welcome.workshop).toMatchObject({ revision: 0, facilitator: null });

    onA.send({ type: 'workshop', action: { type: 'workshop.start' } });
    onA.send({ type: 'workshop', action: { type: 'lock.set', locked: true } });
    onA.send({ type: 'workshop', action: { type: 'timer.start', label: 'Pain points', minutes: 10 } });
    const onBAfter = await onB.next('workshop', (m) => m.state.revision === 3, 10_000);
    expect(onBAfter.state).toMatchObject({
      facilitator: { name: expect.any(String) },
      structureLocked: true,
      timer: { label: 'Pain points' },
    });
    const timer = onBAfter.state.timer!;
    expect(timer.endsAt - timer.startedAt).toBe(600_000);
    // B's clock says when B sent it: the tab corrects its countdown with it.
    expect(Math.abs(onBAfter.now - Date.now())).toBeLessThan(60_000);

    // The same person, on B, extends the timer: B applies it to the revision A stored.
    onB.send({ type: 'workshop', action: { type: 'timer.extend', minutes: 5 } });
    const extended = await onA.next('workshop', (m) => m.state.revision === 4, 10_000);
    expect(extended.state.timer!.endsAt).toBe(timer.endsAt + 300_000);
    expect(extended.state.structureLocked).toBe(true);

    const late = await open(b, 'tab-workshop-b-2');
    expect(late.welcome.workshop).toMatchObject({
      revision: 4,
      structureLocked: true,
      timer: { label: 'Pain points' },
    });
    for (const s of [onA, onB, late]) s.close();
  });
});
