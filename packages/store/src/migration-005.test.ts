import { expect, it } from 'vitest';
import { loadMigrations, runMigrations } from './migrate';
import { createPgliteSql } from './pglite-sql';

it('given a database from before migration 005 with a token and a session, when migrated, then the token keeps what it could do (read and write journeys, no import) and the session needs no password change', async () => {
  const sql = await createPgliteSql();
  try {
    const all = await loadMigrations();
    await runMigrations(
      sql,
      all.filter((m) => m.name < '005'),
    );
    await sql.exec(`
      INSERT INTO users (id, email, name, created_at, failed_sign_ins, locked_until)
        VALUES ('ann', 'ann@example.org', 'Ann', '2026-01-01T00:00:00Z', 4, '2026-01-01T00:15:00Z');
      INSERT INTO credentials (provider, subject, user_id, secret_hash, created_at)
        VALUES ('password', 'ann@example.org', 'ann', 'h', '2026-01-01T00:00:00Z');
      INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'Council', '2026-01-01T00:00:00Z');
      INSERT INTO api_tokens (id, workspace_id, name, role, token_hash, created_by, created_at)
        VALUES ('t1', 'w1', 'CI', 'owner', 'th', 'ann', '2026-01-01T00:00:00Z');
      INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
        VALUES ('s1', 'ann', 'c', '2026-01-01T00:00:00Z', '2026-01-01T12:00:00Z');
    `);
    expect(await runMigrations(sql, all)).toContain('005_passwords_and_token_scopes');
    expect(await sql.query('SELECT scopes FROM api_tokens')).toEqual([
      { scopes: ['read', 'journeys:write'] },
    ]);
    expect(await sql.query('SELECT must_change_password FROM sessions')).toEqual([
      { must_change_password: false },
    ]);
    expect(await sql.query('SELECT one_time_until, one_time_used_at FROM credentials')).toEqual([
      { one_time_until: null, one_time_used_at: null },
    ]);
    // The lock-out is gone: nothing counts failures per account any more.
    const columns = await sql.query<{ column_name: string }>(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'users' ORDER BY column_name",
    );
    // (Later migrations add columns of their own, e.g. 013's locale: only these two must be gone.)
    const names = columns.map((c) => c.column_name);
    expect(names).toEqual(expect.arrayContaining(['created_at', 'email', 'id', 'name']));
    expect(names).not.toContain('failed_sign_ins');
    expect(names).not.toContain('locked_until');
  } finally {
    await sql.close();
  }
});
