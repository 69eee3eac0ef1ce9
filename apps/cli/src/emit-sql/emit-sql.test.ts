import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents, type Analysis } from '@waymark/analytics';
import { duckdbWith, runQueries, waymarkAnalysis, type Row, type TestEvent } from './duckdb.fixture';
import { sqlRules } from './rules';
import { emitSql, variantSeparator, type EventTable, type FigureId } from './sql';

const day = 86_400_000;
const t0 = Date.UTC(2025, 2, 3, 9);

/**
 * Hand-made cases for the edges: a single-event case, ties in time (kept in file order), repeated activities
 * within and past the repeat window, chasing and transfers, events with no team or no channel, an activity
 * with a comma and quotes, accents and a symbol, and a case whose events are out of time order in the file.
 */
function edgeLog(): TestEvent[] {
  const e = (c: string, activity: string, at: number, channel?: string, team?: string): TestEvent => ({
    case: c,
    activity,
    time: t0 + at,
    channel,
    team,
  });
  return [
    e('S1', 'Report', 0, 'Phone', 'Contact centre'),
    e('T1', 'Report', 0, 'Web', 'Contact centre'),
    e('T1', 'Assess', day, undefined, 'Housing'),
    e('T1', 'Visit', day, undefined, 'Housing'),
    e('T1', 'Chase progress', day, 'Phone', 'Contact centre'),
    e('T1', 'Close', 3 * day, 'Email', 'Housing'),
    e('R1', 'Call back', 0, 'Phone', 'Contact centre'),
    e('R1', 'Call back', 2 * day, 'Phone', undefined),
    e('R1', 'Call back', 2 * day + 3600_000, 'Phone', 'Housing'),
    e('R1', 'Call back', 20 * day, 'Phone', 'Housing'),
    e('R1', 'Transfer to housing', 21 * day, 'Phone', 'Contact centre'),
    e('R1', 'Ré-open ✓', 40 * day, 'Web', 'Housing'),
    e('Q1', 'Report, "urgent"', 5 * day, 'Face to face', 'Contact centre'),
    e('Q1', 'Report, "urgent"', 5 * day, 'Face to face', 'Contact centre'),
    e('O1', 'Visit', 9 * day, undefined, 'Contractor'),
    e('O1', 'Report', 2 * day, 'Phone', 'Contact centre'),
    e('O1', 'Where is my repair?', 30 * day, 'Phone', 'Contact centre'),
    e('O1', 'Assess', 2 * day, undefined, 'Housing'),
    e('T2', 'Report', 0, 'Web', 'Contact centre'),
    e('T2', 'Visit', day, undefined, 'Housing'),
    e('T2', 'Assess', day, undefined, 'Housing'),
    e('S2', 'Report', 7 * day, 'Phone', 'Contact centre'),
  ];
}

/** A council contact log from the repository's generator (interleaved cases, ties, long silences). */
function councilLog(events: number, seed: number): TestEvent[] {
  return [...generateEvents({ events, seed, openCases: 50 })].map((g) => ({
    case: g.caseId,
    activity: g.activity,
    time: g.time,
    channel: g.channel === '' ? undefined : g.channel,
    team: g.team === '' ? undefined : g.team,
  }));
}

/** The worked check's small claims log (docs/worked-checks/claims-log.csv): channel, no team. */
function claimsLog(): TestEvent[] {
  const text = readFileSync(
    join(import.meta.dirname, '../../../../docs/worked-checks/claims-log.csv'),
    'utf8',
  );
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [c, activity, ts, channel] = line.split(',');
      return {
        case: c as string,
        activity: activity as string,
        time: Date.parse(ts as string),
        channel: channel ? channel : undefined,
      };
    });
}

const table = (columns: { channel: boolean; team: boolean }): EventTable => ({
  table: 'events',
  case: 'case_id',
  activity: 'activity',
  timestamp: 'timestamp',
  order: 'seq',
  ...(columns.channel ? { channel: 'channel' } : {}),
  ...(columns.team ? { owner: 'team' } : {}),
});

const one = (rows: Map<FigureId, Row[]>, figure: FigureId): Row => {
  const r = rows.get(figure);
  expect(r, figure).toHaveLength(1);
  return (r as Row[])[0] as Row;
};

/** Equal to 6 decimal places (the figures differ only in the last bits of a double). */
const same = (sql: unknown, waymark: number | null | undefined, what: string): void => {
  if (waymark === null || waymark === undefined || Number.isNaN(waymark)) expect(sql, what).toBeNull();
  else expect(sql as number, what).toBeCloseTo(waymark, 6);
};

