import { PGlite } from '@electric-sql/pglite';
import type { Sql, SqlQueryable } from './sql';

export interface PgliteSqlOptions {
  /** A directory for the database files; omitted = in memory. */
  readonly dataDir?: string;
  /** Start from a dump made by `dumpDataDir` (tests start each database from one migrated template). */
  readonly loadDataDir?: Blob | File;
}

const wrap = (db: Pick<PGlite, 'query' | 'exec'>): SqlQueryable => ({
  async query<T>(text: string, params: readonly unknown[] = []) {
    const result = await db.query<T>(text, [...params]);
    return result.rows;
  },
  async exec(script: string) {
    await db.exec(script);
  },
});

/** An embedded PostgreSQL (PGlite, WASM) as a `Sql`. Commits wait for the files to be written. */
export async function createPgliteSql(
  options: PgliteSqlOptions = {},
): Promise<Sql & { readonly db: PGlite }> {
  const db = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    relaxedDurability: false,
  });
  const plain = wrap(db);
  return {
    dialect: 'pglite',
    db,
    query: plain.query,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    exec: plain.exec,
    // One process owns the embedded database, so its notifications are all there is.
    listen: async (channel, handler) => {
      const stop = await db.listen(channel, handler);
      return async () => {
        if (!db.closed) await stop();
      };
    },
    close: () => db.close(),
  };
}
