import type { BusinessCaseInput, Cost, Saving } from './business-case-input';
import { discountFactors, type DiscountSchedule } from './green-book';

/** What an appraisal runs on: a checked input and the discount schedule it names. */
export interface Scenario {
  readonly input: BusinessCaseInput;
  readonly schedule: DiscountSchedule;
}

/** One year of an appraisal in unrounded pounds (real terms, price base of the inputs). */
export interface AppraisalYear {
  readonly year: number;
  /** Journeys that year; null in year 0, before any saving. */
  readonly volume: number | null;
  readonly cashReleasing: number;
  readonly timeReleased: number;
  readonly costsBeforeOptimismBias: number;
  readonly optimismBias: number;
  readonly staffMinutesReleased: number;
  readonly discountFactor: number;
}

export interface Appraisal {
  readonly years: readonly AppraisalYear[];
  readonly pvCashReleasing: number;
  readonly pvTimeReleased: number;
  readonly pvCostsBeforeOptimismBias: number;
  readonly pvOptimismBias: number;
}

export function volumeInYear(input: BusinessCaseInput, year: number): number | null {
  if (year === 0) return null;
  const v = input.annualVolumes;
  return typeof v === 'number' ? v : (v[year - 1] ?? 0);
}

const inSpan = (year: number, from: number, to: number) => year >= from && year <= to;

function savingInYear(s: Saving, input: BusinessCaseInput, year: number): number {
  if (!inSpan(year, s.fromYear, s.toYear ?? input.appraisalYears)) return 0;
  return s.perYear ?? (s.perJourney ?? 0) * (volumeInYear(input, year) ?? 0);
}

function costInYear(c: Cost, input: BusinessCaseInput, year: number): number {
  const to = c.kind === 'one-off' ? c.fromYear : (c.toYear ?? input.appraisalYears);
  return inSpan(year, c.fromYear, to) ? c.amount : 0;
}

/** Flows by year and their present values, unrounded; reports round them (see money.ts). */
export function appraise(input: BusinessCaseInput, schedule: DiscountSchedule): Appraisal {
  const factors = discountFactors(schedule, input.appraisalYears);
  const years = factors.map((discountFactor, year): AppraisalYear => {
    const sum = (kind: Saving['kind']) =>
      input.savings.filter((s) => s.kind === kind).reduce((t, s) => t + savingInYear(s, input, year), 0);
    let costsBeforeOptimismBias = 0;
    let optimismBias = 0;
    for (const c of input.costs) {
      const amount = costInYear(c, input, year);
      costsBeforeOptimismBias += amount;
      optimismBias += (amount * (c.optimismBiasPercent ?? input.optimismBiasPercent)) / 100;
    }
    const staffMinutesReleased = input.savings.reduce(
      (t, s) =>
        t +
        (inSpan(year, s.fromYear, s.toYear ?? input.appraisalYears)
          ? (s.minutesPerJourney ?? 0) * (volumeInYear(input, year) ?? 0)
          : 0),
      0,
    );
    const volume = volumeInYear(input, year);
    const cashReleasing = sum('cash-releasing');
    const timeReleased = sum('time-released');
    return {
      year,
      volume,
      cashReleasing,
      timeReleased,
      costsBeforeOptimismBias,
      optimismBias,
      staffMinutesReleased,
      discountFactor,
    };
  });
  const pv = (pick: (y: AppraisalYear) => number) =>
    years.reduce((t, y) => t + pick(y) * y.discountFactor, 0);
  return {
    years,
    pvCashReleasing: pv((y) => y.cashReleasing),
    pvTimeReleased: pv((y) => y.timeReleased),
    pvCostsBeforeOptimismBias: pv((y) => y.costsBeforeOptimismBias),
    pvOptimismBias: pv((y) => y.optimismBias),
  };
}

/** Net present social value in unrounded pounds: all benefits (cash and time) less costs with optimism bias. */
export const npsvOf = (a: Appraisal): number =>
  a.pvCashReleasing + a.pvTimeReleased - a.pvCostsBeforeOptimismBias - a.pvOptimismBias;
