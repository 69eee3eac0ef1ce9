import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { runMigrations } from './migrate';
import { createStores, type Stores } from './open-store';
import { createPgSql } from './pg-sql';

/** Set by CI after scripts/pg-test-setup.sh, e.g. postgres://waymark_test:waymark_test@127.0.0.1:5432/waymark_test */
const url = process.env['WAYMARK_TEST_DATABASE_URL'];

/**
 * Stores on a schema of their own in the PostgreSQL test database, migrated from scratch and dropped by
 * dispose(), so contract suites can run side by side in one database.
 */
async function postgresTestStores(
  connectionString: string,
): Promise<{ stores: Stores; dispose(): Promise<void> }> {
  const schema = `wm_test_${randomBytes(6).toString('hex')}`;
  const admin = await createPgSql({ connectionString, max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const sql = await createPgSql({ connectionString, schema, max: 10 });
  await runMigrations(sql);
  const stores = createStores(sql);
  return {
    stores,
    async dispose() {
      await stores.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** Runs a contract suite on PostgreSQL when WAYMARK_TEST_DATABASE_URL is set, and says it was skipped when not. */
export function describeOnPostgres(
  name: string,
  contract: (open: () => Promise<{ stores: Stores; dispose(): Promise<void> }>) => void,
): void {
  describe(name, () => {
    if (url === undefined || url === '')
      it.skip('skipped: set WAYMARK_TEST_DATABASE_URL (scripts/pg-test-setup.sh prints it) to run it on PostgreSQL 15', () => {});
    else contract(() => postgresTestStores(url));
  });
}
