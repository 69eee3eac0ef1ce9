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
  type InputError,
} from '@waymark/measure';
import { formatPath, problemsFromZod, type Problem } from '@waymark/core';
import { createTranslator } from '@waymark/i18n';
import { z } from 'zod';
import { exitCodes, type CliCommand, type CliContext } from '../command';
import { cliLocale } from '../emit-sql/words';
import { jsonPlaceValues } from '../files/json-place';
import { helpText } from '../help';
import { problemsSaid } from '../problem-words';
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

// its issues are said from the catalogue by their code and values (problemsFromZod), not by their messages
const sampleSchema = z.strictObject({
  categories: z.array(activityCategorySchema).min(1),
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

/** A problem with the sample, at a place in its file: zod's, said by its code, or one of the catalogue's own. */
type SampleProblem = { readonly place: string } & ({ readonly problem: Problem } | { readonly said: Said });

/** `<file>:` then each problem as `  place: words`, in the catalogue's words. */
async function problemsOf(ctx: CliContext, file: string, found: readonly SampleProblem[]): Promise<string> {
  const wholeFile = await sayWords(ctx, { id: 'commands.samplingCost.wholeFile' });
  const lines = await Promise.all(
    found.map(async (f) =>
      'said' in f
        ? `${f.place || wholeFile}: ${await sayWords(ctx, f.said)}`
        : (await problemsSaid(ctx, [f.problem], () => f.place || wholeFile))[0]!,
    ),
  );
  return `${file}:\n${lines.map((l) => `  ${l}`).join('\n')}`;
}

/** zod's issues with the sample, by their codes; an empty list of categories in the sample's own words. */
function schemaProblems(error: z.ZodError): SampleProblem[] {
  return problemsFromZod(error).map((p) => {
    const place = p.path.length === 0 ? '' : formatPath(p.path);
    return place === 'categories' && p.code === 'invalid_too_small'
      ? { place, said: { id: 'commands.samplingCost.noCategories' } }
      : { place, problem: p };
  });
}

/** What stops the sample being counted: a category id given twice, an observation or count of no category. */
function sampleProblems(sample: z.output<typeof sampleSchema>): SampleProblem[] {
  const ids = sample.categories.map((c) => c.id);
  const known = ids.join(', ');
  const found: SampleProblem[] = [];
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first < i)
      found.push({
        place: formatPath(['categories', i, 'id']),
        said: { id: 'commands.problem.duplicateId', values: { id, list: 'categories', first } },
      });
  });
  const noSuch = (path: (string | number)[], id: string): SampleProblem => ({
    place: formatPath(path),
    said: { id: 'commands.samplingCost.noSuchCategory', values: { id, ids: known } },
  });
  sample.observations?.forEach((id, i) => {
    if (!ids.includes(id)) found.push(noSuch(['observations', i], id));
  });
  for (const id of Object.keys(sample.counts ?? {}))
    if (!ids.includes(id)) found.push(noSuch(['counts', id], id));
  const count = sample.observations?.length ?? Object.values(sample.counts ?? {}).reduce((t, n) => t + n, 0);
  if (found.length === 0 && count === 0)
    found.push({
      place: sample.observations ? 'observations' : sample.counts ? 'counts' : '',
      said: { id: 'commands.samplingCost.noObservations' },
    });
  return found.slice(0, 20);
}

/**
 * The cost model's problems in read-cost-model's words (the ones `compare` and `analyse` say, naming the option,
 * file and field), which reads the file again: only when parseCostModel has refused it.
 */
async function costModelProblems(ctx: CliContext, file: string): Promise<Said[]> {
  const { resolveCostOptions } = await import('../files/read-cost-model');
  const resolved = await resolveCostOptions(ctx.cwd, { costModel: file });
  return resolved.ok ? [] : [...resolved.error];
}

/** Measure's problems that the checks above do not foresee, by where they are, never in measure's English. */
const cannotCost = (errors: readonly InputError[], file: string, model: string): Said[] =>
  errors.map((e) => ({
    id: 'commands.samplingCost.cannotCost',
    values: { place: e.path || file, file, model },
  }));

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
  const sample = sampleSchema.safeParse(sampleJson, { reportInput: true });
  const found = sample.success ? sampleProblems(sample.data) : schemaProblems(sample.error);
  if (!sample.success || found.length > 0) {
    ctx.stderr(`✗ ${await problemsOf(ctx, sampleFile, found)}\n`);
    return exitCodes.invalid;
  }
  const observations =
    sample.data.observations ??
    Object.entries(sample.data.counts ?? {}).flatMap(([id, n]) => Array<string>(n).fill(id));
  const modelFile = values['cost-model'];
  const rateLine = values['rate-line'];
  const refuse = async (said: readonly Said[]) => {
    ctx.stderr(`✗ ${await sayWords(ctx, said)}\n`);
    return exitCodes.invalid;
  };
  const modelParsed = parseCostModel(modelJson);
  if (!modelParsed.ok) {
    const said = await costModelProblems(ctx, modelFile);
    return refuse(said.length > 0 ? said : cannotCost(modelParsed.error, sampleFile, modelFile));
  }
  const model: CostModel = { ...modelParsed.value, id: modelFile, kind: 'workspace' };
  const rate = loadedRateOf(model, rateLine);
  if (!rate.ok) {
    const keys = model.lines.filter((l) => l.method === 'built-up').map((l) => l.key);
    return refuse([
      {
        id: 'commands.samplingCost.noRateLine',
        values: {
          key: rateLine,
          model: model.name,
          file: modelFile,
          count: keys.length,
          keys: keys.join(', '),
        },
      },
    ]);
  }
  if (!(rate.value > 0) || !Number.isFinite(rate.value))
    return refuse([{ id: 'commands.samplingCost.noRate', values: { key: rateLine, file: modelFile } }]);
  const profile = profileActivity(sample.data.categories, observations);
  const resolved = resolveCostModel(model);
  if (!profile.ok || !resolved.ok)
    return refuse(
      cannotCost(
        [...(profile.ok ? [] : profile.error), ...(resolved.ok ? [] : resolved.error)],
        sampleFile,
        modelFile,
      ),
    );
  const costed = costActivities(profile.value, hours, rate.value, resolved.value.basis);
  if (!costed.ok) return refuse(cannotCost(costed.error, sampleFile, modelFile));
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
