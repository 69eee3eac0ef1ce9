/**
 * Waymark's event-log figures as portable SQL over a table of events (issue 15 item 4; decision 0043), for logs
 * that live in a distributed engine (Spark, Trino, Databricks, Synapse) rather than on one machine. One query per
 * figure; each repeats the same two common table expressions (log_events, then their order within each case) so
 * any one can be run alone. The definitions are those of packages/analytics/src/metrics (cited at each query);
 * apps/cli/src/emit-sql/emit-sql.test.ts runs every query on DuckDB and checks it against `analyseLog`.
 *
 * What differs by dialect is kept to four things: quoting names, milliseconds since 1970 of a timestamp, a
 * case-insensitive regular expression match, and joining a case's activities in order into one string.
 */

export const dialects = ['ansi', 'spark', 'trino', 'duckdb'] as const;
export type Dialect = (typeof dialects)[number];

/** The table of events and which of its columns hold what (the mapping `waymark analyse` uses). */
export interface EventTable {
  /** The table, optionally qualified (catalog.schema.table); each part is quoted. */
  readonly table: string;
  readonly case: string;
  readonly activity: string;
  /** A timestamp column (TIMESTAMP type, UTC). */
  readonly timestamp: string;
  /**
   * A column giving the file order of the events (a row number or event id): it breaks ties between events of a
   * case at the same time, as Waymark keeps ties in file order. Without it, ties are ordered by activity name.
   */
  readonly order?: string;
  /** The owner (team or organisation) compared for hand-offs; without it there are no hand-off queries. */
  readonly owner?: string;
  /** The contact channel: events with a channel are contacts; without the column, every event is one. */
  readonly channel?: string;
  /** The lifecycle transition column and the one value to keep (as `--only-transition`). */
  readonly lifecycle?: string;
  readonly onlyTransition?: string;
}

/** The rules the figures depend on, with Waymark's defaults (see `defaultSqlRules`). */
export interface SqlRules {
  /** A silence is a gap longer than this many days (default 14). */
  readonly silenceDays: number;
  /** The same activity again in a case within this many days is a repeat (RP); 0 turns it off (default 7). */
  readonly repeatDays: number;
  /** Activity name → avoidable-contact category code, before the rules below. */
  readonly categories: Readonly<Record<string, string>>;
  /** Regular expressions (case-insensitive, matched anywhere in the name) for progress chasing and transfers. */
  readonly chasing: string;
  readonly transfers: string;
  /** The codes counted as avoidable (NI14's). */
  readonly avoidableCodes: readonly string[];
}

/** The figures, in the order the script holds them; each query's first column `figure` says which it is. */
export const figureIds = [
  'case_durations',
  'dfg_edges',
  'variants',
  'hand_offs',
  'hand_off_matrix',
  'silences',
  'avoidable_contact',
  'avoidable_by_category',
] as const;
export type FigureId = (typeof figureIds)[number];

/** The columns each figure's result has, in order (import-figures reads them by these names). */
export const figureColumns: Readonly<Record<FigureId, readonly string[]>> = {
  case_durations: [
    'figure',
    'cases',
    'events',
    'mean_seconds',
    'median_seconds',
    'p90_seconds',
    'min_seconds',
    'max_seconds',
  ],
  dfg_edges: [
    'figure',
    'from_activity',
    'to_activity',
    'edge_count',
    'mean_seconds',
    'median_seconds',
    'min_seconds',
    'max_seconds',
  ],
  variants: ['figure', 'variant_rank', 'activities', 'cases', 'coverage'],
  hand_offs: [
    'figure',
    'cases',
    'hand_offs',
    'cases_with_hand_off',
    'mean_per_case',
    'median_per_case',
    'p90_per_case',
    'min_per_case',
    'max_per_case',
  ],
  hand_off_matrix: ['figure', 'from_owner', 'to_owner', 'hand_offs'],
  silences: [
    'figure',
    'cases',
    'threshold_seconds',
    'cases_over_threshold',
    'share_over_threshold',
    'mean_longest_gap_seconds',
    'median_longest_gap_seconds',
    'p90_longest_gap_seconds',
    'min_longest_gap_seconds',
    'max_longest_gap_seconds',
  ],
  avoidable_contact: ['figure', 'cases', 'contacts', 'avoidable', 'ni14_percent', 'contacts_per_journey'],
  avoidable_by_category: ['figure', 'category', 'contacts'],
};

