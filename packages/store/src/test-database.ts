import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { loadMigrations, runMigrations } from './migrate';
import { createPgliteSql } from './pglite-sql';
import { createStores, type Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';

let template: Promise<Blob> | undefined;

/**
 * An empty, migrated PGlite database as a dump, made once per set of migrations and kept in the temp
 * directory, so each test database starts from it in well under a second instead of running initdb.
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const migrations = await loadMigrations();
    const key = createHash('sha256')
      .update(migrations.map((m) => m.name + m.script).join('\n'))
      .digest('hex')
      .slice(0, 16);
    const dir = join(tmpdir(), 'waymark-test-templates');
    const file = join(dir, `pglite-${key}.tar.gz`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      const sql = await createPgliteSql();
      await runMigrations(sql, migrations);
      const dump = await sql.db.dumpDataDir('gzip');
      await sql.close();
      await mkdir(dir, { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    }
  })();
  return template;
}

/** A fresh in-memory PGlite database with every migration applied, for tests. */
export async function createTestStores(): Promise<Stores> {
  return createStores(await createPgliteSql({ loadDataDir: await pgliteTemplate() }));
}

/** Ann, owner of the workspace "Council": the person and workspace most store tests start from. */
export async function seedOwner(stores: Stores, userId: UserId, workspaceId: WorkspaceId, at: string) {
  await stores.accounts.createUser({ id: userId, email: 'ann@example.org', name: 'Ann', at });
  await stores.accounts.createWorkspace({ id: workspaceId, name: 'Council', ownerId: userId, at });
}
