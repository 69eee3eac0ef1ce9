import { z } from 'zod';
import { defaultDiscountScheduleId } from './green-book';

const pounds = z
  .number({ error: 'expected a non-negative number of pounds' })
  .min(0, { error: 'expected a non-negative number of pounds' });
const year = z
  .number({ error: 'expected a whole year number ≥ 0 (0 = now)' })
  .int({ error: 'expected a whole year number ≥ 0 (0 = now)' })
  .min(0, { error: 'expected a whole year number ≥ 0 (0 = now)' });
const id = z.string({ error: 'expected an id' }).min(1, { error: 'expected an id' });

/** A saving carried over from a journey comparison, as plain numbers. */
export const savingSchema = z.object({
  id,
  label: z.string({ error: 'expected a label' }),
  /** Cash-releasing (budgets can fall) or time released (capacity freed, non-cashable). */
  kind: z.enum(['cash-releasing', 'time-released'], {
    error: "expected 'cash-releasing' or 'time-released'",
  }),
  /** Pounds saved per journey; multiplied by the year's volume. Give this or perYear. */
  perJourney: pounds.optional(),
  /** Pounds saved a year regardless of volume. */
  perYear: pounds.optional(),
  /** Staff minutes released per journey, reported as capacity (hours a year). */
  minutesPerJourney: z.number().min(0, { error: 'expected a non-negative number of minutes' }).optional(),
  fromYear: year.default(1),
  /** Last year of the saving; defaults to the end of the appraisal period. */
  toYear: year.optional(),
  /** The comparison step it comes from, for the audit trail. */
  stepRef: z.string().optional(),
});

export const costSchema = z.object({
  id,
  label: z.string({ error: 'expected a label' }),
  kind: z.enum(['one-off', 'recurring'], { error: "expected 'one-off' or 'recurring'" }),
  /** Pounds, in the year (one-off) or each year (recurring), before optimism bias. */
  amount: pounds,
  /** One-off: the year it falls. Recurring: the first year. */
  fromYear: year,
  /** Recurring only: the last year; defaults to the end of the appraisal period. */
  toYear: year.optional(),
  /** Optimism bias for this line, overriding the case's. */
  optimismBiasPercent: z.number().min(0, { error: 'expected a percentage ≥ 0' }).optional(),
});

const volumes = z.union(
  [
    z.number().min(0, { error: 'expected a non-negative number of journeys' }),
    z.array(z.number().min(0, { error: 'expected a non-negative number of journeys' })),
  ],
  { error: 'expected journeys a year: one number, or one number per year from year 1' },
);

export const businessCaseInputSchema = z
  .object({
    title: z.string().default(''),
    /** Years after year 0; Green Book schedules run to 125 and beyond, Waymark stops at 125. */
    appraisalYears: z
      .number({ error: 'expected a whole number of years from 1 to 125' })
      .int({ error: 'expected a whole number of years from 1 to 125' })
      .min(1, { error: 'expected a whole number of years from 1 to 125' })
      .max(125, { error: 'expected a whole number of years from 1 to 125' }),
    /** Calendar year of year 0, for labels only. */
    firstCalendarYear: z.number().int().optional(),
    scheduleId: z.string().default(defaultDiscountScheduleId),
    /** Journeys a year: one number for every year, or one per year from year 1. */
    annualVolumes: volumes,
    savings: z.array(savingSchema).default([]),
    costs: z.array(costSchema).default([]),
    /** Optimism bias on costs, in percent (bespoke IT capital: up to 200). */
    optimismBiasPercent: z.number().min(0, { error: 'expected a percentage ≥ 0' }).default(0),
  })
  .superRefine((input, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const last = input.appraisalYears;
    if (Array.isArray(input.annualVolumes) && input.annualVolumes.length !== last) {
      issue(
        ['annualVolumes'],
        `expected ${last} yearly volumes (years 1–${last}); got ${input.annualVolumes.length}`,
      );
    }
    input.savings.forEach((s, i) => {
      if ((s.perJourney === undefined) === (s.perYear === undefined)) {
        issue(
          ['savings', i, 'perJourney'],
          'expected either perJourney or perYear pounds, not both or neither',
        );
      }
      if (s.fromYear < 1 || s.fromYear > last)
        issue(['savings', i, 'fromYear'], `expected a year from 1 to ${last}`);
      if (s.toYear !== undefined && (s.toYear < s.fromYear || s.toYear > last)) {
        issue(['savings', i, 'toYear'], `expected a year from fromYear (${s.fromYear}) to ${last}`);
      }
    });
    input.costs.forEach((c, i) => {
      if (c.fromYear > last) issue(['costs', i, 'fromYear'], `expected a year from 0 to ${last}`);
      if (c.kind === 'one-off' && c.toYear !== undefined) {
        issue(['costs', i, 'toYear'], 'expected no toYear on a one-off cost; use fromYear');
      }
      if (c.toYear !== undefined && (c.toYear < c.fromYear || c.toYear > last)) {
        issue(['costs', i, 'toYear'], `expected a year from fromYear (${c.fromYear}) to ${last}`);
      }
    });
    for (const [list, name] of [
      [input.savings, 'savings'],
      [input.costs, 'costs'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((line, i) => {
        if (seen.has(line.id)) issue([name, i, 'id'], `expected a unique id; '${line.id}' is used twice`);
        seen.add(line.id);
      });
    }
  });

export type Saving = z.infer<typeof savingSchema>;
export type Cost = z.infer<typeof costSchema>;
/** What a user sends (defaults optional). */
export type BusinessCaseInputDraft = z.input<typeof businessCaseInputSchema>;
/** A parsed, checked input with defaults filled. */
export type BusinessCaseInput = z.output<typeof businessCaseInputSchema>;
