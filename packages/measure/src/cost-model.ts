import { channelIds, err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
import { costTables, localUnitCost, type CostTable } from './channel-costs';
import { isPriceYear, shippedDeflator, upratingFactor, type DeflatorSeries } from './gdp-deflator';
import { inputError, parseInput, type InputError } from './input-error';
import { penceToPounds, poundsToPence, roundHalfAway, type Pence } from './money';
import { englishWords, type Words } from './words';

const nonNegative = (what: string) =>
  z
    .number({ error: `expected ${what}, a number ≥ 0` })
    .finite()
    .min(0, { error: `expected ${what}, a number ≥ 0` });
const percent = (what: string) =>
  z
    .number({ error: `expected ${what} as a percentage from 0 to 1000` })
    .min(0, { error: `expected ${what} as a percentage from 0 to 1000` })
    .max(1000, { error: `expected ${what} as a percentage from 0 to 1000` });
const text = (what: string, max: number) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, { error: `expected ${what}` })
    .max(max, { error: `expected ${what} of at most ${max} characters` });
const priceYear = z
  .string({ error: 'expected a price year such as 2026 or 2026-27' })
  .refine(isPriceYear, { error: 'expected a price year such as 2026 or 2026-27' });

/** What a line costs: one contact by a channel, or one occurrence of an activity (from sampling or a log). */
export const costScopes = ['channel', 'activity'] as const;
export type CostScope = (typeof costScopes)[number];

const lineBase = {
  scope: z.enum(costScopes, { error: "expected 'channel' or 'activity'" }),
  /** A channel id (telephone, letter…) for channel lines; the activity's name for activity lines. */
  key: text('the channel or activity this line costs', 120),
  note: z.string().max(500, { error: 'expected a note of at most 500 characters' }).optional(),
};

/** Staff minutes × loaded hourly rate (grade salary, on-costs, overheads) plus non-staff costs. */
export const builtUpLineSchema = z.strictObject({
  ...lineBase,
  method: z.literal('built-up'),
  staffMinutes: nonNegative('staff minutes per contact or activity'),
  /** The grade's annual salary in pounds (for example the midpoint of the grade's spinal points). */
  annualSalary: nonNegative('the annual salary in pounds'),
  /** Employer's on-costs (National Insurance, pension) as a percentage of salary. */
  onCostsPercent: percent('on-costs'),
  /** Overheads (management, accommodation, IT, support services) as a percentage of salary plus on-costs. */
  overheadsPercent: percent('overheads'),
  /** Productive hours a year for one full-time person: the salary is spread over these. */
  hoursPerYear: z
    .number({ error: 'expected productive hours a year from 1 to 8760' })
    .min(1, { error: 'expected productive hours a year from 1 to 8760' })
    .max(8760, { error: 'expected productive hours a year from 1 to 8760' }),
  /** Pounds per contact or activity that are not staff time (postage, printing, licences, call charges). */
  nonStaffCost: nonNegative('non-staff costs in pounds').default(0),
});
/** A unit cost entered as it is. */
export const directLineSchema = z.strictObject({
  ...lineBase,
  method: z.literal('direct'),
  unitCost: nonNegative('the unit cost in pounds'),
});
export const costLineSchema = z.discriminatedUnion('method', [builtUpLineSchema, directLineSchema], {
  error: "expected method 'built-up' (staff time) or 'direct' (a unit cost entered)",
});
export type CostLine = z.infer<typeof costLineSchema>;
export type BuiltUpLine = z.infer<typeof builtUpLineSchema>;

