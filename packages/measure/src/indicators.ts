import { err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
import { inputError, parseInput, type InputError } from './input-error';
import { figureKeys } from './journey-figures';
import { comparePeriods, periodSchema, periodStartMonth, type Period } from './period';
import { englishWords, type Words } from './words';

export const indicatorDirections = ['lower-is-better', 'higher-is-better'] as const;

export const indicatorSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected a kebab-case key such as avoidable-percent' }),
  label: z.string().min(1, { error: 'expected a label' }),
  unit: z.string(),
  direction: z.enum(indicatorDirections, { error: "expected 'lower-is-better' or 'higher-is-better'" }),
  baseline: z.number({ error: 'expected a baseline number' }),
  baselinePeriod: periodSchema.optional(),
  target: z.number({ error: 'expected a target number' }),
  targetPeriod: periodSchema.optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorValueSchema = z.object({
  period: periodSchema,
  value: z.number({ error: 'expected a number' }),
  /** Typed in by hand, or computed from an imported log. */
  source: z.enum(['manual', 'computed'], { error: "expected 'manual' or 'computed'" }),
  note: z.string().optional(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

type BuiltIn = Pick<Indicator, 'key' | 'label' | 'unit' | 'direction'>;
const builtInKeys = [
  [figureKeys.avoidablePercent, '%', 'lower-is-better'],
  [figureKeys.contactsPerResolvedRequest, 'contacts', 'lower-is-better'],
  [figureKeys.endToEndDays, 'days', 'lower-is-better'],
  [figureKeys.satisfaction, 'score', 'higher-is-better'],
  [figureKeys.costPerJourney, '£', 'lower-is-better'],
  [figureKeys.closedLoopPercent, '%', 'higher-is-better'],
] as const;
/** The built-in indicators (domain.md §4, issue 6) named in `words`; users add their own with any other key. */
export const builtInIndicatorsIn = (words: Words): readonly BuiltIn[] =>
  builtInKeys.map(([key, unit, direction]) => ({
    key,
    label: words.t(`measure.indicator.${key}`),
    unit,
    direction,
  }));
/**
 * The built-in indicators in English (what the API's clients and stored documents read). Each label is said when
 * read, so importing the package builds no translator (words.ts).
 */
export const builtInIndicators: readonly BuiltIn[] = builtInKeys.map(([key, unit, direction]) => ({
  key,
  get label() {
    return englishWords.t(`measure.indicator.${key}`);
  },
  unit,
  direction,
}));

export type IndicatorStatus = 'met' | 'improving' | 'missed';

export interface IndicatorPoint extends IndicatorValue {
  readonly status: IndicatorStatus;
  /** Months since year 0 at the period start: an x for the chart. */
  readonly x: number;
}

export interface IndicatorSeries {
  readonly indicator: Indicator;
  readonly points: readonly IndicatorPoint[];
  /** Periods whose value missed the target without improving. */
  readonly misses: readonly Period[];
}

const better = (d: Indicator['direction'], a: number, b: number) => (d === 'lower-is-better' ? a < b : a > b);

/** Met: at or beyond the target. Improving: not met, but better than the value before (or the baseline). Else missed. */
export function indicatorStatus(indicator: Indicator, value: number, previous: number): IndicatorStatus {
  if (value === indicator.target || better(indicator.direction, value, indicator.target)) return 'met';
  return better(indicator.direction, value, previous) ? 'improving' : 'missed';
}

/** Check an indicator and its values, order them by period, and give each a status. */
export function indicatorSeries(
  indicator: unknown,
  values: unknown,
): Result<IndicatorSeries, readonly InputError[]> {
  const def = parseInput(indicatorSchema, indicator);
  if (!def.ok) return def;
  const vals = parseInput(z.array(indicatorValueSchema), values);
  if (!vals.ok)
    return err(
      vals.error.map((e) => ({ ...e, path: `values${e.path.startsWith('[') ? '' : '.'}${e.path}` })),
    );
  const seen = new Map<Period, number>();
  for (const [i, v] of vals.value.entries()) {
    if (seen.has(v.period))
      return err([inputError(`values[${i}].period`, `expected each period once; ${v.period} repeats`)]);
    seen.set(v.period, i);
  }
  const sorted = [...vals.value].sort((a, b) => comparePeriods(a.period, b.period));
  let previous = def.value.baseline;
  const points = sorted.map((v): IndicatorPoint => {
    const status = indicatorStatus(def.value, v.value, previous);
    previous = v.value;
    return { ...v, status, x: periodStartMonth(v.period) };
  });
  return ok({
    indicator: def.value,
    points,
    misses: points.filter((p) => p.status === 'missed').map((p) => p.period),
  });
}

/** Add or replace the value for a period (values computed from a new log replace older ones). */
export function recordIndicatorValue(
  values: readonly IndicatorValue[],
  value: IndicatorValue,
): IndicatorValue[] {
  return [...values.filter((v) => v.period !== value.period), value].sort((a, b) =>
    comparePeriods(a.period, b.period),
  );
}
