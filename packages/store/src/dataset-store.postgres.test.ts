import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { datasetStoreContract } from './dataset-store.contract';
import { runMigrations } from './migrate';
import { createStores } from './open-store';
import { createPgSql } from './pg-sql';

/** The same variable as store.postgres.test.ts (scripts/pg-test-setup.sh prints it). */
const url = process.env['WAYMARK_TEST_DATABASE_URL'];

if (url === undefined || url === '') {
  describe('dataset store contract on PostgreSQL', () => {
    it.skip('skipped: set WAYMARK_TEST_DATABASE_URL to run it on PostgreSQL', () => {});
  });
} else {
  describe('dataset store contract on PostgreSQL', () => {
    datasetStoreContract(async () => {
      const schema = `wm_test_${randomBytes(6).toString('hex')}`;
      const admin = await createPgSql({ connectionString: url, max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const sql = await createPgSql({ connectionString: url, schema, max: 10 });
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
    });
  });
}
