import { z } from 'zod';
import type { BusinessCase } from './business-case';
import { figureKeys, type JourneyFigures } from './journey-figures';
import { englishWords, type Words } from './words';

/** Public-sector Balanced Scorecard (domain.md §7), mission/outcome at the top. */
export const perspectives = ['outcome', 'citizen', 'internal-process', 'financial', 'capacity'] as const;
export type Perspective = (typeof perspectives)[number];
/** A perspective's name in the given language. */
export const perspectiveLabel = (perspective: Perspective, words: Words = englishWords): string =>
  words.t(`measure.perspective.${perspective}`);
/**
 * The perspectives' names in English (API clients read these). Each is said when read, so importing the package
 * builds no translator (words.ts).
 */
export const perspectiveLabels = Object.defineProperties(
  {},
  Object.fromEntries(perspectives.map((p) => [p, { enumerable: true, get: () => perspectiveLabel(p) }])),
) as Record<Perspective, string>;

export const benefitSchema = z.object({
  id: z.string().min(1, { error: 'expected an id' }),
  perspective: z.enum(perspectives, { error: `expected one of ${perspectives.join(', ')}` }),
  description: z.string().min(1, { error: 'expected a description of the benefit' }),
  /** Link to a journey figure by key (e.g. avoidable-percent); the benefit is quantified when it has one. */
  figureKey: z.string().optional(),
  /** The figure the change should reach; the current value comes from the journey. */
  expected: z.number().optional(),
  unit: z.string().optional(),
  /** Cash-releasing, time released (non-cashable) or not monetary at all. */
  money: z
    .enum(['cash-releasing', 'time-released', 'non-monetary'], {
      error: "expected 'cash-releasing', 'time-released' or 'non-monetary'",
    })
    .default('non-monetary'),
  owner: z.string().optional(),
});
export type Benefit = z.infer<typeof benefitSchema>;

export interface ScorecardBenefit extends Benefit {
  readonly quantified: boolean;
  /** The journey's figure for figureKey now; null when not linked or not yet measured. */
  readonly current: number | null;
}

export interface ScorecardRow {
  readonly perspective: Perspective;
  readonly label: string;
  readonly benefits: readonly ScorecardBenefit[];
}

/** Benefits by perspective in scorecard order, each linked to the journey's current figure. */
export function balancedScorecard(
  benefits: readonly Benefit[],
  figures: JourneyFigures,
  words: Words = englishWords,
): ScorecardRow[] {
  return perspectives.map((perspective) => ({
    perspective,
    label: perspectiveLabel(perspective, words),
    benefits: benefits
      .filter((b) => b.perspective === perspective)
      .map((b) => ({
        ...b,
        quantified: b.figureKey !== undefined && b.expected !== undefined,
        current: b.figureKey === undefined ? null : (figures[b.figureKey] ?? null),
      })),
  }));
}

/** Financial and capacity benefits the business case already quantifies (year 1 figures). */
export function benefitsFromBusinessCase(bc: BusinessCase, words: Words = englishWords): Benefit[] {
  const year1 = bc.years[1];
  if (year1 === undefined) return [];
  const list: Benefit[] = [];
  if (year1.cashReleasing > 0) {
    list.push({
      id: 'bc-cash-releasing',
      perspective: 'financial',
      description: words.t('measure.benefit.cashReleasing'),
      expected: year1.cashReleasing / 100,
      unit: '£',
      money: 'cash-releasing',
    });
  }
  if (year1.timeReleased > 0) {
    list.push({
      id: 'bc-time-released',
      perspective: 'financial',
      description: words.t('measure.benefit.timeReleased'),
      expected: year1.timeReleased / 100,
      unit: '£',
      money: 'time-released',
    });
  }
  if (year1.staffHoursReleased > 0) {
    list.push({
      id: 'bc-staff-hours',
      perspective: 'capacity',
      description: words.t('measure.benefit.staffHours'),
      figureKey: figureKeys.staffHoursReleased,
      expected: year1.staffHoursReleased,
      unit: words.t('measure.unit.hours'),
      money: 'time-released',
    });
  }
  return list;
}
