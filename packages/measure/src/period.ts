import { z } from 'zod';

/** A reporting period: an ISO month `2026-04` or a quarter `2026-Q2`. */
export const periodSchema = z
  .string({ error: 'expected a period such as 2026-04 or 2026-Q2' })
  .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, { error: 'expected a period such as 2026-04 or 2026-Q2' });
export type Period = z.infer<typeof periodSchema>;

/** Months since year 0 at the start of the period, for ordering months and quarters together. */
export function periodStartMonth(period: Period): number {
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const month = rest.startsWith('Q') ? (Number(rest.slice(1)) - 1) * 3 + 1 : Number(rest);
  return year * 12 + (month - 1);
}

export const comparePeriods = (a: Period, b: Period): number =>
  periodStartMonth(a) - periodStartMonth(b) || a.localeCompare(b);