function expectSameFigures(rows: Map<FigureId, Row[]>, a: Analysis, columns: { team: boolean }): void {
  const c = one(rows, 'case_durations');
  expect(c.cases).toBe(a.cases.cases);
  expect(c.events).toBe(a.cases.events);
  const d = a.cases.durationSeconds;
  same(c.mean_seconds, d.mean, 'mean duration');
  same(c.median_seconds, d.median, 'median duration');
  same(c.p90_seconds, d.p90, 'p90 duration');
  same(c.min_seconds, d.min, 'min duration');
  same(c.max_seconds, d.max, 'max duration');

  const edges = rows.get('dfg_edges') ?? [];
  expect(edges).toHaveLength(a.dfg.edges.length);
  const byPair = new Map(edges.map((r) => [`${r.from_activity}\u0000${r.to_activity}`, r]));
  for (const e of a.dfg.edges) {
    const r = byPair.get(`${e.from}\u0000${e.to}`);
    expect(r, `${e.from} → ${e.to}`).toBeDefined();
    expect(r?.edge_count).toBe(e.count);
    same(r?.mean_seconds, e.meanSeconds, 'edge mean');
    same(r?.median_seconds, e.medianSeconds, 'edge median');
    same(r?.min_seconds, e.minSeconds, 'edge min');
    same(r?.max_seconds, e.maxSeconds, 'edge max');
  }

  const variants = rows.get('variants') ?? [];
  expect(variants).toHaveLength(a.variants.count);
  const byText = new Map(variants.map((r) => [r.activities as string, r]));
  for (const v of a.variants.top) {
    const r = byText.get(v.activities.join(variantSeparator));
    expect(r, v.activities.join(variantSeparator)).toBeDefined();
    expect(r?.cases).toBe(v.cases);
    same(r?.coverage, v.coverage, 'coverage');
  }
  // ranks follow the cases, most first
  expect(variants.map((r) => r.cases)).toEqual(
    [...variants].map((r) => r.cases as number).sort((x, y) => y - x),
  );

  if (columns.team) {
    const h = a.handoffs;
    expect(h).toBeDefined();
    const r = one(rows, 'hand_offs');
    expect(r.hand_offs).toBe(h?.total);
    expect(r.cases_with_hand_off).toBe(h?.casesWithHandoff);
    same(r.mean_per_case, h?.perCase.mean, 'hand-offs mean');
    same(r.median_per_case, h?.perCase.median, 'hand-offs median');
    same(r.p90_per_case, h?.perCase.p90, 'hand-offs p90');
    same(r.max_per_case, h?.perCase.max, 'hand-offs max');
    const matrix = (rows.get('hand_off_matrix') ?? []).map((m) => ({
      from: m.from_owner,
      to: m.to_owner,
      count: m.hand_offs,
    }));
    expect(new Set(matrix.map((m) => JSON.stringify(m)))).toEqual(
      new Set(h?.matrix.map((m) => JSON.stringify({ from: m.from, to: m.to, count: m.count }))),
    );
  } else {
    expect(a.handoffs).toBeUndefined();
    expect(rows.has('hand_offs')).toBe(false);
  }

  const s = one(rows, 'silences');
  expect(s.threshold_seconds).toBe(a.silences.thresholdSeconds);
  expect(s.cases_over_threshold).toBe(a.silences.casesOverThreshold);
  same(s.share_over_threshold, a.silences.shareOverThreshold, 'silence share');
  const g = a.silences.longestGapSeconds;
  same(s.mean_longest_gap_seconds, g.mean, 'silence mean');
  same(s.median_longest_gap_seconds, g.median, 'silence median');
  same(s.p90_longest_gap_seconds, g.p90, 'silence p90');
  same(s.max_longest_gap_seconds, g.max, 'silence max');

  const v = one(rows, 'avoidable_contact');
  expect(v.contacts).toBe(a.avoidable.contacts);
  expect(v.avoidable).toBe(a.avoidable.avoidable);
  same(v.ni14_percent, a.avoidable.ni14Percent, 'NI14 %');
  same(v.contacts_per_journey, a.avoidable.contactsPerJourney, 'contacts per journey');
  const byCategory = Object.fromEntries(
    (rows.get('avoidable_by_category') ?? []).map((r) => [r.category, r.contacts]),
  );
  expect(byCategory).toEqual(a.avoidable.byCategory);
}

async function check(events: readonly TestEvent[], columns: { channel: boolean; team: boolean }) {
  const analysis = await waymarkAnalysis(events, columns);
  const conn = await duckdbWith(events);
  const rows = await runQueries(conn, emitSql(table(columns), sqlRules({}), 'duckdb'));
  expectSameFigures(rows, analysis, columns);
  return { analysis, rows };
}

