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
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { readJourneyFile } from '../files/read-journey-file';
import { writeOutput } from '../files/write-output';
import { resolveCostOptions } from '../files/read-cost-model';
import { pseudonymKeyFromEnv } from '../pseudonym-key';
import type { Said } from '../usage-error';
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

const renderers: Record<'md' | 'json' | 'html', (c: Comparison) => string> = {
  md: renderComparisonMarkdown,
  html: renderComparisonHtml,
  json: (c) => `${JSON.stringify(c, null, 2)}\n`,
};
const formatIds = Object.keys(renderers) as (keyof typeof renderers)[];

const help = `Usage: waymark compare <current> <desired> [--format md|json|html] [--out <file>] [--costs <table> | --cost-model <file.json>] [--price-year <year> [--deflator <file.csv>]] [--log <file>] [--survey <export> [--survey-map <file.json>]]

Sets a current journey beside a desired one, step by step: contacts, avoidable contacts, elapsed and
waiting days, hand-offs, cost per journey, emotion (the lowest point, the moments of truth), and the steps
removed and added. Steps align by id (a desired journey duplicated from the current keeps its ids), then by
name; name matches are marked "unconfirmed" until a person confirms them in the web app.

Options:
  -f, --format <format>  md (default), json or html (one self-contained page that prints on A4)
  -o, --out <file>       write to this file instead of standard output
      --costs <table>    cost-per-contact table: ${costTables.map((t) => t.id).join(', ')} (default ${defaultCostTableId})
      --cost-model <file.json>
                         your own cost model: {"name", "priceYear", "lines": [{"scope": "channel", "key":
                         "telephone", "method": "direct", "unitCost": 3.19}, ...]} (docs/worked-checks/costs.md)
      --price-year <year>
                         show costs in this year's prices (2024, or 2024-25 with a financial-year series),
                         uprated with HM Treasury's GDP deflator; every report says the model and price base
      --deflator <file.csv>
                         a newer GDP deflator series to uprate with: CSV "year,index", one year a line
      --log <file>       the current service's event log (CSV, XES, Parquet): adds the closed loop, the
                         value-added ratio and, with --sco, the Successful Customer Outcome, from the log
      --sco <activity>   the activity that is the Successful Customer Outcome: the share of cases that
                         reach it (95 % interval) and how long they take (median, p90); needs --log
      --survey <export>  survey responses (CSV or XLSX from Microsoft Forms, SmartSurvey, GOV.UK Notify): per
                         question and step n, distribution, mean (95 % t interval), median, CSAT, CES and
                         NPS (95 % interval); with --log, whether the survey and the log disagree on a step
                         (docs/worked-checks/survey-scores.md); respondents quoted are pseudonymised
                         with WAYMARK_PSEUDONYM_KEY (at least 16 bytes; unset, a one-off key)
      --survey-map <file.json>
                         which column is which: {"respondent", "date", "consent", "questions": [{"column",
                         "kind": "rating"|"ces"|"nps"|"text", "scale": "1-5"|"1-7"|"0-10", "stepId"}],
                         "activities": {"log activity": "step id"}} (default: guessed from the header)
      --force            replace --out if it exists
  -h, --help             show this help

Example:
  waymark compare examples/melton-asb-victim-current.yaml examples/melton-asb-victim-desired.yaml --format html --out compare.html
`;

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
  summary: 'Set a current journey beside a desired one: per-step and total differences',
  help,
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
      ctx.stdout(help);
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
    let text = renderers[format as keyof typeof renderers](comparison);
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
      text = withLogEvidence(format as 'md' | 'json' | 'html', text, log.value);
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
        text = withSurveyEvidence(
          format as 'md' | 'json' | 'html',
          text,
          withJourneySteps(survey, sides[0]!),
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
