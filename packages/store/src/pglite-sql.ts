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

/**
 * PGlite's file system is Emscripten's: a file it may not write fails with an `ErrnoError` that has Emscripten's
 * errno number and no message. Their Node names, for the errors an unwritable data directory gives.
 */
const emscriptenErrno: Readonly<Record<number, string>> = {
  2: 'EACCES',
  44: 'ENOENT',
  51: 'ENOSPC',
  54: 'ENOTDIR',
  63: 'EPERM',
  69: 'EROFS',
};

/**
 * An error opening PGlite's data directory, given the `code` (`EACCES`, `EROFS`…) Node's own file errors have;
 * the original is its cause.
 */
function withErrnoCode(error: unknown, dataDir: string | undefined): unknown {
  const failed = error as { name?: unknown; errno?: unknown; code?: unknown } | null;
  if (
    typeof failed !== 'object' ||
    failed === null ||
    failed.name !== 'ErrnoError' ||
    failed.code !== undefined
  )
    return error;
  const code =
    typeof failed.errno === 'number'
      ? (emscriptenErrno[failed.errno] ?? `errno ${failed.errno}`)
      : 'ErrnoError';
  const opening = new Error(`${code}: cannot open the embedded database in ${dataDir}`, { cause: error });
  return Object.assign(opening, { code, path: dataDir });
}

/** An embedded PostgreSQL (PGlite, WASM) as a `Sql`. Commits wait for the files to be written. */
export async function createPgliteSql(
  options: PgliteSqlOptions = {},
): Promise<Sql & { readonly db: PGlite }> {
  const db = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    relaxedDurability: false,
  }).catch((error: unknown) => {
    throw withErrnoCode(error, options.dataDir);
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
