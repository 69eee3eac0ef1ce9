import { err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
import { parseInput, inputError, type InputError } from './input-error';
import { randomInt, type Rng } from './rng';

const clock = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a time as HH:MM, e.g. 09:00' });

/** A study plan: which days, which working hours, how many instantaneous observations. */
export const observationPlanSchema = z.object({
  days: z
    .array(z.iso.date({ error: 'expected an ISO date such as 2026-11-23' }))
    .min(1, { error: 'expected at least one day' }),
  workingHours: z.object({ start: clock, end: clock }),
  observations: z
    .number({ error: 'expected a whole number of observations ≥ 1' })
    .int({ error: 'expected a whole number of observations ≥ 1' })
    .min(1, { error: 'expected a whole number of observations ≥ 1' }),
});
export type ObservationPlan = z.infer<typeof observationPlanSchema>;

export interface ObservationTime {
  readonly date: string;
  /** Local wall-clock time, HH:MM. */
  readonly time: string;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** k distinct whole numbers from 0..n−1 (Floyd's algorithm), in ascending order. */
export function sampleWithoutReplacement(rng: Rng, n: number, k: number): number[] {
  if (k > n) throw new RangeError(`cannot draw ${k} distinct values from ${n}`);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j += 1) {
    const t = randomInt(rng, j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * A random schedule of instantaneous observations: distinct minutes drawn uniformly from all
 * working minutes of all days, so every moment is equally likely (Tippett). Same seed, same plan.
 */
export function planObservationSchedule(
  plan: unknown,
  rng: Rng,
): Result<ObservationTime[], readonly InputError[]> {
  const parsed = parseInput(observationPlanSchema, plan);
  if (!parsed.ok) return parsed;
  const { days, workingHours, observations } = parsed.value;
  const start = minutes(workingHours.start);
  const perDay = minutes(workingHours.end) - start;
  if (perDay <= 0)
    return err([inputError('workingHours.end', `expected a time after ${workingHours.start}`)]);
  const duplicate = days.findIndex((d, i) => days.indexOf(d) !== i);
  if (duplicate >= 0)
    return err([inputError(`days[${duplicate}]`, `expected each day once; ${days[duplicate]} repeats`)]);
  const slots = perDay * days.length;
  if (observations > slots) {
    return err([inputError('observations', `expected at most ${slots}, one per working minute`)]);
  }
  const sortedDays = [...days].sort();
  return ok(
    sampleWithoutReplacement(rng, slots, observations).map((slot) => ({
      date: sortedDays[Math.floor(slot / perDay)]!,
      time: hhmm(start + (slot % perDay)),
    })),
  );
}
