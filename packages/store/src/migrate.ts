import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sql } from './sql';

export interface Migration {
  /** `001_initial` from `001_initial.sql`. */
  readonly name: string;
  readonly script: string;
}

const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));
const migrationFile = /^(\d{3})_[a-z0-9_]+\.sql$/;
/** Any constant: two servers migrating one PostgreSQL database at once take turns. */
const migrationLockKey = 5170_0001;

/** The numbered SQL files in packages/store/migrations, in order. */
export async function loadMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => migrationFile.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      name: file.replace(/\.sql$/, ''),
      script: await readFile(new URL(file, `file://${dir}`), 'utf8'),
    })),
  );
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one transaction: either the database
 * moves to the newest schema or it stays as it was. Returns the names applied now.
 */
export async function runMigrations(sql: Sql, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
    );
    const applied: string[] = [];
    for (const migration of all) {
      if (done.has(migration.name)) continue;
      await tx.exec(migration.script);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    }
    return applied;
  });
}