/** A workspace's cost model (issue 13 item 2): unit costs per channel and per activity, in one price year. */
export const costModelSchema = z
  .strictObject({
    name: text('a name for the model', 120),
    /** The prices its figures are in: '2026' or '2026-27'. */
    priceYear,
    lines: z.array(costLineSchema).max(200, { error: 'expected at most 200 lines' }),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.lines.forEach((l, i) => {
      const id = `${l.scope}:${l.key.toLowerCase()}`;
      if (seen.has(id))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'key'],
          message: `expected each ${l.scope} once; "${l.key}" is repeated`,
        });
      seen.add(id);
      if (l.scope === 'channel' && !(channelIds as readonly string[]).includes(l.key))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'key'],
          message: `expected a channel: ${channelIds.join(', ')}`,
        });
    });
  });
export type CostModelInput = z.infer<typeof costModelSchema>;

export const parseCostModel = (input: unknown): Result<CostModelInput, readonly InputError[]> =>
  parseInput(costModelSchema, input);

/** A model with its id and where it comes from: a workspace's own, or a published table (read-only). */
export interface CostModel extends CostModelInput {
  readonly id: string;
  readonly kind: 'workspace' | 'published';
  /** Published tables only: the citation and year as published. */
  readonly source?: string;
}

/** The working of a built-up line, unrounded; `unitCostPence` is the one reported figure. */
export interface BuildUp {
  readonly salaryWithOnCosts: number;
  readonly fullyLoadedSalary: number;
  readonly loadedHourlyRate: number;
  readonly staffCost: number;
  readonly unitCost: number;
  readonly unitCostPence: Pence;
}

/**
 * loaded hourly rate = salary × (1 + on-costs %) × (1 + overheads %) ÷ productive hours a year;
 * unit cost = staff minutes ÷ 60 × loaded hourly rate + non-staff costs. Rounded once, to the penny, at the end.
 */
export function buildUp(line: Omit<BuiltUpLine, 'scope' | 'key' | 'method' | 'note'>): BuildUp {
  const salaryWithOnCosts = line.annualSalary * (1 + line.onCostsPercent / 100);
  const fullyLoadedSalary = salaryWithOnCosts * (1 + line.overheadsPercent / 100);
  const loadedHourlyRate = fullyLoadedSalary / line.hoursPerYear;
  // domain.md §5's local activity-based costing: minutes × loaded £ a minute × (1 + overhead uplift).
  const staffCost = localUnitCost(
    line.staffMinutes,
    salaryWithOnCosts / line.hoursPerYear / 60,
    line.overheadsPercent / 100,
  );
  const unitCost = staffCost + line.nonStaffCost;
  return {
    salaryWithOnCosts,
    fullyLoadedSalary,
    loadedHourlyRate,
    staffCost,
    unitCost,
    unitCostPence: poundsToPence(unitCost),
  };
}

/** A line's unit cost in pounds, unrounded. */
export const lineUnitCost = (line: CostLine): number =>
  line.method === 'direct' ? line.unitCost : buildUp(line).unitCost;

/** Core channel ids that the published tables name differently. */
const tableChannel = (channel: string) => (channel === 'letter' ? 'post' : channel);
const modelChannel = (channel: string) => (channel === 'post' ? 'letter' : channel);

/** The published tables (domain.md §5) as read-only models, each with its year and source. */
export const publishedCostModels: readonly CostModel[] = costTables.map((t) => ({
  id: t.id,
  kind: 'published',
  name: t.source,
  source: t.source,
  // A table without a year (PwC) cannot be uprated: its price year is unknown, and says so.
  priceYear: t.year === null ? '' : String(t.year),
  lines: Object.entries(t.perContact).map(([channel, unitCost]) => ({
    scope: 'channel' as const,
    key: modelChannel(channel),
    method: 'direct' as const,
    unitCost,
  })),
}));

/** Which model and price base a cost figure used: said beside every cost figure. */
export interface CostBasis {
  readonly modelId: string;
  readonly modelName: string;
  readonly kind: 'workspace' | 'published';
  /** The model's own price year; '' when the source gives none. */
  readonly priceYear: string;
  /** The prices the figures are shown in: the model's own, or the year they were uprated to. */
  readonly shownIn: string;
  readonly uprated: boolean;
  /** The deflator used to uprate, when one was. */
  readonly deflator?: { readonly title: string; readonly published: string; readonly url: string };
}

