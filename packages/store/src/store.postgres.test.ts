import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { runMigrations } from './migrate';
import { createStores } from './open-store';
import { createPgSql } from './pg-sql';
import { storeContract } from './store.contract';

/** Set by CI after scripts/pg-test-setup.sh, e.g. postgres://waymark_test:waymark_test@127.0.0.1:5432/waymark_test */
const url = process.env['WAYMARK_TEST_DATABASE_URL'];

if (url === undefined || url === '') {
  describe('store contract on PostgreSQL', () => {
    it.skip('skipped: set WAYMARK_TEST_DATABASE_URL (scripts/pg-test-setup.sh prints it) to run it on PostgreSQL 15', () => {});
  });
} else {
  describe('store contract on PostgreSQL', () => {
    storeContract(async () => {
      // Each test gets its own schema in the test database, migrated from scratch, dropped afterwards.
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
