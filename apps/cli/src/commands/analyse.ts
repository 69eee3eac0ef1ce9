import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  analyseLog,
  createPseudonymiser,
  ImportError,
  importLogFile,
  renderHtmlReport,
  renderMarkdownReport,
  toJsonReport,
  type AnalysisConfig,
  type ColumnMapping,
  type ImportFileOptions,
  type ImportReport,
  type JsonReport,
  type OutcomeRule,
  dimensionNames,
  parseOutcomeCondition,
  readProblem,
  shouldStream,
  streamFromBytes,
  streamLogFile,
  toStreamedJsonReport,
  toStreamedReport,
} from '@waymark/analytics/log';
import type { CliMessageId, MessageValues } from '@waymark/i18n/cli';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { jsonPlaceValues } from '../files/json-place';
import { helpText, surveyMapShape } from '../help';
import { importLimitsOrSaid } from '../import-limits';
import { oneOffKeyNote, pseudonymKeyFromEnv } from '../pseudonym-key';
import type { Said } from '../usage-error';
import type { ReportWarnings, Words } from '../emit-sql/words';

// The survey, cost-model, SQL and catalogue-words paths are imported when their options are given, not with
// this command, and the engine through @waymark/analytics/log rather than the package's main entry: the
// bundle loads all that an import can reach, and these bring @waymark/core's document schemas (zod), the
// message catalogue (@formatjs) and measure's parsers, start-up that `waymark analyse <log>` never uses
// (decision 0042).
const surveyEvidence = () => import('./survey-evidence');
const costModelFiles = () => import('../files/read-cost-model');
// The command's own words come from the catalogue too, loaded when a message is printed (the one-off key
// note, `wrote`, a usage error or rejected rows) or a Markdown or HTML report is written (its headings and
// labels), in the language of WAYMARK_LANG, LC_ALL or LANG; `--format json` never loads it.
const wordsModule = () => import('../emit-sql/words');
const catalogueWords = async (env: CliContext['env']) => (await wordsModule()).cliWords(env);

/** The page an HTML survey section without a log goes into, in the reader's language. */
const surveyPage = (w: Words): string =>
  `<!doctype html>\n<html lang="${w('eventlog.report.languageTag')}"><head><meta charset="utf-8"><title>${w('commands.surveyReport.pageTitle')}</title></head><body><main>\n</main></body></html>\n`;

/** `waymark analyse --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `waymark analyse <log> [options]
waymark analyse --survey <export> [--survey-map FILE] [--format json|md|html] [--out FILE]

{analyse.about}

{analyse.columns}
  --case C  --activity A  --timestamp T  --start S  --channel H  --org O
  --resource R  --outcome X  --cost K  --lifecycle L
  --no-auto               {analyse.noAuto}
{analyse.reading}
  --tz ZONE               {analyse.tz}
  --date-format F         {analyse.dateFormat}
  --delimiter D           {analyse.delimiter}
  --only-transition T     {analyse.onlyTransition}
{analyse.metrics}
  --silence-days N        {analyse.silenceDays}
  --repeat-days N         {analyse.repeatDays}
  --categories FILE       {analyse.categories}
  --costs FILE            {analyse.costs}
  --cost-model FILE       {analyse.costModel}
  --price-year Y          {analyse.priceYear}
  --deflator FILE         {analyse.deflator}
  --value-classes FILE    {analyse.valueClasses}
  --resolved REGEX        {analyse.resolved}
  --sco ACTIVITY          {analyse.sco}
  --sco-when COL=VALUE    {analyse.scoWhen}
  --delivery A,B          {analyse.delivery}
  --confirmation A,B      {analyse.confirmation}
{analyse.survey}
  --survey FILE           {analyse.surveyFile}
  --survey-map FILE       {analyse.surveyMap}
{analyse.sql}
  --emit-sql              {analyse.emitSql}
  --dialect D             {analyse.dialect}
  --table NAME            {analyse.table}
  --order COL             {analyse.order}
{analyse.output}
  --format json|md|html   {analyse.format}
  --out FILE              {analyse.out}
  -h, --help              {showHelp}
{analyse.limits}
{analyse.privacy}`;

/** The file shapes the help shows: JSON as it is typed, not words. */
const helpShapes = {
  categoriesShape: '{"activity": "PC" | "RP" | ...}',
  costsShape: '{"Phone": 3.19, ...}',
  costModelShape: '{"name", "priceYear", "lines"}',
  valueClassesShape: '{"activity": "value-added" | "necessary" | "waste"}',
  surveyMapShape,
};

