import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { analyseLog, importLogFile, type Analysis } from '@waymark/analytics';
import { literal, type FigureId, type FigureQuery } from './sql';

/** One event of a test log, in file order. Empty or undefined channel/team: none. */
export interface TestEvent {
  readonly case: string;
  readonly activity: string;
  readonly time: number;
  readonly channel?: string | undefined;
  readonly team?: string | undefined;
}

const csvField = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The log as the CSV Waymark reads (columns it maps by itself: case_id, activity, timestamp, channel, team). */
export function testCsv(events: readonly TestEvent[], columns: { channel: boolean; team: boolean }): string {
  const head = ['case_id', 'activity', 'timestamp'];
  if (columns.channel) head.push('channel');
  if (columns.team) head.push('team');
  const lines = events.map((e) => {
    const row = [e.case, e.activity, new Date(e.time).toISOString()];
    if (columns.channel) row.push(e.channel ?? '');
    if (columns.team) row.push(e.team ?? '');
    return row.map(csvField).join(',');
  });
  return `${head.join(',')}\n${lines.join('\n')}\n`;
}

/** Waymark's own analysis of the log, through the real import (a CSV file on disk). */
export async function waymarkAnalysis(
  events: readonly TestEvent[],
  columns: { channel: boolean; team: boolean },
): Promise<Analysis> {
  const dir = await mkdtemp(join(tmpdir(), 'waymark-sql-'));
  try {
    const path = join(dir, 'log.csv');
    await writeFile(path, testCsv(events, columns));
    const imported = await importLogFile(path, {});
    return analyseLog(imported.store);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A DuckDB connection holding the log as table `events` (TIMESTAMP times; `seq` is the file order). */
export async function duckdbWith(events: readonly TestEvent[]): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run(
    'CREATE TABLE events (case_id VARCHAR, activity VARCHAR, "timestamp" TIMESTAMP, channel VARCHAR, team VARCHAR, seq BIGINT)',
  );
  const text = (s: string | undefined): string => (s === undefined ? 'NULL' : literal(s));
  for (let from = 0; from < events.length; from += 2000) {
    const rows = events
      .slice(from, from + 2000)
      .map(
        (e, i) =>
          `(${literal(e.case)}, ${literal(e.activity)}, epoch_ms(${e.time}::BIGINT), ${text(e.channel)}, ${text(e.team)}, ${from + i})`,
      );
    await conn.run(`INSERT INTO events VALUES ${rows.join(',\n')}`);
  }
  return conn;
}

export type Row = Record<string, string | number | null>;

/** Runs each query and returns its rows by figure (BIGINT as numbers). */
export async function runQueries(
  conn: DuckDBConnection,
  queries: readonly FigureQuery[],
): Promise<Map<FigureId, Row[]>> {
  const out = new Map<FigureId, Row[]>();
  for (const q of queries) {
    const reader = await conn.runAndReadAll(q.sql);
    const rows = reader.getRowObjects().map((r) => {
      const row: Row = {};
      for (const [k, v] of Object.entries(r))
        row[k] =
          typeof v === 'bigint' ? Number(v) : v === null ? null : typeof v === 'number' ? v : String(v);
      return row;
    });
    out.set(q.figure, rows);
  }
  return out;
}
