import { err, ok, type Result } from '@waymark/core';
import type { ActivityProfile, ValueClassification } from './activity-profile';
import { buildUp, type CostBasis, type CostModel } from './cost-model';
import { inputError, type InputError } from './input-error';
import { poundsToPence, type Pence } from './money';

/** One sampled activity's share of staff time, in hours and pounds a year, with the share's interval. */
export interface ActivityCost {
  readonly categoryId: string;
  readonly label: string;
  readonly classification: ValueClassification;
  readonly share: number;
  readonly hoursPerYear: number;
  readonly costPerYear: Pence;
  /** The cost at the low and high ends of the share's Wilson interval. */
  readonly costLow: Pence;
  readonly costHigh: Pence;
}

export interface ActivityCosting {
  readonly loadedHourlyRate: number;
  readonly staffHoursPerYear: number;
  readonly activities: readonly ActivityCost[];
  readonly byClassification: Readonly<Record<ValueClassification, { cost: Pence; low: Pence; high: Pence }>>;
  /** Necessary non-value-added time plus waste: time the citizen gains nothing from. */
  readonly nonValueAddedCost: Pence;
  /** Waste alone: what the business case counts as a saving (time released). */
  readonly wasteCost: Pence;
  readonly basis: CostBasis;
}

/**
 * Cost per activity from activity sampling (issue 13 item 6): each category's share of observations × the
 * staff hours a year the sample stands for × the loaded hourly rate of the cost model's line. Each figure is
 * rounded once, to the penny.
 */
export function costActivities(
  profile: ActivityProfile,
  staffHoursPerYear: number,
  loadedHourlyRate: number,
  basis: CostBasis,
): Result<ActivityCosting, readonly InputError[]> {
  const errors: InputError[] = [];
  if (!(staffHoursPerYear > 0) || !Number.isFinite(staffHoursPerYear))
    errors.push(
      inputError('staffHoursPerYear', 'expected the staff hours a year the sample stands for, above 0'),
    );
  if (!(loadedHourlyRate > 0) || !Number.isFinite(loadedHourlyRate))
    errors.push(inputError('loadedHourlyRate', 'expected a loaded hourly rate in pounds, above 0'));
  if (profile.observations === 0)
    errors.push(inputError('observations', 'expected at least one observation'));
  if (errors.length > 0) return err(errors);
  const money = (share: number) => poundsToPence(share * staffHoursPerYear * loadedHourlyRate);
  const activities = profile.categories.map((c): ActivityCost => ({
    categoryId: c.category.id,
    label: c.category.label,
    classification: c.category.classification,
    share: c.estimate,
    hoursPerYear: c.estimate * staffHoursPerYear,
    costPerYear: money(c.estimate),
    costLow: money(c.low),
    costHigh: money(c.high),
  }));
  const of = (cls: ValueClassification) => {
    const p = profile.byClassification[cls];
    return { cost: money(p.estimate), low: money(p.low), high: money(p.high) };
  };
  const byClassification = {
    'value-added': of('value-added'),
    'necessary-non-value-added': of('necessary-non-value-added'),
    waste: of('waste'),
  };
  const nonValueAdded =
    profile.byClassification['necessary-non-value-added'].estimate + profile.byClassification.waste.estimate;
  return ok({
    loadedHourlyRate,
    staffHoursPerYear,
    activities,
    byClassification,
    nonValueAddedCost: money(nonValueAdded),
    wasteCost: byClassification.waste.cost,
    basis,
  });
}

/** The loaded hourly rate of a model's built-up line (channel or activity), for costing sampled time. */
export function loadedRateOf(model: CostModel, key: string): Result<number, readonly InputError[]> {
  const line = model.lines.find((l) => l.key === key && l.method === 'built-up');
  if (!line || line.method !== 'built-up') {
    const keys = model.lines.filter((l) => l.method === 'built-up').map((l) => l.key);
    return err([
      inputError(
        'rateLine',
        keys.length === 0
          ? `expected a built-up line (staff time) in "${model.name}" to take the hourly rate from; it has none`
          : `expected one of the built-up lines of "${model.name}": ${keys.join(', ')}`,
      ),
    ]);
  }
  return ok(buildUp(line).loadedHourlyRate);
}

/** The waste's cost as a business-case saving: staff time released, every year of the appraisal. */
export function wasteSaving(costing: ActivityCosting, label: string) {
  return {
    id: 'activity-sampling-waste',
    label,
    kind: 'time-released' as const,
    perYear: costing.wasteCost / 100,
    fromYear: 1,
  };
}
