import { expect, it } from 'vitest';
import { loadMigrations, runMigrations } from './migrate';
import { createPgliteSql } from './pglite-sql';
import { createStores } from './open-store';
import type { UserId } from './records';

it('given people and sessions from before migration 014, when migrated, then the earliest person is the instance administrator, nobody is suspended, and each session gets its own id', async () => {
  const sql = await createPgliteSql();
  try {
    const all = await loadMigrations();
    await runMigrations(
      sql,
      all.filter((m) => m.name < '014'),
    );
    await sql.exec(`INSERT INTO users (id, email, name, created_at) VALUES
      ('later', 'later@example.org', 'Later', '2026-02-01T00:00:00Z'),
      ('first', 'first@example.org', 'First', '2026-01-01T00:00:00Z')`);
    await sql.exec(`INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES
      ('h1', 'first', 'c', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z'),
      ('h2', 'first', 'c', '2026-01-01T00:00:00Z', '2099-01-01T00:00:00Z')`);

    expect(await runMigrations(sql, all)).toContain('014_administration');
    const accounts = createStores(sql).accounts;
    const first = await accounts.getUser('first' as UserId);
    const later = await accounts.getUser('later' as UserId);
    expect([first?.instanceAdmin, first?.suspendedAt, later?.instanceAdmin]).toEqual([true, null, false]);
    const sessions = await accounts.listSessionsOf('first' as UserId, '2026-06-01T00:00:00Z');
    expect(new Set(sessions.map((s) => s.id)).size).toBe(2);
  } finally {
    await sql.close();
  }
});
