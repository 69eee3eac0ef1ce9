import { err, ok, type Result } from '@waymark/core';
import { appraise, type Appraisal, type Scenario } from './appraisal';
import { businessCaseInputSchema, type BusinessCaseInput } from './business-case-input';
import { discountSchedules, findDiscountSchedule, type DiscountSchedule } from './green-book';
import { inputError, parseInput, type InputError } from './input-error';
import { poundsToPence, type Pence } from './money';
import { paybackYears } from './payback';

/** One row of the yearly table; each money figure rounded to the penny on its own. */
export interface BusinessCaseYear {
  readonly year: number;
  readonly calendarYear: number | null;
  readonly volume: number | null;
  readonly cashReleasing: Pence;
  readonly timeReleased: Pence;
  readonly benefits: Pence;
  readonly costsBeforeOptimismBias: Pence;
  readonly optimismBias: Pence;
  readonly costs: Pence;
  readonly net: Pence;
  readonly discountFactor: number;
  readonly pvBenefits: Pence;
  readonly pvCosts: Pence;
  readonly pvNet: Pence;
  readonly staffHoursReleased: number;
}

export interface BusinessCase {
  readonly input: BusinessCaseInput;
  /** The schedule used, kept whole so the case can be reproduced. */
  readonly schedule: DiscountSchedule;
  readonly years: readonly BusinessCaseYear[];
  /** Present values, each rounded once from the unrounded sum. */
  readonly pv: {
    readonly cashReleasing: Pence;
    readonly timeReleased: Pence;
    readonly benefits: Pence;
    readonly costsBeforeOptimismBias: Pence;
    readonly optimismBias: Pence;
    readonly costs: Pence;
  };
  /** PV benefits − PV costs, from the rounded PVs so the headline adds up. */
  readonly npsv: Pence;
  /** PV cash-releasing benefits − PV costs: the affordability view of the financial case. */
  readonly cashReleasingNpv: Pence;
  /** PV benefits / PV costs, unrounded; null when there are no costs. */
  readonly bcr: number | null;
  readonly simplePaybackYears: number | null;
  readonly discountedPaybackYears: number | null;
}

/** Parse what a user sent and find the discount schedule it names. */
export function parseScenario(
  input: unknown,
  schedules: readonly DiscountSchedule[] = discountSchedules,
): Result<Scenario, readonly InputError[]> {
  const parsed = parseInput(businessCaseInputSchema, input);
  if (!parsed.ok) return parsed;
  const schedule = findDiscountSchedule(parsed.value.scheduleId, schedules);
  if (schedule === undefined) {
    return err([inputError('scheduleId', `expected one of ${schedules.map((s) => s.id).join(', ')}`)]);
  }
  return ok({ input: parsed.value, schedule });
}

/** Parse what a user sent, find its discount schedule, and build the case. */
export function buildBusinessCase(
  input: unknown,
  schedules: readonly DiscountSchedule[] = discountSchedules,
): Result<BusinessCase, readonly InputError[]> {
  const scenario = parseScenario(input, schedules);
  return scenario.ok ? ok(computeBusinessCase(scenario.value.input, scenario.value.schedule)) : scenario;
}

function yearRow(a: Appraisal['years'][number], input: BusinessCaseInput): BusinessCaseYear {
  const benefits = a.cashReleasing + a.timeReleased;
  const costs = a.costsBeforeOptimismBias + a.optimismBias;
  return {
    year: a.year,
    calendarYear: input.firstCalendarYear === undefined ? null : input.firstCalendarYear + a.year,
    volume: a.volume,
    cashReleasing: poundsToPence(a.cashReleasing),
    timeReleased: poundsToPence(a.timeReleased),
    benefits: poundsToPence(benefits),
    costsBeforeOptimismBias: poundsToPence(a.costsBeforeOptimismBias),
    optimismBias: poundsToPence(a.optimismBias),
    costs: poundsToPence(costs),
    net: poundsToPence(benefits - costs),
    discountFactor: a.discountFactor,
    pvBenefits: poundsToPence(benefits * a.discountFactor),
    pvCosts: poundsToPence(costs * a.discountFactor),
    pvNet: poundsToPence((benefits - costs) * a.discountFactor),
    staffHoursReleased: a.staffMinutesReleased / 60,
  };
}

/** The case from a parsed input and its schedule. */
export function computeBusinessCase(input: BusinessCaseInput, schedule: DiscountSchedule): BusinessCase {
  const a = appraise(input, schedule);
  const pvBenefits = a.pvCashReleasing + a.pvTimeReleased;
  const pvCosts = a.pvCostsBeforeOptimismBias + a.pvOptimismBias;
  const pv = {
    cashReleasing: poundsToPence(a.pvCashReleasing),
    timeReleased: poundsToPence(a.pvTimeReleased),
    benefits: poundsToPence(pvBenefits),
    costsBeforeOptimismBias: poundsToPence(a.pvCostsBeforeOptimismBias),
    optimismBias: poundsToPence(a.pvOptimismBias),
    costs: poundsToPence(pvCosts),
  };
  const nets = a.years.map(
    (y) => y.cashReleasing + y.timeReleased - y.costsBeforeOptimismBias - y.optimismBias,
  );
  return {
    input,
    schedule,
    years: a.years.map((y) => yearRow(y, input)),
    pv,
    npsv: (pv.benefits - pv.costs) as Pence,
    cashReleasingNpv: (pv.cashReleasing - pv.costs) as Pence,
    bcr: pvCosts > 0 ? pvBenefits / pvCosts : null,
    simplePaybackYears: paybackYears(nets),
    discountedPaybackYears: paybackYears(nets.map((n, t) => n * a.years[t]!.discountFactor)),
  };
}
