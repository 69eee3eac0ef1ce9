import { expect, it } from 'vitest';
import { loadMigrations, runMigrations } from './migrate';
import { createPgliteSql } from './pglite-sql';
import { createStores } from './open-store';
import { BLOB_PART_BYTES } from './sql-dataset-store';
import type { WorkspaceId } from './records';

const ws = 'w1' as WorkspaceId;

it('given datasets stored whole before migration 011 (one with a kept upload), when migrated, then their events and uploads read back byte for byte from parts, and deleting one removes its parts', async () => {
  const sql = await createPgliteSql();
  try {
    const all = await loadMigrations();
    await runMigrations(
      sql,
      all.filter((m) => m.name < '011'),
    );
    const big = Buffer.alloc(BLOB_PART_BYTES * 2 + 5, 0);
    for (let i = 0; i < big.length; i++) big[i] = (i * 13 + 1) & 0xff;
    await sql.exec(
      "INSERT INTO workspaces (id, name, created_at) VALUES ('w1', 'Council', '2026-01-01T00:00:00Z')",
    );
    const row = `INSERT INTO datasets (workspace_id, id, name, file_name, format, size_bytes, mapping, options,
        created_at, cases, events, rejected_rows, rejections, result, events_blob, raw)
      VALUES ('w1', $1, 'Log', 'log.csv', 'csv', 10, '{}', '{}', '2026-01-01T00:00:00Z', 1, 1, 0, '[]', '{}',
        decode($2, 'base64'), decode($3, 'base64'))`;
    await sql.query(row, ['big', big.toString('base64'), Buffer.from('raw file').toString('base64')]);
    await sql.query(row, ['empty', '', null]);

    expect(await runMigrations(sql, all)).toContain('011_dataset_blob_parts');
    const stores = createStores(sql);
    expect(Buffer.from((await stores.datasets.getEvents(ws, 'big'))!).equals(big)).toBe(true);
    expect(Buffer.from((await stores.datasets.getRaw(ws, 'big'))!.bytes).toString()).toBe('raw file');
    expect(await stores.datasets.getEvents(ws, 'empty')).toEqual(new Uint8Array(0));
    expect(await stores.datasets.getRaw(ws, 'empty')).toBeNull();
    const count = async () =>
      (await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM dataset_blob_parts'))[0]!.n;
    expect(await count()).toBe(3 + 1 + 1);
    await stores.datasets.deleteDataset(ws, 'big');
    expect(await count()).toBe(1);
  } finally {
    await sql.close();
  }
});
