import { err, ok, type Result } from '@waymark/core';
import { appraise, npsvOf, volumeInYear } from './appraisal';
import type { Scenario } from './appraisal';
import type { BusinessCaseInput } from './business-case-input';
import { inputError, type InputError } from './input-error';
import { poundsToPence, type Pence } from './money';
import { englishWords, type Words } from './words';

/** An assumption that can be scaled by a factor (1 = as entered). */
export interface Assumption {
  readonly key: string;
  readonly label: string;
  readonly baseValue: number;
  readonly scale: (scenario: Scenario, factor: number) => Scenario;
}

const withInput = (s: Scenario, input: BusinessCaseInput): Scenario => ({ ...s, input });

/** Every assumption of a case: volume, each saving, each cost, optimism bias, the discount rate. */
export function assumptionsOf(scenario: Scenario, words: Words = englishWords): Assumption[] {
  const { input } = scenario;
  const list: Assumption[] = [
    {
      key: 'annualVolumes',
      label: words.t('measure.assumption.annualVolumes'),
      baseValue: volumeInYear(input, 1) ?? 0,
      scale: (s, f) => {
        const v = s.input.annualVolumes;
        return withInput(s, {
          ...s.input,
          annualVolumes: typeof v === 'number' ? v * f : v.map((x) => x * f),
        });
      },
    },
    ...input.savings.map((saving, i): Assumption => ({
      key: `savings.${saving.id}`,
      label: saving.label,
      baseValue: saving.perJourney ?? saving.perYear ?? 0,
      scale: (s, f) => {
        const savings = s.input.savings.map((x, j) =>
          j !== i
            ? x
            : {
                ...x,
                perJourney: x.perJourney === undefined ? undefined : x.perJourney * f,
                perYear: x.perYear === undefined ? undefined : x.perYear * f,
              },
        );
        return withInput(s, { ...s.input, savings });
      },
    })),
    ...input.costs.map((cost, i): Assumption => ({
      key: `costs.${cost.id}`,
      label: cost.label,
      baseValue: cost.amount,
      scale: (s, f) =>
        withInput(s, {
          ...s.input,
          costs: s.input.costs.map((x, j) => (j !== i ? x : { ...x, amount: x.amount * f })),
        }),
    })),
    {
      key: 'discountRate',
      label: words.t('measure.assumption.discountRate', { id: scenario.schedule.id }),
      baseValue: scenario.schedule.bands[0]?.rate ?? 0,
      scale: (s, f) => ({
        ...s,
        schedule: { ...s.schedule, bands: s.schedule.bands.map((b) => ({ ...b, rate: b.rate * f })) },
      }),
    },
  ];
  if (input.optimismBiasPercent > 0) {
    list.push({
      key: 'optimismBiasPercent',
      label: words.t('measure.assumption.optimismBias'),
      baseValue: input.optimismBiasPercent,
      scale: (s, f) => withInput(s, { ...s.input, optimismBiasPercent: s.input.optimismBiasPercent * f }),
    });
  }
  return list;
}

/** NPSV of a scenario in unrounded pounds. */
export const npsvOfScenario = (s: Scenario): number => npsvOf(appraise(s.input, s.schedule));

export interface TornadoBar {
  readonly key: string;
  readonly label: string;
  readonly baseValue: number;
  readonly lowValue: number;
  readonly highValue: number;
  readonly npsvAtLow: Pence;
  readonly npsvAtHigh: Pence;
  /** |npsvAtHigh − npsvAtLow|: the bar's length. */
  readonly swing: Pence;
}

/** Vary each assumption by ±percent; bars sorted widest first (tornado chart data). */
export function tornado(
  scenario: Scenario,
  percent: number,
  words: Words = englishWords,
): Result<TornadoBar[], readonly InputError[]> {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    return err([inputError('percent', 'expected a percentage above 0 and at most 100')]);
  }
  const bars = assumptionsOf(scenario, words).map((a): TornadoBar => {
    const low = 1 - percent / 100;
    const high = 1 + percent / 100;
    const npsvAtLow = poundsToPence(npsvOfScenario(a.scale(scenario, low)));
    const npsvAtHigh = poundsToPence(npsvOfScenario(a.scale(scenario, high)));
    const swing = Math.abs(npsvAtHigh - npsvAtLow) as Pence;
    return {
      key: a.key,
      label: a.label,
      baseValue: a.baseValue,
      lowValue: a.baseValue * low,
      highValue: a.baseValue * high,
      npsvAtLow,
      npsvAtHigh,
      swing,
    };
  });
  return ok(bars.sort((x, y) => y.swing - x.swing || x.key.localeCompare(y.key)));
}
