import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgSql } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import { passwordFrom, signIn, startServerProcess } from './server-process';

const url = process.env['WAYMARK_TEST_DATABASE_URL'];

describe.skipIf(!url)('the server on PostgreSQL (WAYMARK_TEST_DATABASE_URL)', () => {
  it('given DATABASE_URL to an empty database, then the same first start, and the demo journeys can be read', async () => {
    // An empty schema of the test database stands in for an empty database.
    const schema = `wm_server_${randomBytes(5).toString('hex')}`;
    const admin = await createPgSql({ connectionString: url!, max: 1 });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    const databaseUrl = `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const keyring = mkdtempSync(join(tmpdir(), 'waymark-keyring-'));
    const server = await startServerProcess({ DATABASE_URL: databaseUrl, WAYMARK_KEYRING: keyring });
    try {
      expect(server.output()).toContain('PostgreSQL (DATABASE_URL)');
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('postgres');
      const call = await signIn(server.url, 'admin@waymark.local', passwordFrom(server.output()));
      const list = (await (await call('GET', '/api/workspaces/demo/journeys')).json()) as {
        items: { id: string }[];
      };
      const loaded = /with (\d+) example journey/.exec(server.output())?.[1];
      // the examples, and the whole-problem journey they open from when the start says so
      const wholeProblem = /from a whole-problem journey, ([\w-]+)/.exec(server.output())?.[1];
      expect(list.items).toHaveLength(Number(loaded) + (wholeProblem ? 1 : 0));
      if (wholeProblem) expect(list.items.map((i) => i.id)).toContain(wholeProblem);
      const made = await call('POST', '/api/workspaces/demo/journeys', {
        template: 'blank-current',
        id: 'on-pg',
        title: 'On PostgreSQL',
      });
      expect(made.status).toBe(201);
      const stale = await call('POST', '/api/workspaces/demo/journeys/on-pg/commands', {
        baseVersion: 7,
        commands: [{ type: 'meta.update', patch: { title: 'x' } }],
      });
      expect(stale.status).toBe(409);
      // the demo's contact log: stored in PostgreSQL, its key in the keyring directory, never in the database
      const datasets = (await (await call('GET', '/api/workspaces/demo/datasets')).json()) as {
        items: { id: string; journeyId: string }[];
      };
      expect(datasets.items).toEqual([
        expect.objectContaining({
          id: 'demo-change-of-address',
          journeyId: 'multi-service-change-of-address',
        }),
      ]);
      const web = await call('GET', '/api/workspaces/demo/datasets/demo-change-of-address?channel=Web');
      expect(((await web.json()) as { result: { log: { cases: number } } }).result.log.cases).toBeGreaterThan(
        0,
      );
      const keys = readdirSync(keyring);
      expect(keys).toEqual([`${Buffer.from('demo').toString('hex')}.key`]);
      expect(statSync(join(keyring, keys[0]!)).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(keyring, { recursive: true, force: true });
      server.child.kill('SIGTERM');
      await server.exited;
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }, 120_000);
});
