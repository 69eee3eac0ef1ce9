import {
  retentionPeriods,
  type RetentionDays,
  type RetentionPeriod,
  type RetentionSettings,
} from './retention-api';

export type RetentionProblem =
  | { readonly kind: 'whole' }
  | { readonly kind: 'min'; readonly min: number }
  | { readonly kind: 'max'; readonly max: number };

/**
 * The periods typed in the form, or what is wrong with each field: a whole number of days within its bounds
 * (the server checks the same).
 */
export function readPeriods(
  typed: Readonly<Record<RetentionPeriod, string>>,
  bounds: RetentionSettings['bounds'],
):
  | { ok: true; days: RetentionDays }
  | { ok: false; problems: Partial<Record<RetentionPeriod, RetentionProblem>> } {
  const problems: Partial<Record<RetentionPeriod, RetentionProblem>> = {};
  const days = {} as Record<RetentionPeriod, number>;
  for (const period of retentionPeriods) {
    const text = typed[period].trim();
    const value = Number(text);
    const { min, max } = bounds[period];
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) problems[period] = { kind: 'whole' };
    else if (value < min) problems[period] = { kind: 'min', min };
    else if (value > max) problems[period] = { kind: 'max', max };
    else days[period] = value;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, days };
}
