import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  activityCategorySchema,
  costActivities,
  loadedRateOf,
  parseCostModel,
  penceToDecimalString,
  profileActivity,
  renderSamplingCostMarkdown,
  resolveCostModel,
  type CostModel,
} from '@waymark/measure';
import { createTranslator } from '@waymark/i18n';
import { z } from 'zod';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { cliLocale } from '../emit-sql/words';
import { jsonPlaceValues } from '../files/json-place';
import { helpText } from '../help';
import { argsError, sayWords, usageError, type Said } from '../usage-error';

/** `waymark sampling-cost --help`: typed parts as they are, `{id}` the catalogue's `help.<id>` (help.ts). */
const help = `{usage} waymark sampling-cost <sample.json> --cost-model <file.json> --rate-line <key> --staff-hours <N> [--format md|json]

{samplingCost.about}

  <sample.json>          {samplingCost.sample}
      --cost-model <file.json>
                         {samplingCost.costModel}
      --rate-line <key>  {samplingCost.rateLine}
      --staff-hours <N>  {samplingCost.staffHours}
  -f, --format md|json   {samplingCost.format}
  -h, --help             {showHelp}
`;

/** The file shapes the help shows, as they are typed. */
const helpShapes = {
  sampleShape:
    '{"categories": [{"id", "label", "classification": "value-added" | "necessary-non-value-added" | "waste"}], "observations": ["id", ...]}',
  counts: '"counts": {"id": n}',
  observations: '"observations"',
  costModelShape: '{"name", "priceYear", "lines"}',
};

const sampleSchema = z.strictObject({
  categories: z.array(activityCategorySchema).min(1, { error: 'expected at least one category' }),
  observations: z.array(z.string()).optional(),
  counts: z.record(z.string(), z.number().int().min(0)).optional(),
});

/** A file sampling-cost could not read, as the catalogue says it. */
class ReadProblem extends Error {
  constructor(readonly said: Said) {
    super(said.id);
  }
}

async function readJson(ctx: CliContext, which: 'sample' | 'costModel', file: string): Promise<unknown> {
  const text = await readFile(resolve(ctx.cwd, file), 'utf8').catch((e: { code?: string }) => {
    throw new ReadProblem({
      id: 'commands.samplingCost.cannotRead',
      values: { which, file, problem: e.code === 'ENOENT' ? 'noFile' : 'other' },
    });
  });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ReadProblem({
      id: 'commands.samplingCost.notJson',
      values: {
        which,
        file,
        ...jsonPlaceValues(text, e),
      },
    });
  }
}

async function problemsOf(
  ctx: CliContext,
  label: string,
  errors: readonly { path: string; message: string }[],
): Promise<string> {
  const wholeFile = errors.some((p) => !p.path)
    ? await sayWords(ctx, { id: 'commands.samplingCost.wholeFile' })
    : '';
  return `${label}:\n${errors.map((p) => `  ${p.path || wholeFile}: ${p.message}`).join('\n')}`;
}

async function run(args: readonly string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        'cost-model': { type: 'string' },
        'rate-line': { type: 'string' },
        'staff-hours': { type: 'string' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return argsError(ctx, 'sampling-cost', e);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    ctx.stdout(await helpText(ctx, help, helpShapes));
    return exitCodes.ok;
  }
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'json')
    return usageError(ctx, 'sampling-cost', {
      id: 'commands.samplingCost.badFormat',
      values: { value: format },
    });
  if (positionals.length !== 1)
    return usageError(ctx, 'sampling-cost', {
      id: 'commands.samplingCost.oneFile',
      values: { count: positionals.length },
    });
  if (values['cost-model'] === undefined || values['rate-line'] === undefined)
    return usageError(ctx, 'sampling-cost', { id: 'commands.samplingCost.needsCostModel' });
  const hours = Number(values['staff-hours']);
  if (values['staff-hours'] === undefined || !(hours > 0) || !Number.isFinite(hours))
    return usageError(ctx, 'sampling-cost', {
      id: 'commands.samplingCost.badStaffHours',
      values: { value: values['staff-hours'] ?? '' },
    });
  const sampleFile = positionals[0]!;
  let sampleJson: unknown;
  let modelJson: unknown;
  try {
    sampleJson = await readJson(ctx, 'sample', sampleFile);
    modelJson = await readJson(ctx, 'costModel', values['cost-model']);
  } catch (e) {
    if (!(e instanceof ReadProblem)) throw e;
    ctx.stderr(`✗ ${await sayWords(ctx, e.said)}\n`);
    return exitCodes.io;
  }
  const sample = sampleSchema.safeParse(sampleJson);
  if (!sample.success) {
    ctx.stderr(
      `✗ ${await problemsOf(
        ctx,
        sampleFile,
        sample.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      )}\n`,
    );
    return exitCodes.invalid;
  }
  const observations =
    sample.data.observations ??
    Object.entries(sample.data.counts ?? {}).flatMap(([id, n]) => Array<string>(n).fill(id));
  const modelParsed = parseCostModel(modelJson);
  if (!modelParsed.ok) {
    ctx.stderr(`✗ ${await problemsOf(ctx, `--cost-model ${values['cost-model']}`, modelParsed.error)}\n`);
    return exitCodes.invalid;
  }
  const model: CostModel = { ...modelParsed.value, id: values['cost-model'], kind: 'workspace' };
  const profile = profileActivity(sample.data.categories, observations);
  const rate = loadedRateOf(model, values['rate-line']);
  const resolved = resolveCostModel(model);
  const problems = [
    ...(profile.ok ? [] : profile.error),
    ...(rate.ok ? [] : rate.error),
    ...(resolved.ok ? [] : resolved.error),
  ];
  if (!profile.ok || !rate.ok || !resolved.ok) {
    ctx.stderr(`✗ ${await problemsOf(ctx, sampleFile, problems)}\n`);
    return exitCodes.invalid;
  }
  const costed = costActivities(profile.value, hours, rate.value, resolved.value.basis);
  if (!costed.ok) {
    ctx.stderr(`✗ ${await problemsOf(ctx, sampleFile, costed.error)}\n`);
    return exitCodes.invalid;
  }
  const c = costed.value;
  if (format === 'json') {
    ctx.stdout(
      `${JSON.stringify(
        {
          observations: profile.value.observations,
          staffHoursPerYear: c.staffHoursPerYear,
          loadedHourlyRate: c.loadedHourlyRate,
          activities: c.activities.map((a) => ({
            id: a.categoryId,
            label: a.label,
            classification: a.classification,
            share: a.share,
            hoursPerYear: a.hoursPerYear,
            costPerYear: penceToDecimalString(a.costPerYear),
            costLow: penceToDecimalString(a.costLow),
            costHigh: penceToDecimalString(a.costHigh),
          })),
          nonValueAddedCost: penceToDecimalString(c.nonValueAddedCost),
          wasteCost: penceToDecimalString(c.wasteCost),
          costBasis: c.basis,
        },
        null,
        2,
      )}\n`,
    );
    return exitCodes.ok;
  }
  const words = createTranslator(cliLocale(ctx.env));
  ctx.stdout(renderSamplingCostMarkdown(profile.value.observations, c, words));
  return exitCodes.ok;
}

export const samplingCostCommand: CliCommand = {
  name: 'sampling-cost',
  run,
};
