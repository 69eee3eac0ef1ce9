import { createHash } from 'node:crypto';
import type { Stores } from '@waymark/store';
import { seedJourney, type TestApi } from '../testing/test-api';

/**
 * Everything the database holds, as one hash per table: two equal snapshots mean nothing was stored,
 * changed or removed in between, in any table (present or added by a later migration).
 */
export async function snapshotTables(stores: Stores): Promise<Record<string, string>> {
  const tables = await stores.sql.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await stores.sql.query<{ row: string }>(
      `select t::text as row from "${name.replace(/"/g, '""')}" t order by 1`,
    );
    out[name] = createHash('sha256')
      .update(rows.map((r) => r.row).join('\n'))
      .digest('hex');
  }
  return out;
}

/** Olive owns workspace w1, which holds journey j1 (version 1): what the hostile tests aim at. */
export async function seedOlive(t: TestApi): Promise<void> {
  await t.addUser('Olive', { ws: 'w1', role: 'owner' });
  await seedJourney(t, 'w1', 'j1');
}