/** A model turned into unit costs in one price base. */
export interface ResolvedCostModel {
  /** Channel unit costs, each rounded to the penny, for the existing per-contact arithmetic. */
  readonly table: CostTable;
  /** Activity unit costs in pounds, each rounded to the penny, by activity name as the model spells it. */
  readonly activities: Readonly<Record<string, number>>;
  readonly basis: CostBasis;
}

/**
 * The model's unit costs in `toPriceYear` prices (its own when absent), uprated with the GDP deflator:
 * unit cost × index(to) ÷ index(from), each rounded once to the penny.
 */
export function resolveCostModel(
  model: CostModel,
  options: { readonly toPriceYear?: string; readonly deflator?: DeflatorSeries } = {},
): Result<ResolvedCostModel, readonly InputError[]> {
  const to = options.toPriceYear ?? model.priceYear;
  const deflator = options.deflator ?? shippedDeflator;
  let factor = 1;
  const uprated = to !== model.priceYear;
  if (uprated) {
    if (!isPriceYear(to))
      return err([inputError('toPriceYear', 'expected a price year such as 2024 or 2024-25')]);
    if (model.priceYear === '')
      return err([
        inputError(
          'priceYear',
          `expected a price year for "${model.name}"; its source gives none, so it cannot be uprated`,
        ),
      ]);
    const f = upratingFactor(deflator, model.priceYear, to);
    if (!f.ok) return f;
    factor = f.value;
  }
  const perContact: Record<string, number> = {};
  const activities: Record<string, number> = {};
  for (const line of model.lines) {
    const pounds = penceToPounds(poundsToPence(lineUnitCost(line) * factor));
    if (line.scope === 'channel') perContact[tableChannel(line.key)] = pounds;
    else activities[line.key] = pounds;
  }
  return ok({
    table: {
      id: model.id,
      source: model.kind === 'published' ? (model.source ?? model.name) : model.name,
      year: /^\d{4}$/.test(to) ? Number(to) : model.priceYear === '' ? null : Number(to.slice(0, 4)),
      perContact,
    },
    activities,
    basis: {
      modelId: model.id,
      modelName: model.name,
      kind: model.kind,
      priceYear: model.priceYear,
      shownIn: to,
      uprated,
      ...(uprated
        ? { deflator: { title: deflator.title, published: deflator.published, url: deflator.url } }
        : {}),
    },
  });
}

/** The basis of a published table used as it is (Compare's default). */
export function tableBasis(table: CostTable): CostBasis {
  const year = table.year === null ? '' : String(table.year);
  return {
    modelId: table.id,
    modelName: table.source,
    kind: 'published',
    priceYear: year,
    shownIn: year,
    uprated: false,
  };
}

/**
 * "Workspace model ‘Melton 2026’, 2026-27 prices" / "Socitm Insight channel value benchmarking 2011, uprated to
 * 2024 prices": which model and price base a figure used, in `words`.
 */
export function costBasisLabel(basis: CostBasis, words: Words = englishWords): string {
  const name = basis.modelName;
  if (basis.priceYear === '') return words.t('costs.basis.noYear', { name });
  if (basis.kind === 'workspace')
    return basis.uprated
      ? words.t('costs.basis.workspaceUprated', { name, from: basis.priceYear, to: basis.shownIn })
      : words.t('costs.basis.workspace', { name, year: basis.priceYear });
  return basis.uprated
    ? words.t('costs.basis.publishedUprated', { name, from: basis.priceYear, to: basis.shownIn })
    : words.t('costs.basis.published', { name, year: basis.priceYear });
}

/** Pounds to 2 decimal places as a number with no float artefacts (17.26, never 17.259999999999998). */
export const exactPounds = (pounds: number): number => roundHalfAway(pounds, 2);
