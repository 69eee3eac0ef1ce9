import { randomBytes } from 'node:crypto';
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
    const server = await startServerProcess({ DATABASE_URL: databaseUrl });
    try {
      expect(server.output()).toContain('PostgreSQL (DATABASE_URL)');
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: string };
      expect(health.database).toBe('postgres');
      const call = await signIn(server.url, 'admin@waymark.local', passwordFrom(server.output()));
      const list = (await (await call('GET', '/api/workspaces/demo/journeys')).json()) as {
        items: { id: string }[];
      };
      const loaded = /with (\d+) example journey/.exec(server.output())?.[1];
      expect(list.items).toHaveLength(Number(loaded));
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
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }
  }, 120_000);
});