/** The separator between activities in a variant's `activities`. */
export const variantSeparator = ' → ';

export interface FigureQuery {
  readonly figure: FigureId;
  /** What the query computes, as the comment above it says. */
  readonly comment: string;
  readonly sql: string;
}

interface DialectRules {
  readonly quote: (name: string) => string;
  readonly double: string;
  readonly epochMs: (expr: string) => string;
  readonly matches: (expr: string, pattern: string) => string;
  readonly joinInOrder: (expr: string, order: string, separator: string) => string;
}

const doubleQuoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const dialectRules: Readonly<Record<Dialect, DialectRules>> = {
  ansi: {
    quote: doubleQuoted,
    double: 'DOUBLE PRECISION',
    epochMs: (e) => `CAST(ROUND(EXTRACT(EPOCH FROM ${e}) * 1000) AS BIGINT)`,
    matches: (e, p) => `REGEXP_LIKE(${e}, ${literal(p)}, 'i')`,
    joinInOrder: (e, o, s) => `LISTAGG(${e}, ${literal(s)}) WITHIN GROUP (ORDER BY ${o})`,
  },
  spark: {
    quote: (name) => `\`${name.replace(/`/g, '``')}\``,
    double: 'DOUBLE',
    epochMs: (e) => `unix_millis(${e})`,
    matches: (e, p) => `${e} RLIKE ${literal(`(?i)${p}`)}`,
    // collect_list has no order: sort (position, activity) pairs, then keep the activities
    joinInOrder: (e, o, s) =>
      `array_join(transform(array_sort(collect_list(named_struct('p', ${o}, 'a', ${e}))), x -> x.a), ${literal(s)})`,
  },
  trino: {
    quote: doubleQuoted,
    double: 'DOUBLE',
    epochMs: (e) => `CAST(ROUND(to_unixtime(${e}) * 1000) AS BIGINT)`,
    matches: (e, p) => `regexp_like(${e}, ${literal(`(?i)${p}`)})`,
    joinInOrder: (e, o, s) => `array_join(array_agg(${e} ORDER BY ${o}), ${literal(s)})`,
  },
  duckdb: {
    quote: doubleQuoted,
    double: 'DOUBLE',
    epochMs: (e) => `epoch_ms(${e})`,
    matches: (e, p) => `regexp_matches(${e}, ${literal(`(?i)${p}`)})`,
    joinInOrder: (e, o, s) => `string_agg(${e}, ${literal(s)} ORDER BY ${o})`,
  },
};

