import { randomBytes, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApi, createArgon2Hasher, liveCloseCodes, openLiveSocket, type ApiDeps } from '@waymark/api';
import { applyCommand } from '@waymark/core';
import {
  createPgSql,
  createStores,
  runMigrations,
  sampleJourney,
  type Stores,
  type UserId,
  type WorkspaceId,
} from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLive } from './live-server';

/**
 * Two server processes on one PostgreSQL (decision 0015): a guest connected live to one of them is removed
 * through the other, and their socket closes at once all the same (the removal is announced on
 * waymark_guests).
 */
const url = process.env['WAYMARK_TEST_DATABASE_URL'];
const ws = 'ws1' as WorkspaceId;

interface Process {
  stores: Stores;
  app: ReturnType<typeof createApi>;
  base: string;
  close(): Promise<void>;
}

async function startProcess(schema: string): Promise<Process> {
  const sql = await createPgSql({ connectionString: url!, schema, max: 4 });
  const stores = createStores(sql);
  const deps: ApiDeps = {
    accounts: stores.accounts,
    journeys: stores.journeys,
    guests: stores.guests,
    database: 'postgres',
    version: 'test',
    clock: () => new Date(),
    newId: () => randomUUID(),
    randomBytes: (n) => new Uint8Array(randomBytes(n)),
    passwords: createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }),
    applyCommand,
  };
  const app = createApi(deps);
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const live = await startLive(server, deps, sql);
  return {
    stores,
    app,
    base: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await live.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stores.close();
    },
  };
}

describe('guests across two server processes on PostgreSQL', () => {
  if (url === undefined || url === '') {
    it.skip('skipped: set WAYMARK_TEST_DATABASE_URL (scripts/pg-test-setup.sh prints it) to run it on PostgreSQL 15', () => {});
    return;
  }
  const schema = `wm_test_${randomBytes(6).toString('hex')}`;
  let a: Process;
  let b: Process;
  beforeAll(async () => {
    const admin = await createPgSql({ connectionString: url, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const setup = await createPgSql({ connectionString: url, schema, max: 1 });
    await runMigrations(setup);
    await setup.close();
    [a, b] = await Promise.all([startProcess(schema), startProcess(schema)]);
    const at = new Date().toISOString();
    const ann = 'u-ann' as UserId;
    await a.stores.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at });
    await a.stores.accounts.setPassword(
      ann,
      await createArgon2Hasher({ memoryCost: 1024, timeCost: 1 }).hash('correct horse battery'),
      at,
    );
    await a.stores.accounts.createWorkspace({ id: ws, name: 'Council', ownerId: ann, at });
    await a.stores.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney('j1'),
      kind: 'create',
      commands: [],
      by: ann,
      at,
    });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const admin = await createPgSql({ connectionString: url, max: 1 });
    await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
    await admin.close();
  });

  it('given a guest live on process B, when the owner removes them through process A, then B closes their socket at once with the reason', async () => {
    const signIn = await a.app.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ann@example.org', password: 'correct horse battery' }),
    });
    const owner = {
      cookie: /waymark_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0],
      'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken,
      'content-type': 'application/json',
    };
    const made = await a.app.request('/api/workspaces/ws1/journeys/j1/guest-links', {
      method: 'POST',
      headers: owner,
      body: '{}',
    });
    const { token } = (await made.json()) as { token: string };
    const joined = await b.app.request(`/api/guest-links/${token}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Gina' }),
    });
    expect(joined.status).toBe(201);
    const cookie = /waymark_guest=[^;]+/.exec(joined.headers.get('set-cookie') ?? '')![0];
    const { guest } = (await joined.json()) as { guest: { id: string } };
    const socket = await openLiveSocket(
      `ws://${b.base}/api/workspaces/ws1/journeys/j1/live?client=tab-gina-1`,
      {
        cookie,
        origin: `http://${b.base}`,
      },
    );
    expect((await socket.next('welcome')).you.user.name).toBe('Gina (guest)');
    const removed = await a.app.request(`/api/workspaces/ws1/journeys/j1/guests/${guest.id}`, {
      method: 'DELETE',
      headers: owner,
    });
    expect(removed.status).toBe(200);
    expect((await socket.next('error', undefined, 10_000)).code).toBe('guest_removed');
    expect((await socket.closed).code).toBe(liveCloseCodes.unauthenticated);
  });
});
