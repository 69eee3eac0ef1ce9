import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { ImportError, importLogFile, type ColumnMapping, type ImportFileOptions } from '@waymark/analytics';
import { exitCodes, type CliContext } from '../command';
import { sqlRules } from './rules';
import { dialects, emitSql, figureIds, sqlScript, type Dialect, type EventTable } from './sql';
import { cliWords, importErrorWords, namedAsGiven, type Words } from './words';

/** What `waymark analyse --emit-sql` is given: the analyse options it uses, already parsed. */
export interface EmitSqlRequest {
  /** A sample of the log (optional): its header gives the column names, as `analyse` would map them. */
  readonly sample?: string;
  readonly importOptions: ImportFileOptions;
  /** Column names given on the command line (`--case` …). */
  readonly mapping: ColumnMapping;
  readonly dialect?: string;
  readonly table?: string;
  readonly order?: string;
  readonly onlyTransition?: string;
  readonly silenceDays?: number;
  readonly repeatDays?: number;
  readonly categories?: Readonly<Record<string, string>>;
  readonly out?: string;
}

/** The names used when neither a sample nor an option names a column (the CSV header `scripts/generate-log.ts` writes). */
export const defaultColumns = {
  case: 'case_id',
  activity: 'activity',
  timestamp: 'timestamp',
  org: 'team',
  channel: 'channel',
} as const;

const none = (name: string | undefined): string | undefined =>
  name === undefined || name === '' || name === 'none' || name === '-' ? undefined : name;

/** The table description from the options, the sample's mapping and the defaults, in that order. */
export function eventTable(request: EmitSqlRequest, sampled: ColumnMapping | undefined): EventTable {
  const pick = (field: keyof ColumnMapping, fallback: string | undefined): string | undefined => {
    if (request.mapping[field] !== undefined) return none(request.mapping[field]);
    if (sampled) return sampled[field];
    return fallback;
  };
  const lifecycle = pick('lifecycle', undefined);
  const owner = pick('org', defaultColumns.org);
  const channel = pick('channel', defaultColumns.channel);
  return {
    table: request.table ?? 'events',
    case: pick('case', defaultColumns.case) ?? defaultColumns.case,
    activity: pick('activity', defaultColumns.activity) ?? defaultColumns.activity,
    timestamp: pick('timestamp', defaultColumns.timestamp) ?? defaultColumns.timestamp,
    ...(request.order ? { order: request.order } : {}),
    ...(owner ? { owner } : {}),
    ...(channel ? { channel } : {}),
    ...(lifecycle && request.onlyTransition !== undefined
      ? { lifecycle, onlyTransition: request.onlyTransition }
      : {}),
  };
}

/** The script's text for the table, rules and dialect, with its header and each query's comment in `words`. */
export function emitSqlScript(
  table: EventTable,
  request: EmitSqlRequest,
  dialect: Dialect,
  w: Words,
): string {
  const rules = sqlRules({
    ...(request.silenceDays !== undefined ? { silenceDays: request.silenceDays } : {}),
    ...(request.repeatDays !== undefined ? { repeatDays: request.repeatDays } : {}),
    ...(request.categories ? { categories: request.categories } : {}),
  });
  const queries = emitSql(table, rules, dialect).map((q) => ({
    ...q,
    comment: w(`emitSql.figure.${q.figure}`),
  }));
  const header = [
    w('emitSql.header.title', { dialect, table: table.table }),
    w('emitSql.header.columns', {
      case: table.case,
      activity: table.activity,
      timestamp: table.timestamp,
      owner: table.owner ?? w('emitSql.none'),
      channel: table.channel ?? w('emitSql.none'),
    }),
    table.order ? w('emitSql.header.order', { order: table.order }) : w('emitSql.header.noOrder'),
    w('emitSql.header.rules', {
      silenceDays: rules.silenceDays,
      repeatDays: rules.repeatDays,
      categories: Object.keys(rules.categories).length,
    }),
    w('emitSql.header.next', { table: table.table }),
  ];
  return sqlScript(queries, header);
}

/** `waymark analyse --emit-sql`: writes the script to --out or standard output. Never throws on bad input. */
export async function runEmitSql(request: EmitSqlRequest, ctx: CliContext): Promise<number> {
  const w = cliWords(ctx.env);
  const dialect = (request.dialect ?? 'ansi') as Dialect;
  if (!dialects.includes(dialect)) {
    ctx.stderr(
      `waymark analyse: ${w('emitSql.error.dialect', { value: request.dialect ?? '' })}\n${w('eventlog.analyse.seeHelp')}\n`,
    );
    return exitCodes.usage;
  }
  let sampled: ColumnMapping | undefined;
  if (request.sample !== undefined) {
    const path = resolvePath(ctx, request.sample);
    try {
      const imported = await importLogFile(path, request.importOptions);
      sampled = imported.report.mapping;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
      const reason = importErrorWords(w, namedAsGiven(e, path, request.sample));
      ctx.stderr(
        `waymark analyse: ${w('emitSql.error.sampleUnreadable', { file: request.sample, reason })}\n`,
      );
      return e.code === 'io' ? exitCodes.io : exitCodes.invalid;
    }
  }
  const text = emitSqlScript(eventTable(request, sampled), request, dialect, w);
  if (request.out === undefined) {
    ctx.stdout(text);
    return exitCodes.ok;
  }
  try {
    await writeFile(resolvePath(ctx, request.out), text);
  } catch (e) {
    ctx.stderr(
      `waymark analyse: ${w('emitSql.import.cannotWrite', {
        file: request.out,
        reason: e instanceof Error ? e.message : String(e),
      })}\n`,
    );
    return exitCodes.io;
  }
  ctx.stderr(`${w('emitSql.wrote', { file: request.out })}\n`);
  return exitCodes.ok;
}

const resolvePath = (ctx: CliContext, p: string): string => (isAbsolute(p) ? p : join(ctx.cwd, p));

/** For the help text: the figures the script holds. */
export const emittedFigures = figureIds.join(', ');
