import pg from 'pg';
import { createPgListener } from './pg-listen';
import type { Sql, SqlQueryable } from './sql';

export interface PgSqlOptions {
  /** `postgres://user:password@host:port/database` */
  readonly connectionString: string;
  /** Pool size; defaults to 10. */
  readonly max?: number;
  /** Work in this schema instead of `public` (tests give each database its own). */
  readonly schema?: string;
}

/** A PostgreSQL server (15 or later) through a `pg` connection pool, as a `Sql`. */
export async function createPgSql(options: PgSqlOptions): Promise<Sql> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // Fail now, with the server's own message, rather than at the first request.
  const probe = await pool.connect();
  probe.release();
  const listener = createPgListener(options.connectionString);
  const query = async <T>(client: pg.Pool | pg.PoolClient, text: string, params: readonly unknown[] = []) =>
    (await client.query(text, [...params])).rows as T[];
  return {
    dialect: 'postgres',
    query: (text, params) => query(pool, text, params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: SqlQueryable = {
          query: (text, params) => query(client, text, params),
          exec: async (script) => {
            await client.query(script);
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    exec: async (script) => {
      await pool.query(script);
    },
    listen: (channel, handler) => listener.listen(channel, handler),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}
