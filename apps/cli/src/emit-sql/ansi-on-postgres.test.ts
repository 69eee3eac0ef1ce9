import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '@waymark/analytics';
import { duckdbWith, runQueries, type TestEvent } from './duckdb.fixture';
import { sqlRules } from './rules';
import { emitSql, literal, type EventTable } from './sql';

const url = process.env['WAYMARK_TEST_DATABASE_URL'];

const events: TestEvent[] = [...generateEvents({ events: 1500, seed: 9, openCases: 40 })].map((g) => ({
  case: g.caseId,
  activity: g.activity,
  time: g.time,
  channel: g.channel === '' ? undefined : g.channel,
  team: g.team === '' ? undefined : g.team,
}));

const numberOr = (v: unknown): unknown =>
  typeof v === 'string' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v) ? Number(v) : v;

/**
 * The ansi dialect on a second engine: PostgreSQL 15 runs every query but the variants (it has string_agg, not
 * LISTAGG) and gives the same rows as DuckDB running the duckdb dialect. Runs when WAYMARK_TEST_DATABASE_URL is
 * set (as CI sets it), in a schema of its own that it drops afterwards.
 */
describe.runIf(url !== undefined)('the ansi dialect on PostgreSQL', () => {
  it('gives the same figures as the duckdb dialect on DuckDB', async () => {
    const schema = `emit_sql_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
      await client.query(
        `CREATE TABLE ${schema}.events (case_id TEXT, activity TEXT, "timestamp" TIMESTAMP, channel TEXT, team TEXT, seq BIGINT)`,
      );
      const text = (s: string | undefined): string => (s === undefined ? 'NULL' : literal(s));
      const rows = events.map(
        (e, i) =>
          `(${literal(e.case)}, ${literal(e.activity)}, to_timestamp(${e.time} / 1000.0) AT TIME ZONE 'UTC', ${text(e.channel)}, ${text(e.team)}, ${i})`,
      );
      await client.query(`INSERT INTO ${schema}.events VALUES ${rows.join(',\n')}`);
      const table: EventTable = {
        table: `${schema}.events`,
        case: 'case_id',
        activity: 'activity',
        timestamp: 'timestamp',
        order: 'seq',
        owner: 'team',
        channel: 'channel',
      };
      const ansi = emitSql(table, sqlRules({}), 'ansi').filter((q) => q.figure !== 'variants');
      const duck = await runQueries(
        await duckdbWith(events),
        emitSql({ ...table, table: 'events' }, sqlRules({}), 'duckdb'),
      );
      expect(ansi.length).toBe(7);
      for (const q of ansi) {
        const got = (await client.query(q.sql)).rows.map((r: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, numberOr(v)])),
        );
        const want = duck.get(q.figure) ?? [];
        expect(got.length, q.figure).toBe(want.length);
        // rows matched by their text columns: the database's collation may order names differently
        const key = (r: Record<string, unknown>) =>
          JSON.stringify(Object.entries(r).filter(([, v]) => typeof v === 'string' || v === null));
        const byKey = new Map(got.map((r) => [key(r), r]));
        want.forEach((w) => {
          const row = byKey.get(key(w)) ?? {};
          for (const [k, v] of Object.entries(w)) {
            if (typeof v === 'number') expect(row[k] as number, `${q.figure}.${k}`).toBeCloseTo(v, 6);
            else expect(row[k], `${q.figure}.${k}`).toBe(v);
          }
        });
      }
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  });
});