const options = {
  case: { type: 'string' },
  activity: { type: 'string' },
  timestamp: { type: 'string' },
  start: { type: 'string' },
  channel: { type: 'string' },
  org: { type: 'string' },
  resource: { type: 'string' },
  outcome: { type: 'string' },
  cost: { type: 'string' },
  lifecycle: { type: 'string' },
  'no-auto': { type: 'boolean' },
  tz: { type: 'string' },
  'date-format': { type: 'string' },
  delimiter: { type: 'string' },
  'only-transition': { type: 'string' },
  'silence-days': { type: 'string' },
  'repeat-days': { type: 'string' },
  categories: { type: 'string' },
  costs: { type: 'string' },
  'cost-model': { type: 'string' },
  'price-year': { type: 'string' },
  deflator: { type: 'string' },
  'value-classes': { type: 'string' },
  resolved: { type: 'string' },
  sco: { type: 'string' },
  'sco-when': { type: 'string' },
  delivery: { type: 'string' },
  confirmation: { type: 'string' },
  survey: { type: 'string' },
  'survey-map': { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'emit-sql': { type: 'boolean' },
  dialect: { type: 'string' },
  table: { type: 'string' },
  order: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A usage error: the catalogue's id and values for the command's own words, or text from elsewhere as it is. */
class UsageError extends Error {
  readonly id: CliMessageId | undefined;
  readonly values: MessageValues | undefined;
  /** Problems after the first, said on lines of their own (a file's second and later problems). */
  readonly more: readonly Said[];
  constructor(said: string | Said | readonly [Said, ...Said[]]) {
    const [first, ...more] = (typeof said === 'string' || !Array.isArray(said) ? [said] : said) as readonly (
      string | Said
    )[];
    super(typeof first === 'string' ? first : first!.id);
    this.id = typeof first === 'string' ? undefined : first!.id;
    this.values = typeof first === 'string' ? undefined : first!.values;
    this.more = more as Said[];
  }
}

/** The error's words: the catalogue's, in the user's language, or its own text for one from elsewhere. */
const usageWords = (w: Words, e: UsageError): string =>
  [e.id === undefined ? e.message : w(e.id, e.values), ...e.more.map((s) => w(s.id, s.values))].join('\n  ');

const mappingFields = [
  'case',
  'activity',
  'timestamp',
  'start',
  'channel',
  'org',
  'resource',
  'outcome',
  'cost',
  'lifecycle',
] as const;

export const analyseCommand: CliCommand = {
  name: 'analyse',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (e) {
      const { argsErrorWords, cliWords } = await wordsModule();
      const w = cliWords(ctx.env);
      ctx.stderr(`waymark analyse: ${argsErrorWords(w, e, 'analyse')}\n${w('eventlog.analyse.seeHelp')}\n`);
      return exitCodes.usage;
    }
    const v = parsed.values;
    if (v.help) {
      ctx.stdout(`${await helpText(ctx, help, helpShapes)}\n`);
      return exitCodes.ok;
    }
    try {
      const [logArg, ...extra] = parsed.positionals;
      if (v['emit-sql'] || v.dialect !== undefined || v.table !== undefined || v.order !== undefined)
        return await emitSqlFor(v, logArg, extra, ctx);
      if (logArg === undefined && v.survey === undefined)
        throw new UsageError({ id: 'eventlog.analyse.missingLog' });
      if (v['survey-map'] !== undefined && v.survey === undefined)
        throw new UsageError({ id: 'eventlog.analyse.surveyMapWithoutSurvey' });
      if (extra.length > 0)
        throw new UsageError({ id: 'eventlog.analyse.oneLogAtATime', values: { extra: extra.join(' ') } });
      const format = v.format ?? 'md';
      if (format !== 'json' && format !== 'md' && format !== 'html')
        throw new UsageError({ id: 'eventlog.analyse.badFormat', values: { value: format } });
      const dateOrder = v['date-format'];
      if (dateOrder !== undefined && dateOrder !== 'iso' && dateOrder !== 'dmy' && dateOrder !== 'mdy')
        throw new UsageError({ id: 'eventlog.analyse.badDateFormat', values: { value: dateOrder } });
      const mapping: Record<string, string> = {};
      for (const f of mappingFields) if (v[f] !== undefined) mapping[f] = v[f];
      const limits = importLimitsOrSaid(ctx.env);
      if ('error' in limits) throw new UsageError(limits.error);
      const pseudonymKey = pseudonymKeyFromEnv(ctx.env);
      if ('error' in pseudonymKey) throw new UsageError(pseudonymKey.error);
      const importOptions: ImportFileOptions = {
        limits,
        mapping: mapping as ColumnMapping,
        autoMap: !v['no-auto'],
        ...(v.tz ? { zone: v.tz } : {}),
        ...(dateOrder ? { dateOrder } : {}),
        ...(v.delimiter
          ? { delimiter: v.delimiter === '\\t' || v.delimiter === 'tab' ? '\t' : v.delimiter }
          : {}),
        ...(v['only-transition'] ? { lifecycle: v['only-transition'] } : {}),
      };
      if (logArg === undefined) {
        const { readSurveyEvidence, withSurveyEvidence } = await surveyEvidence();
        const survey = await readSurveyEvidence(ctx.cwd, ctx.env, v.survey!, v['survey-map']);
        const empty =
          format === 'json' ? '{}' : format === 'md' ? '' : surveyPage(await catalogueWords(ctx.env));
        return await emit(ctx, v.out, await withSurveyEvidence(format, empty, survey, ctx.env));
      }
      const config = await readConfig(v, ctx);
      const { key } = pseudonymKey;
      if (key === undefined) {
        const w = await catalogueWords(ctx.env);
        const message = w(oneOffKeyNote.id, oneOffKeyNote.values);
        ctx.stderr(`${w('eventlog.analyse.note', { message })}\n`);
      }
      const pseudonymise = createPseudonymiser(key ?? randomBytes(32).toString('hex'));
      const logPath = resolvePath(ctx, logArg);
      // a log larger than WAYMARK_STREAM_FROM_MB (default a quarter of memory) is streamed: no event is kept
      if (v.survey === undefined && (await shouldStream(logPath, streamFromBytes(ctx.env)))) {
        const w = await catalogueWords(ctx.env);
        const streamed = await streamLogFile(logPath, {
          ...importOptions,
          ...(config.topVariants !== undefined ? { topVariants: config.topVariants } : {}),
          ...(config.silenceThresholdDays !== undefined
            ? { silenceThresholdDays: config.silenceThresholdDays }
            : {}),
          ...(config.avoidable ? { avoidable: config.avoidable } : {}),
          ...(config.costTable ? { costTable: config.costTable } : {}),
          ...(config.localCosts ? { localCosts: config.localCosts } : {}),
          ...(config.resolvedOutcome ? { resolvedOutcome: config.resolvedOutcome } : {}),
          ...(config.successfulOutcome ? { successfulOutcome: config.successfulOutcome } : {}),
          ...(config.closedLoop ? { closedLoop: config.closedLoop } : {}),
          pseudonymise,
        });
        const note = w('eventlog.streamed.notComputed');
        ctx.stderr(`${w('eventlog.analyse.note', { message: note })}\n`);
        // options for figures a streamed log does not have are said to be unused, not silently dropped
        const unused = streamedUnused.filter((o) => v[o] !== undefined).map((o) => `--${o}`);
        if (unused.length > 0)
          ctx.stderr(
            `${w('eventlog.analyse.warning', { message: w('eventlog.streamed.optionsNotUsed', { options: unused.join(', ') }) })}\n`,
          );
        const streamedJson = toStreamedJsonReport(streamed.figures, streamed.report);
        await warn(ctx, streamedJson.log, streamed.report);
        if (format === 'json') return await emit(ctx, v.out, `${JSON.stringify(streamedJson, null, 2)}\n`);
        // Markdown and HTML: the same renderers, given the streamed figures with the rest left out and the note
        const whole = toStreamedReport(streamed.figures, streamed.report, note);
        return await emit(
          ctx,
          v.out,
          await readersReport(ctx, format, whole, logArg, streamedJson.log, [note]),
        );
      }
      const imported = await importLogFile(logPath, importOptions);
      const analysis = analyseLog(imported.store, { ...config, pseudonymise });
      const report = toJsonReport(analysis, imported.report);
      let text =
        format === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : await readersReport(ctx, format, report, logArg, report.log);
      if (v.survey !== undefined) {
        const { readSurveyEvidence, withSurveyEvidence } = await surveyEvidence();
        const survey = await readSurveyEvidence(ctx.cwd, ctx.env, v.survey, v['survey-map'], {
          index: analysis.index,
          activities: analysis.index.store.activities.values(),
        });
        text = await withSurveyEvidence(format, text, survey, ctx.env);
      }
      await warn(ctx, report.log, imported.report);
      return await emit(ctx, v.out, text);
    } catch (e) {
      if (v.survey !== undefined && e instanceof (await surveyEvidence()).SurveyInputError) {
        const { cliWords, saidLines } = await wordsModule();
        const message = saidLines(cliWords(ctx.env), e.said);
        ctx.stderr(`waymark analyse: ${message}\n`);
        return e.io ? exitCodes.io : exitCodes.invalid;
      }
      if (e instanceof ConfigError) {
        ctx.stderr(`waymark analyse: ${usageWords(await catalogueWords(ctx.env), e)}\n`);
        return e.io ? exitCodes.io : exitCodes.invalid;
      }
      if (e instanceof UsageError) {
        const w = await catalogueWords(ctx.env);
        ctx.stderr(`waymark analyse: ${usageWords(w, e)}\n${w('eventlog.analyse.seeHelp')}\n`);
        return exitCodes.usage;
      }
      if (e instanceof ImportError) {
        const { cliWords, importErrorWords, namedAsGiven } = await wordsModule();
        const logArg = parsed.positionals[0];
        const said = importErrorWords(
          cliWords(ctx.env),
          namedAsGiven(e, logArg === undefined ? '' : resolvePath(ctx, logArg), logArg),
        );
        ctx.stderr(`waymark analyse: ${said}\n`);
        return e.code === 'io' ? exitCodes.io : exitCodes.invalid;
      }
      throw e;
    }
  },
};

/** The options for figures the streaming mode does not compute (see notStreamed in @waymark/analytics). */
const streamedUnused = ['value-classes'] as const;

/**
 * The report as Markdown or HTML in the reader's words (the catalogue's, in the language of WAYMARK_LANG, LC_ALL
 * or LANG, loaded only now): its headings and labels, and the log's warnings (by their codes, from `codes`, after
 * `first`) and rejected rows (by theirs) as the CLI says them.
 */
async function readersReport(
  ctx: CliContext,
  format: 'md' | 'html',
  report: JsonReport,
  title: string,
  codes: ReportWarnings,
  first: readonly string[] = [],
): Promise<string> {
  const { cliWords, rejectionWords, warningWords } = await wordsModule();
  const w = cliWords(ctx.env);
  const log = report.log;
  const said: JsonReport = {
    ...report,
    log: {
      ...log,
      warnings: [...first, ...warningWords(w, codes)],
      rejections: log.rejections.map((x) => ({ ...x, reason: rejectionWords(w, x) })),
    },
  };
  return format === 'md' ? renderMarkdownReport(said, title, w) : renderHtmlReport(said, title, w);
}

/**
 * The import's warnings (by their codes, in the catalogue's words) and the rejected rows: how many, and the
 * first three with line, column and why in the catalogue's words for each rejection's code. The catalogue is
 * loaded only when there is something to say.
 */
async function warn(ctx: CliContext, log: ReportWarnings, r: ImportReport): Promise<void> {
  if (log.warnings.length === 0 && r.rejectedRows === 0) return;
  const { cliWords, rejectionWords, warningWords } = await wordsModule();
  const w = cliWords(ctx.env);
  for (const message of warningWords(w, log)) ctx.stderr(`${w('eventlog.analyse.warning', { message })}\n`);
  if (r.rejectedRows === 0) return;
  const listed = r.rejections.slice(0, 3);
  const first = listed
    .map((x) =>
      w('eventlog.analyse.rejectedAt', {
        line: x.line,
        hasColumn: x.field ? 'yes' : 'no',
        column: x.field ?? '',
        why: rejectionWords(w, x),
      }),
    )
    .join(' ');
  const message = w('eventlog.analyse.rejectedRows', {
    rejected: r.rejectedRows,
    rows: r.rows,
    more: listed.length > 0 && r.rejectedRows > listed.length ? 'yes' : 'no',
    listed: listed.length,
    first,
  });
  ctx.stderr(`${w('eventlog.analyse.warning', { message })}\n`);
}

/** What went wrong writing a file, as the catalogue's cannotWrite says it. */
function writeProblem(e: unknown): 'noFolder' | 'denied' | 'isFolder' | 'other' {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'noFolder';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'denied';
  if (code === 'EISDIR') return 'isFolder';
  return 'other';
}

async function emit(ctx: CliContext, out: string | undefined, text: string): Promise<number> {
  if (out) {
    try {
      await writeFile(resolvePath(ctx, out), text);
    } catch (e) {
      const w = await catalogueWords(ctx.env);
      const reason = e instanceof Error ? e.message : String(e);
      ctx.stderr(
        `waymark analyse: ${w('eventlog.analyse.cannotWrite', { file: out, problem: writeProblem(e), reason })}\n`,
      );
      return exitCodes.io;
    }
    // plain words without the translator: this line ends every `--out` run (issue 15's whole-process timings)
    const { helpLocale, plainMessage } = await import('@waymark/i18n/help');
    ctx.stderr(`${await plainMessage(helpLocale(ctx.env), 'eventlog.analyse.wrote', { file: out })}\n`);
  } else ctx.stdout(text);
  return exitCodes.ok;
}

/** A settings file or option that cannot be used: the catalogue's id and values, or text from elsewhere as it is. */
class ConfigError extends UsageError {
  constructor(
    said: ConstructorParameters<typeof UsageError>[0],
    readonly io: boolean,
  ) {
    super(said);
  }
}

function resolvePath(ctx: CliContext, p: string): string {
  return isAbsolute(p) ? p : join(ctx.cwd, p);
}

/** What a settings file's values must be, as the catalogue's optionFile messages name them, with an example. */
const expectedValues = {
  categoryCode: '{"Chase progress": "PC"}',
  poundsPerContact: '{"Phone": 4.2}',
  valueClass: '{"Report noise": "value-added"}',
} as const;

async function readJsonRecord(
  ctx: CliContext,
  option: string,
  file: string,
  check: (value: unknown) => boolean,
  expected: keyof typeof expectedValues,
): Promise<Record<string, never>> {
  let bytes;
  try {
    bytes = await readFile(resolvePath(ctx, file));
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new ConfigError(
      {
        id: 'eventlog.analyse.optionFile.cannotRead',
        values: { option, file, problem: readProblem(e), reason },
      },
      true,
    );
  }
  // the one decoding rule (decision 0011): bytes that are not UTF-8 are refused, not read as U+FFFD
  const { decodeText } = await import('@waymark/core/text');
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    const { code, line, column } = decoded.error;
    throw new ConfigError(
      { id: 'eventlog.analyse.optionFile.notText', values: { option, file, problem: code, line, column } },
      false,
    );
  }
  const text = decoded.value;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(
      {
        id: 'eventlog.analyse.optionFile.notJson',
        values: {
          option,
          file,
          ...jsonPlaceValues(text, e),
        },
      },
      false,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw new ConfigError(
      {
        id: 'eventlog.analyse.optionFile.notObject',
        values: { option, file, expected, example: expectedValues[expected] },
      },
      false,
    );
  for (const [key, val] of Object.entries(data))
    if (!check(val))
      throw new ConfigError(
        {
          id: 'eventlog.analyse.optionFile.badValue',
          values: { option, file, key, expected, got: JSON.stringify(val) },
        },
        false,
      );
  return data as Record<string, never>;
}

function positiveNumber(flag: string, s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError({ id: 'eventlog.analyse.badDays', values: { option: flag, value: s } });
  return n;
}

async function readConfig(
  v: Record<string, string | boolean | undefined>,
  ctx: CliContext,
): Promise<AnalysisConfig> {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const silence = positiveNumber('silence-days', str('silence-days'));
  const repeat = positiveNumber('repeat-days', str('repeat-days'));
  const categoriesPath = str('categories');
  const costsPath = str('costs');
  const classesPath = str('value-classes');
  const categories = categoriesPath
    ? await readJsonRecord(
        ctx,
        'categories',
        categoriesPath,
        (x) => typeof x === 'string' && x.length > 0,
        'categoryCode',
      )
    : undefined;
  // a cost model or price year: the table's source then says the model and price base (issue 13 item 2)
  let costTable;
  if (str('cost-model') !== undefined || str('price-year') !== undefined || str('deflator') !== undefined) {
    const { labelledTable, resolveCostOptions } = await costModelFiles();
    const resolved = await resolveCostOptions(ctx.cwd, {
      costModel: str('cost-model'),
      priceYear: str('price-year'),
      deflator: str('deflator'),
    });
    if (!resolved.ok) throw new ConfigError(resolved.error, false);
    costTable = labelledTable(resolved.value);
  }
  const localCosts = costsPath
    ? await readJsonRecord(
        ctx,
        'costs',
        costsPath,
        (x) => typeof x === 'number' && x >= 0,
        'poundsPerContact',
      )
    : undefined;
  const valueClasses = classesPath
    ? await readJsonRecord(
        ctx,
        'value-classes',
        classesPath,
        (x) => x === 'value-added' || x === 'necessary' || x === 'waste',
        'valueClass',
      )
    : undefined;
  let resolved: RegExp | undefined;
  const resolvedText = str('resolved');
  if (resolvedText !== undefined) {
    try {
      resolved = new RegExp(resolvedText, 'i');
    } catch {
      throw new UsageError({ id: 'eventlog.analyse.badResolved', values: { value: resolvedText } });
    }
  }
  const scoActivity = str('sco');
  const scoWhen = str('sco-when');
  if (scoActivity !== undefined && scoWhen !== undefined)
    throw new UsageError({ id: 'eventlog.analyse.scoAndScoWhen' });
  if (scoActivity !== undefined && scoActivity.trim() === '')
    throw new UsageError({ id: 'eventlog.analyse.scoEmpty' });
  let successfulOutcome: OutcomeRule | undefined = scoActivity ? { activity: scoActivity } : undefined;
  if (scoWhen !== undefined) {
    const parsed = parseOutcomeCondition(scoWhen, dimensionNames);
    if ('error' in parsed) throw new UsageError(`--sco-when: ${parsed.error}`);
    successfulOutcome = parsed;
  }
  const list = (k: string) =>
    str(k)
      ?.split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  const delivery = list('delivery');
  const confirmation = list('confirmation');
  return {
    ...(successfulOutcome ? { successfulOutcome } : {}),
    ...(delivery || confirmation
      ? { closedLoop: { ...(delivery ? { delivery } : {}), ...(confirmation ? { confirmation } : {}) } }
      : {}),
    ...(silence !== undefined ? { silenceThresholdDays: silence } : {}),
    avoidable: {
      ...(repeat !== undefined ? { repeatWithinDays: repeat } : {}),
      ...(categories ? { categories } : {}),
    },
    ...(localCosts ? { localCosts } : {}),
    ...(costTable ? { costTable } : {}),
    ...(valueClasses ? { valueClasses } : {}),
    ...(resolved ? { resolvedOutcome: resolved } : {}),
  };
}

/** `--emit-sql`: the figures as SQL over a table of events (apps/cli/src/emit-sql; docs/emit-sql.md). */
async function emitSqlFor(
  v: Record<string, string | boolean | undefined>,
  sample: string | undefined,
  extra: readonly string[],
  ctx: CliContext,
): Promise<number> {
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const w = await catalogueWords(ctx.env);
  if (!v['emit-sql']) throw new UsageError(w('emitSql.error.dialectWithoutEmit'));
  if (str('survey') !== undefined) throw new UsageError(w('emitSql.error.withSurvey'));
  if (extra.length > 0) throw new UsageError(w('eventlog.analyse.oneLogAtATime', { extra: extra.join(' ') }));
  const mapping: Record<string, string> = {};
  for (const f of mappingFields) if (str(f) !== undefined) mapping[f] = str(f) as string;
  const limits = importLimitsOrSaid(ctx.env);
  if ('error' in limits) throw new UsageError(limits.error);
  const config = await readConfig(v, ctx);
  const delimiter = str('delimiter');
  // the sample is read with the names given but "none" left out, so its header maps the rest
  const given = Object.fromEntries(Object.entries(mapping).filter(([, c]) => c !== 'none' && c !== '-'));
  const { runEmitSql } = await import('../emit-sql/emit-command');
  return runEmitSql(
    {
      ...(sample !== undefined ? { sample } : {}),
      importOptions: {
        limits,
        mapping: given as ColumnMapping,
        autoMap: !v['no-auto'],
        ...(delimiter ? { delimiter: delimiter === '\\t' || delimiter === 'tab' ? '\t' : delimiter } : {}),
      },
      mapping: mapping as ColumnMapping,
      ...(str('dialect') !== undefined ? { dialect: str('dialect') } : {}),
      ...(str('table') !== undefined ? { table: str('table') } : {}),
      ...(str('order') !== undefined ? { order: str('order') } : {}),
      ...(str('only-transition') !== undefined ? { onlyTransition: str('only-transition') } : {}),
      ...(config.silenceThresholdDays !== undefined ? { silenceDays: config.silenceThresholdDays } : {}),
      ...(config.avoidable?.repeatWithinDays !== undefined
        ? { repeatDays: config.avoidable.repeatWithinDays }
        : {}),
      ...(config.avoidable?.categories ? { categories: config.avoidable.categories } : {}),
      ...(str('out') !== undefined ? { out: str('out') } : {}),
    },
    ctx,
  );
}
