import { parseArgs } from 'node:util';
import { problemLines } from '../problem-words';
import {
  compareJourneys,
  costTables,
  defaultCostTableId,
  renderComparisonHtml,
  renderComparisonMarkdown,
  type Comparison,
} from '@waymark/measure';
import type { Translator as MeasureWords } from '@waymark/i18n';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { readJourneyFile } from '../files/read-journey-file';
import { writeOutput } from '../files/write-output';
import { helpText, surveyMapShape } from '../help';
import { resolveCostOptions } from '../files/read-cost-model';
import { pseudonymKeyFromEnv } from '../pseudonym-key';
import type { Said } from '../usage-error';
import type { Words } from '../emit-sql/words';
import { readLogEvidence, withLogEvidence } from './compare-log';
import {
  readSurveyEvidence,
  SurveyInputError,
  withJourneySteps,
  withSurveyEvidence,
} from './survey-evidence';

// The command's own words come from the catalogue, loaded when a message is printed, in the language of
// WAYMARK_LANG, LC_ALL or LANG (as `waymark analyse` says its own).
const wordsModule = () => import('../emit-sql/words');

/** Prints `waymark compare: <message>` and where to read the usage, in the catalogue's words. */
async function usageError(ctx: CliContext, said: string | Said | readonly Said[]): Promise<number> {
  const { cliWords, saidLines } = await wordsModule();
  const w = cliWords(ctx.env);
  const message = typeof said === 'string' ? said : saidLines(w, 'id' in said ? [said] : said);
  ctx.stderr(`waymark compare: ${message}\n${w('cli.seeHelp', { command: 'compare' })}\n`);
  return exitCodes.usage;
}

/** A report's words: measure's (the whole catalogue's translator) and the command's own, in one language. */
interface ReportWords {
  readonly measure: MeasureWords;
  readonly cli: Words;
}

const renderers: Record<'md' | 'json' | 'html', (c: Comparison, w: ReportWords | undefined) => string> = {
  md: (c, w) => renderComparisonMarkdown(c, w?.measure),
  html: (c, w) => renderComparisonHtml(c, w?.measure),
  json: (c) => `${JSON.stringify(c, null, 2)}\n`,
};
const formatIds = Object.keys(renderers) as (keyof typeof renderers)[];

/**
 * The words of a Markdown or HTML comparison in the language of WAYMARK_LANG, LC_ALL or LANG, loaded only for
 * them (JSON is data).
 */
async function reportWords(env: CliContext['env']): Promise<ReportWords> {
  const [{ cliLocale, wordsIn }, { createTranslator }] = await Promise.all([
    wordsModule(),
    import('@waymark/i18n'),
  ]);
  const locale = cliLocale(env);
  return { measure: createTranslator(locale), cli: wordsIn(locale) };
}

/** `waymark compare --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark compare <current> <desired> [--format md|json|html] [--out <file>] [--costs <table> | --cost-model <file.json>] [--price-year <year> [--deflator <file.csv>]] [--log <file>] [--survey <export> [--survey-map <file.json>]]

{compare.about}

{options}
  -f, --format <format>  {compare.format}
  -o, --out <file>       {compare.out}
      --costs <table>    {compare.costs}
      --cost-model <file.json>
                         {compare.costModel}
      --price-year <year>
                         {compare.priceYear}
      --deflator <file.csv>
                         {compare.deflator}
      --log <file>       {compare.log}
      --sco <activity>   {compare.sco}
      --survey <export>  {compare.survey}
      --survey-map <file.json>
                         {compare.surveyMap}
      --force            {compare.force}
  -h, --help             {showHelp}

{example}
  waymark compare examples/melton-asb-victim-current.yaml examples/melton-asb-victim-desired.yaml --format html --out compare.html
`;

/** What the help fills in: the cost tables' ids and the file shapes, as they are typed. */
const helpValues = () => ({
  tables: costTables.map((t) => t.id).join(', '),
  defaultTable: defaultCostTableId,
  costModelShape:
    '{"name", "priceYear", "lines": [{"scope": "channel", "key": "telephone", "method": "direct", "unitCost": 3.19}, ...]}',
  surveyMapShape,
});