/** A SQL string literal. */
export function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A number as SQL writes it (the figures' sizes never need an exponent). */
const num = (x: number): string => String(x);

/**
 * The events every query starts from: rows with a case, an activity and a time (as Waymark's import rejects the
 * rest), and each event's position in its case by time, ties in file order (`order`) or by activity.
 */
function eventsCte(t: EventTable, d: DialectRules): string {
  const q = d.quote;
  const table = t.table
    .split('.')
    .map((part) => q(part))
    .join('.');
  const cols = [
    `${q(t.case)} AS case_id`,
    `${q(t.activity)} AS activity`,
    `${d.epochMs(q(t.timestamp))} AS t_ms`,
    ...(t.order ? [`${q(t.order)} AS seq`] : []),
    ...(t.owner ? [`NULLIF(${q(t.owner)}, '') AS owner`] : []),
    ...(t.channel ? [`NULLIF(${q(t.channel)}, '') AS channel`] : []),
  ];
  const where = [
    `${q(t.case)} IS NOT NULL`,
    `${q(t.activity)} IS NOT NULL`,
    `${q(t.timestamp)} IS NOT NULL`,
    ...(t.lifecycle && t.onlyTransition !== undefined
      ? [`${q(t.lifecycle)} = ${literal(t.onlyTransition)}`]
      : []),
  ];
  const tie = t.order ? 'seq' : 'activity';
  return `WITH log_events AS (
  -- one row per event with a case, an activity and a time
  SELECT ${cols.join(',\n         ')}
  FROM ${table}
  WHERE ${where.join('\n    AND ')}
),
ordered AS (
  -- each event's position in its case: by time, ties by ${t.order ? 'file order' : 'activity name'}
  SELECT log_events.*, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY t_ms, ${tie}) AS pos
  FROM log_events
)`;
}

interface Quantile {
  readonly name: string;
  readonly q: number;
}

/**
 * numpy's linear quantile (Waymark's, packages/analytics/src/metrics/stats.ts) of `v` in `source`, portably: rank
 * the values, take the two around (n − 1)·q and interpolate. `group` columns give one row per group.
 */
function quantileCtes(
  source: string,
  group: readonly string[],
  quantiles: readonly Quantile[],
  double: string,
): { ctes: string; select: (name: string) => string } {
  const by = group.length ? `PARTITION BY ${group.join(', ')} ` : '';
  const ranked = `ranked AS (
  SELECT ${[...group, 'v'].join(', ')},
         ROW_NUMBER() OVER (${by}ORDER BY v) - 1 AS r,
         COUNT(*) OVER (${group.length ? `PARTITION BY ${group.join(', ')}` : ''}) AS n
  FROM ${source}
)`;
  const picks = quantiles.flatMap(({ name, q }) => [
    `MIN(CASE WHEN r = FLOOR((n - 1) * ${num(q)}) THEN v END) AS ${name}_lo`,
    `MIN(CASE WHEN r = FLOOR((n - 1) * ${num(q)}) + 1 THEN v END) AS ${name}_hi`,
  ]);
  const picked = `picked AS (
  SELECT ${[...group, 'MAX(n) AS n', 'SUM(v) AS total', 'MIN(v) AS min_v', 'MAX(v) AS max_v', ...picks].join(',\n         ')}
  FROM ranked${group.length ? `\n  GROUP BY ${group.join(', ')}` : ''}
)`;
  const qOf = new Map(quantiles.map((x) => [x.name, x.q]));
  return {
    ctes: `${ranked},\n${picked}`,
    select: (name) => {
      const q = qOf.get(name) as number;
      const pos = `CAST((n - 1) AS ${double}) * ${num(q)}`;
      return `${name}_lo + (COALESCE(${name}_hi, ${name}_lo) - ${name}_lo) * (${pos} - FLOOR(${pos}))`;
    },
  };
}

const median: Quantile = { name: 'q50', q: 0.5 };
const p90: Quantile = { name: 'q90', q: 0.9 };

/** Every figure's query for the table, rules and dialect. */
export function emitSql(table: EventTable, rules: SqlRules, dialect: Dialect): FigureQuery[] {
  const d = dialectRules[dialect];
  const base = eventsCte(table, d);
  const dbl = d.double;
  const out: FigureQuery[] = [];

  // case durations (metrics/cases.ts): last event minus first, in seconds; events per case
  {
    const s = quantileCtes('per_case', [], [median, p90], dbl);
    out.push({
      figure: 'case_durations',
      comment:
        "Case durations: end-to-end time of each case (last event minus first, seconds); mean, median and p90 are numpy's linear quantiles, as Waymark computes them.",
      sql: `${base},
per_case AS (
  SELECT case_id, CAST(MAX(t_ms) - MIN(t_ms) AS ${dbl}) / 1000 AS v, COUNT(*) AS case_events
  FROM log_events
  GROUP BY case_id
),
${s.ctes}
SELECT 'case_durations' AS figure,
       COALESCE(n, 0) AS cases,
       (SELECT COALESCE(SUM(case_events), 0) FROM per_case) AS events,
       total / NULLIF(n, 0) AS mean_seconds,
       ${s.select('q50')} AS median_seconds,
       ${s.select('q90')} AS p90_seconds,
       min_v AS min_seconds,
       max_v AS max_seconds
FROM picked`,
    });
  }

  // the directly-follows graph (metrics/dfg.ts): consecutive pairs within a case and the time between them
  {
    const s = quantileCtes('pairs', ['from_activity', 'to_activity'], [median], dbl);
    out.push({
      figure: 'dfg_edges',
      comment:
        'Directly-follows graph: every consecutive pair of activities within a case, how often it happens and the time between the two events (mean, median, min, max seconds).',
      sql: `${base},
pairs AS (
  SELECT from_activity, to_activity, v
  FROM (
    SELECT activity AS from_activity,
           LEAD(activity) OVER (PARTITION BY case_id ORDER BY pos) AS to_activity,
           CAST(LEAD(t_ms) OVER (PARTITION BY case_id ORDER BY pos) - t_ms AS ${dbl}) / 1000 AS v
    FROM ordered
  ) steps
  WHERE to_activity IS NOT NULL
),
${s.ctes}
SELECT 'dfg_edges' AS figure,
       from_activity,
       to_activity,
       n AS edge_count,
       total / NULLIF(n, 0) AS mean_seconds,
       ${s.select('q50')} AS median_seconds,
       min_v AS min_seconds,
       max_v AS max_seconds
FROM picked
ORDER BY from_activity, to_activity`,
    });
  }

  // variants (metrics/variants.ts): cases grouped by their exact sequence of activities
  out.push({
    figure: 'variants',
    comment: `Variants: cases grouped by their exact sequence of activities (joined with "${variantSeparator}"), most frequent first, ties by sequence; coverage is the share of all cases.`,
    sql: `${base},
sequences AS (
  SELECT case_id, ${d.joinInOrder('activity', 'pos', variantSeparator)} AS activities
  FROM ordered
  GROUP BY case_id
)
SELECT 'variants' AS figure,
       ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, activities) AS variant_rank,
       activities,
       COUNT(*) AS cases,
       CAST(COUNT(*) AS ${dbl}) / (SELECT COUNT(*) FROM sequences) AS coverage
FROM sequences
GROUP BY activities
ORDER BY variant_rank`,
  });

  // hand-offs (metrics/handoffs.ts; domain.md §10): a change of owner between consecutive events of a case
  if (table.owner) {
    const owned = `owned AS (
  -- events with no owner are skipped: a gap in the data is not a hand-off
  SELECT case_id, owner, LAG(owner) OVER (PARTITION BY case_id ORDER BY pos) AS previous_owner
  FROM ordered
  WHERE owner IS NOT NULL
)`;
    const s = quantileCtes('per_case', [], [median, p90], dbl);
    out.push({
      figure: 'hand_offs',
      comment:
        'Hand-offs (domain.md §10): a change of the owner (team or organisation) between consecutive events of a case that have one; per case over all cases.',
      sql: `${base},
${owned},
changes AS (
  SELECT case_id, COUNT(*) AS hand_offs
  FROM owned
  WHERE previous_owner IS NOT NULL AND owner <> previous_owner
  GROUP BY case_id
),
per_case AS (
  SELECT c.case_id, CAST(COALESCE(h.hand_offs, 0) AS ${dbl}) AS v
  FROM (SELECT DISTINCT case_id FROM log_events) c
  LEFT JOIN changes h ON h.case_id = c.case_id
),
${s.ctes}
SELECT 'hand_offs' AS figure,
       COALESCE(n, 0) AS cases,
       COALESCE(total, 0) AS hand_offs,
       (SELECT COUNT(*) FROM per_case WHERE v > 0) AS cases_with_hand_off,
       total / NULLIF(n, 0) AS mean_per_case,
       ${s.select('q50')} AS median_per_case,
       ${s.select('q90')} AS p90_per_case,
       min_v AS min_per_case,
       max_v AS max_per_case
FROM picked`,
    });
    out.push({
      figure: 'hand_off_matrix',
      comment: 'Baton changes: how often the work passes from one owner to another, most frequent first.',
      sql: `${base},
${owned}
SELECT 'hand_off_matrix' AS figure, previous_owner AS from_owner, owner AS to_owner, COUNT(*) AS hand_offs
FROM owned
WHERE previous_owner IS NOT NULL AND owner <> previous_owner
GROUP BY previous_owner, owner
ORDER BY hand_offs DESC, from_owner, to_owner`,
    });
  }

  // silences (metrics/silences.ts): the longest gap between consecutive events of each case
  {
    const threshold = rules.silenceDays * 86_400;
    const s = quantileCtes('per_case', [], [median, p90], dbl);
    out.push({
      figure: 'silences',
      comment: `Silences: the longest time in each case with nothing happening (0 for a single event), and the cases quiet for longer than ${num(rules.silenceDays)} days.`,
      sql: `${base},
gaps AS (
  SELECT case_id, CAST(t_ms - LAG(t_ms) OVER (PARTITION BY case_id ORDER BY pos) AS ${dbl}) / 1000 AS gap
  FROM ordered
),
per_case AS (
  SELECT case_id, COALESCE(MAX(gap), 0) AS v
  FROM gaps
  GROUP BY case_id
),
${s.ctes}
SELECT 'silences' AS figure,
       COALESCE(n, 0) AS cases,
       ${num(threshold)} AS threshold_seconds,
       (SELECT COUNT(*) FROM per_case WHERE v > ${num(threshold)}) AS cases_over_threshold,
       CAST((SELECT COUNT(*) FROM per_case WHERE v > ${num(threshold)}) AS ${dbl}) / NULLIF(n, 0) AS share_over_threshold,
       total / NULLIF(n, 0) AS mean_longest_gap_seconds,
       ${s.select('q50')} AS median_longest_gap_seconds,
       ${s.select('q90')} AS p90_longest_gap_seconds,
       min_v AS min_longest_gap_seconds,
       max_v AS max_longest_gap_seconds
FROM picked`,
    });
  }

  // avoidable contact (metrics/avoidable.ts; NI14): categories, then chasing, transfers, repeats within N days
  {
    const contact = table.channel ? 'channel IS NOT NULL' : '1 = 1';
    const explicit = Object.entries(rules.categories).map(
      ([activity, code]) => `WHEN activity = ${literal(activity)} THEN ${literal(code)}`,
    );
    const windowMs = rules.repeatDays * 86_400_000;
    const branches = [
      ...explicit,
      `WHEN ${d.matches('activity', rules.chasing)} THEN 'PC'`,
      `WHEN ${d.matches('activity', rules.transfers)} THEN 'MD'`,
      ...(windowMs > 0
        ? [`WHEN previous_ms IS NOT NULL AND t_ms - previous_ms <= ${num(windowMs)} THEN 'RP'`]
        : []),
    ];
    const coded = `contacts AS (
  -- contacts: ${table.channel ? 'events with a channel' : 'every event (the log has no channel column)'}
  SELECT case_id, activity, t_ms,
         LAG(t_ms) OVER (PARTITION BY case_id, activity ORDER BY pos) AS previous_ms
  FROM ordered
  WHERE ${contact}
),
coded AS (
  SELECT case_id,
         CASE ${branches.join('\n              ')}
         END AS code
  FROM contacts
)`;
    const avoidable = rules.avoidableCodes.map(literal).join(', ');
    out.push({
      figure: 'avoidable_contact',
      comment:
        'Avoidable contact (NI14): contacts whose activity is given a category, or looks like progress chasing or a transfer, or repeats the same activity in the case within the window; NI14 % = avoidable / contacts × 100.',
      sql: `${base},
${coded}
SELECT 'avoidable_contact' AS figure,
       (SELECT COUNT(DISTINCT case_id) FROM log_events) AS cases,
       COUNT(*) AS contacts,
       COALESCE(SUM(CASE WHEN code IN (${avoidable}) THEN 1 ELSE 0 END), 0) AS avoidable,
       100 * CAST(SUM(CASE WHEN code IN (${avoidable}) THEN 1 ELSE 0 END) AS ${dbl}) / NULLIF(COUNT(*), 0) AS ni14_percent,
       CAST(COUNT(*) AS ${dbl}) / NULLIF((SELECT COUNT(DISTINCT case_id) FROM log_events), 0) AS contacts_per_journey
FROM coded`,
    });
    out.push({
      figure: 'avoidable_by_category',
      comment: 'Avoidable contact by category code (PC, RP, MD and any given), most contacts first.',
      sql: `${base},
${coded}
SELECT 'avoidable_by_category' AS figure, code AS category, COUNT(*) AS contacts
FROM coded
WHERE code IS NOT NULL
GROUP BY code
ORDER BY contacts DESC, category`,
    });
  }
  return out;
}

/** The whole script: a header saying what it is for, then each query after its comment, ending with `;`. */
export function sqlScript(queries: readonly FigureQuery[], header: readonly string[]): string {
  const lines = header.map((h) => `-- ${h}`.trimEnd()).join('\n');
  const body = queries.map((q) => `-- waymark:figure ${q.figure}\n-- ${q.comment}\n${q.sql};\n`).join('\n');
  return `${lines}\n\n${body}`;
}
