/**
 * The one thing the stores need from a database: parameterised queries and transactions. Implemented twice,
 * over embedded PGlite (pglite-sql.ts) and over a PostgreSQL server through `pg` (pg-sql.ts), so the SQL
 * stores and the contract suite run unchanged on both.
 */
export interface SqlQueryable {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type NotificationHandler = (payload: string | null) => void;

export interface Sql extends SqlQueryable {
  readonly dialect: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Calls `handler` with the payload of every NOTIFY on `channel` (sent by any process on this database, once
   * its transaction commits) until the returned function is called. `null` means notifications may have been
   * missed (the listening connection was lost and made again): catch up from the tables.
   */
  listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