describe('the emitted SQL, run on DuckDB, gives Waymark’s own figures', () => {
  it('on the edge cases: ties, single events, repeats, missing teams and channels, out of order', async () => {
    const { analysis, rows } = await check(edgeLog(), { channel: true, team: true });
    // the log does hold what it is meant to test
    expect(analysis.index.casesOutOfOrder).toBeGreaterThan(0);
    expect(analysis.avoidable.byCategory).toMatchObject({ RP: expect.any(Number), PC: 2, MD: 1 });
    expect(one(rows, 'case_durations').min_seconds).toBe(0);
  });

  it('on a generated council log of 3,000 events', async () => {
    const events = councilLog(3000, 11);
    expect(new Set(events.map((e) => `${e.case} ${e.time}`)).size).toBeLessThan(events.length);
    await check(events, { channel: true, team: true });
  });

  it('on the worked check’s claims log (a channel, no team)', async () => {
    await check(claimsLog(), { channel: true, team: false });
  });

  it('with no channel column every event is a contact', async () => {
    const { analysis } = await check(councilLog(800, 5), { channel: false, team: false });
    expect(analysis.avoidable.contacts).toBe(analysis.cases.events);
  });

  it('with other silence and repeat windows and categories given by activity', async () => {
    const events = councilLog(1500, 3);
    const columns = { channel: true, team: true };
    const conn = await duckdbWith(events);
    const rules = sqlRules({ silenceDays: 3, repeatDays: 0, categories: { 'Visit booked': 'CL' } });
    const rows = await runQueries(conn, emitSql(table(columns), rules, 'duckdb'));
    const { analyseLog, importLogFile } = await import('@waymark/analytics');
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { testCsv } = await import('./duckdb.fixture');
    const dir = await mkdtemp(join(tmpdir(), 'waymark-sql-'));
    try {
      await writeFile(join(dir, 'log.csv'), testCsv(events, columns));
      const imported = await importLogFile(join(dir, 'log.csv'));
      const analysis = analyseLog(imported.store, {
        silenceThresholdDays: 3,
        avoidable: { repeatWithinDays: 0, categories: { 'Visit booked': 'CL' } },
      });
      expectSameFigures(rows, analysis, columns);
      expect(analysis.avoidable.byCategory.RP).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the dialects differ only where engines do', () => {
  const t: EventTable = { ...table({ channel: true, team: true }), table: 'cat.crm.events' };
  const text = (d: 'ansi' | 'spark' | 'trino' | 'duckdb') =>
    emitSql(t, sqlRules({}), d)
      .map((q) => q.sql)
      .join('\n');

  it('uses each engine’s quoting, time, match and ordered join', () => {
    const spark = text('spark');
    expect(spark).toContain('FROM `cat`.`crm`.`events`');
    expect(spark).toContain('unix_millis(`timestamp`)');
    expect(spark).toContain("activity RLIKE '(?i)chas|progress");
    expect(spark).toContain("array_sort(collect_list(named_struct('p', pos, 'a', activity)))");
    const trino = text('trino');
    expect(trino).toContain('FROM "cat"."crm"."events"');
    expect(trino).toContain('CAST(ROUND(to_unixtime("timestamp") * 1000) AS BIGINT)');
    expect(trino).toContain("regexp_like(activity, '(?i)chas|progress");
    expect(trino).toContain('array_join(array_agg(activity ORDER BY pos)');
    const ansi = text('ansi');
    expect(ansi).toContain('CAST(ROUND(EXTRACT(EPOCH FROM "timestamp") * 1000) AS BIGINT)');
    expect(ansi).toContain('LISTAGG(activity');
    expect(ansi).toContain('AS DOUBLE PRECISION');
  });

  it('is otherwise the same text as the dialect CI runs', () => {
    // normalise the four differences away; what is left must match the DuckDB text exactly
    const normal = (s: string) =>
      s
        .replace(/`([^`]*)`/g, '"$1"')
        .replace(/DOUBLE PRECISION/g, 'DOUBLE')
        .replace(/CAST\(ROUND\(to_unixtime\(("[^"]+")\) \* 1000\) AS BIGINT\)/g, 'MS($1)')
        .replace(/CAST\(ROUND\(EXTRACT\(EPOCH FROM ("[^"]+")\) \* 1000\) AS BIGINT\)/g, 'MS($1)')
        .replace(/(?:unix_millis|epoch_ms)\(("[^"]+")\)/g, 'MS($1)')
        .replace(
          /regexp_matches\((\w+), '\(\?i\)([^']*)'\)|regexp_like\((\w+), '\(\?i\)([^']*)'\)|REGEXP_LIKE\((\w+), '([^']*)', 'i'\)|(\w+) RLIKE '\(\?i\)([^']*)'/g,
          (...m: string[]) => {
            const [e, p] = [m[1] ?? m[3] ?? m[5] ?? m[7], m[2] ?? m[4] ?? m[6] ?? m[8]];
            return `MATCH(${e}, ${p})`;
          },
        )
        .replace(/(string_agg|LISTAGG|array_join)\(.*$/gm, 'JOINED AS activities');
    const duckdb = normal(text('duckdb'));
    for (const d of ['ansi', 'spark', 'trino'] as const) expect(normal(text(d)), d).toBe(duckdb);
  });
});