const options = {
  format: { type: 'string', short: 'f' },
  out: { type: 'string', short: 'o' },
  costs: { type: 'string' },
  'cost-model': { type: 'string' },
  'price-year': { type: 'string' },
  deflator: { type: 'string' },
  log: { type: 'string' },
  sco: { type: 'string' },
  survey: { type: 'string' },
  'survey-map': { type: 'string' },
  force: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const compareCommand: CliCommand = {
  name: 'compare',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    } catch (e) {
      const { argsErrorWords, cliWords } = await wordsModule();
      return usageError(ctx, argsErrorWords(cliWords(ctx.env), e, 'compare'));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      ctx.stdout(await helpText(ctx, help, helpValues()));
      return exitCodes.ok;
    }
    if (positionals.length !== 2) {
      return usageError(ctx, { id: 'cli.compare.twoJourneys', values: { count: positionals.length } });
    }
    const format = (values.format ?? 'md').toLowerCase();
    if (!formatIds.includes(format as never)) {
      return usageError(ctx, { id: 'eventlog.analyse.badFormat', values: { value: values.format ?? '' } });
    }
    if (values.survey !== undefined) {
      const pseudonymKey = pseudonymKeyFromEnv(ctx.env);
      if ('error' in pseudonymKey) return usageError(ctx, pseudonymKey.error);
    }
    const costs = await resolveCostOptions(ctx.cwd, {
      costs: values.costs,
      costModel: values['cost-model'],
      priceYear: values['price-year'],
      deflator: values.deflator,
    });
    if (!costs.ok) return usageError(ctx, costs.error);
    const sides = [];
    for (const file of positionals) {
      const read = await readJourneyFile(ctx.cwd, file);
      if (!read.ok) {
        ctx.stderr(`✗ ${file}\n${(await problemLines(ctx, read.error.problems, file)).join('\n')}\n`);
        return read.error.exitCode;
      }
      sides.push(read.value.journey);
    }
    const comparison = compareJourneys(sides[0]!, sides[1]!, {
      costTable: costs.value.table,
      costBasis: costs.value.basis,
    });
    if (values.sco !== undefined && values.log === undefined)
      return usageError(ctx, { id: 'cli.compare.scoWithoutLog' });
    if (values['survey-map'] !== undefined && values.survey === undefined)
      return usageError(ctx, { id: 'eventlog.analyse.surveyMapWithoutSurvey' });
    const words = format === 'json' ? undefined : await reportWords(ctx.env);
    let text = renderers[format as keyof typeof renderers](comparison, words);
    let logIndex;
    if (values.log !== undefined) {
      const log = await readLogEvidence(
        ctx.cwd,
        ctx.env,
        values.log,
        values.sco !== undefined ? { activity: values.sco } : sides[0]!.meta.outcomeRule,
        sides[0]!.meta.valueClasses,
      );
      if (!log.ok) {
        const { cliWords, importErrorWords } = await wordsModule();
        const w = cliWords(ctx.env);
        const message = typeof log.error === 'string' ? log.error : importErrorWords(w, log.error);
        const file = values.log;
        const named = message.includes(file) ? 'yes' : 'no';
        ctx.stderr(`waymark compare: ${w('cli.optionSaid', { option: 'log', file, named, message })}\n`);
        return log.io ? exitCodes.io : exitCodes.invalid;
      }
      text = words
        ? withLogEvidence(format as 'md' | 'html', text, log.value, words.cli)
        : withLogEvidence('json', text, log.value);
      logIndex = log.value.index;
    }
    if (values.survey !== undefined) {
      try {
        const survey = await readSurveyEvidence(
          ctx.cwd,
          ctx.env,
          values.survey,
          values['survey-map'],
          logIndex ? { index: logIndex, activities: logIndex.store.activities.values() } : undefined,
        );
        text = await withSurveyEvidence(
          format as 'md' | 'json' | 'html',
          text,
          withJourneySteps(survey, sides[0]!),
          ctx.env,
        );
      } catch (e) {
        if (!(e instanceof SurveyInputError)) throw e;
        const { cliWords, saidLines } = await wordsModule();
        const message = saidLines(cliWords(ctx.env), e.said);
        ctx.stderr(`waymark compare: ${message}\n`);
        return e.io ? exitCodes.io : exitCodes.invalid;
      }
    }
    const written = await writeOutput(ctx, text, values.out, values.force ?? false);
    if (!written.ok) {
      const w = (await wordsModule()).cliWords(ctx.env);
      ctx.stderr(`waymark compare: ${w(written.said.id, written.said.values)}\n`);
      return exitCodes.io;
    }
    if (values.out !== undefined && values.out !== '-') {
      const { cliWords } = await wordsModule();
      ctx.stderr(`${cliWords(ctx.env)('eventlog.analyse.wrote', { file: values.out })}\n`);
    }
    return exitCodes.ok;
  },
};
