import { z } from 'zod';
import { englishWords, type Words } from './words';

/** One band of a stepped discount-rate schedule: `rate` applies to years fromYear..toYear (toYear null: no end). */
export const discountBandSchema = z.object({
  fromYear: z.number().int().min(1, { error: 'expected a whole year ≥ 1' }),
  toYear: z.number().int().min(1, { error: 'expected a whole year ≥ 1' }).nullable(),
  rate: z.number().min(0, { error: 'expected a rate as a fraction, e.g. 0.035' }).max(1, {
    error: 'expected a rate as a fraction, e.g. 0.035',
  }),
});

/** A versioned discount-rate schedule; appraisals record the id they used. */
export const discountScheduleSchema = z.object({
  id: z.string().min(1, { error: 'expected a schedule id' }),
  label: z.string(),
  source: z.string().min(1, { error: 'expected the source of the rates' }),
  /** ISO date from which the schedule applies. */
  effectiveFrom: z.iso.date({ error: 'expected an ISO date such as 2022-11-18' }),
  bands: z
    .array(discountBandSchema)
    .min(1, { error: 'expected at least one band' })
    .superRefine((bands, ctx) => {
      bands.forEach((b, i) => {
        const from = i === 0 ? 1 : (bands[i - 1]!.toYear ?? Number.NaN) + 1;
        if (b.fromYear !== from) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'fromYear'],
            message: `expected ${from}: bands run on from year 1 without gaps`,
          });
        }
        if (b.toYear !== null && b.toYear < b.fromYear) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'toYear'],
            message: `expected a year ≥ fromYear (${b.fromYear})`,
          });
        }
      });
    }),
});
export type DiscountBand = z.infer<typeof discountBandSchema>;
export type DiscountSchedule = z.infer<typeof discountScheduleSchema>;

// i18n-exempt: a citation, the publication's own title
const source = 'HM Treasury, The Green Book (2022), Annex A6: long-term discount rates';
const band = (fromYear: number, toYear: number | null, rate: number): DiscountBand => ({
  fromYear,
  toYear,
  rate,
});

/**
 * HM Treasury rates in real terms. The standard rate has stood at 3.5 % since the 2003 Green Book. Each label is
 * said in English when read, so importing the package builds no translator (words.ts).
 */
export const discountSchedules: readonly DiscountSchedule[] = [
  {
    id: 'green-book-2022-standard',
    get label() {
      return englishWords.t('measure.schedule.green-book-2022-standard');
    },
    source,
    effectiveFrom: '2022-11-18',
    bands: [
      band(1, 30, 0.035),
      band(31, 75, 0.03),
      band(76, 125, 0.025),
      band(126, 200, 0.02),
      band(201, 300, 0.015),
      band(301, null, 0.01),
    ],
  },
  {
    id: 'green-book-2022-health',
    get label() {
      return englishWords.t('measure.schedule.green-book-2022-health');
    },
    source,
    effectiveFrom: '2022-11-18',
    bands: [
      band(1, 30, 0.015),
      band(31, 75, 0.0129),
      band(76, 125, 0.0107),
      band(126, 200, 0.0086),
      band(201, 300, 0.0064),
      band(301, null, 0.0043),
    ],
  },
];
export const defaultDiscountScheduleId = 'green-book-2022-standard';

export function findDiscountSchedule(
  id: string,
  schedules = discountSchedules,
): DiscountSchedule | undefined {
  return schedules.find((s) => s.id === id);
}

/** The rate that discounts year t back to year t − 1. Throws when the schedule does not cover t (a bug). */
export function rateForYear(schedule: DiscountSchedule, year: number): number {
  const found = schedule.bands.find((b) => year >= b.fromYear && (b.toYear === null || year <= b.toYear));
  if (found === undefined) throw new RangeError(`schedule ${schedule.id} has no rate for year ${year}`);
  return found.rate;
}

/**
 * Discount factors for years 0..lastYear. Year 0 is undiscounted; across a step the factors chain,
 * DF_t = DF_(t−1) / (1 + r_t), so year 31 continues from DF_30 at the lower rate (Green Book Annex A6).
 */
export function discountFactors(schedule: DiscountSchedule, lastYear: number): number[] {
  if (!Number.isInteger(lastYear) || lastYear < 0)
    throw new RangeError(`lastYear must be a whole number ≥ 0; got ${lastYear}`);
  const factors = [1];
  let growth = 1;
  for (let year = 1; year <= lastYear; year += 1) {
    growth *= 1 + rateForYear(schedule, year);
    factors.push(1 / growth);
  }
  return factors;
}

export const discountFactor = (schedule: DiscountSchedule, year: number): number =>
  discountFactors(schedule, year)[year]!;

/** Present value of a series indexed by year (index 0 = year 0), in the same unit as the series. */
export function presentValue(series: readonly number[], schedule: DiscountSchedule): number {
  const factors = discountFactors(schedule, Math.max(0, series.length - 1));
  return series.reduce((total, amount, year) => total + amount * factors[year]!, 0);
}

/** A schedule's name in the report's language: the built-in ones from the catalogue, a custom one as written. */
export function scheduleLabel(
  schedule: Pick<DiscountSchedule, 'id' | 'label'>,
  words: Words = englishWords,
): string {
  return schedule.id === 'green-book-2022-standard' || schedule.id === 'green-book-2022-health'
    ? words.t(`measure.schedule.${schedule.id}`)
    : schedule.label;
}
