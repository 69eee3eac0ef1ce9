import { err, ok, type Result } from '@waymark/core';
import { z } from 'zod';
import { inputError, type InputError } from './input-error';
import { figureKeys, type JourneyFigures } from './journey-figures';
import { wilsonInterval, type Proportion } from './wilson';

/** From the citizen's point of view (domain.md §6). */
export const valueClassifications = ['value-added', 'necessary-non-value-added', 'waste'] as const;
export type ValueClassification = (typeof valueClassifications)[number];

export const activityCategorySchema = z.object({
  id: z.string().min(1, { error: 'expected a category id' }),
  label: z.string(),
  classification: z.enum(valueClassifications, {
    error: "expected 'value-added', 'necessary-non-value-added' or 'waste'",
  }),
});
export type ActivityCategory = z.infer<typeof activityCategorySchema>;

export interface CategoryShare extends Proportion {
  readonly category: ActivityCategory;
}

export interface ActivityProfile {
  readonly observations: number;
  /** In the order the categories were given. */
  readonly categories: readonly CategoryShare[];
  readonly byClassification: Readonly<Record<ValueClassification, Proportion>>;
  /** Share of observations that were value-added: the value-added ratio estimated by sampling. */
  readonly valueAddedRatio: Proportion;
}

/** The profile of recorded observations (each a category id), with Wilson intervals. */
export function profileActivity(
  categories: readonly ActivityCategory[],
  observations: readonly string[],
  confidence = 0.95,
): Result<ActivityProfile, readonly InputError[]> {
  const counts = new Map(categories.map((c) => [c.id, 0]));
  const errors: InputError[] = [];
  if (counts.size !== categories.length)
    errors.push(inputError('categories', 'expected each category id once'));
  observations.forEach((id, i) => {
    const n = counts.get(id);
    if (n === undefined)
      errors.push(inputError(`observations[${i}]`, `expected one of ${[...counts.keys()].join(', ')}`));
    else counts.set(id, n + 1);
  });
  if (errors.length > 0) return err(errors.slice(0, 20));
  const total = observations.length;
  const byClass = (cls: ValueClassification) =>
    wilsonInterval(
      categories.filter((c) => c.classification === cls).reduce((t, c) => t + counts.get(c.id)!, 0),
      total,
      confidence,
    );
  const byClassification = {
    'value-added': byClass('value-added'),
    'necessary-non-value-added': byClass('necessary-non-value-added'),
    waste: byClass('waste'),
  };
  return ok({
    observations: total,
    categories: categories.map((category) => ({
      category,
      ...wilsonInterval(counts.get(category.id)!, total, confidence),
    })),
    byClassification,
    valueAddedRatio: byClassification['value-added'],
  });
}

/** Value-added ratio (process cycle efficiency) = value-added time / total lead time; above 25 % is called lean. */
export function valueAddedRatio(
  valueAddedTime: number,
  totalLeadTime: number,
): { ratio: number; lean: boolean } {
  if (!(totalLeadTime > 0) || valueAddedTime < 0 || valueAddedTime > totalLeadTime) {
    throw new RangeError(
      `need 0 ≤ value-added time ≤ lead time, lead time > 0; got ${valueAddedTime} of ${totalLeadTime}`,
    );
  }
  const ratio = valueAddedTime / totalLeadTime;
  return { ratio, lean: ratio > 0.25 };
}

/** Carry a sampled profile into a journey's figures. */
export function activityProfileFigures(profile: ActivityProfile): JourneyFigures {
  const va = profile.valueAddedRatio;
  return {
    [figureKeys.valueAddedRatio]: va.estimate,
    [`${figureKeys.valueAddedRatio}.low`]: va.low,
    [`${figureKeys.valueAddedRatio}.high`]: va.high,
    'activity-sample.observations': profile.observations,
    ...Object.fromEntries(profile.categories.map((c) => [`activity-share.${c.category.id}`, c.estimate])),
  };
}
