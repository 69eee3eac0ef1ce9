import { z } from 'zod';
import type { BusinessCase } from './business-case';
import { scheduleLabel } from './green-book';
import { sumPence, type Pence } from './money';
import type { SwitchingValue } from './switching-value';
import { englishWords, type Words } from './words';

export const fiveCaseKeys = ['strategic', 'economic', 'commercial', 'financial', 'management'] as const;
export type FiveCaseKey = (typeof fiveCaseKeys)[number];

/** HM Treasury's title and question for each case, in the report's language. */
const sectionWords = (key: FiveCaseKey, words: Words) => ({
  title: words.t(`measure.fiveCase.${key}.title`),
  question: words.t(`measure.fiveCase.${key}.question`),
});

/** The narrative a user writes for each case; the economic and financial figures come from the business case. */
export const fiveCaseTextSchema = z.object(
  Object.fromEntries(
    fiveCaseKeys.map((k) => [k, z.string({ error: 'expected text' }).default('')]),
  ) as Record<FiveCaseKey, z.ZodDefault<z.ZodString>>,
);
export type FiveCaseText = z.infer<typeof fiveCaseTextSchema>;

export type FigureValue =
  | { readonly kind: 'money'; readonly amount: Pence }
  | { readonly kind: 'ratio'; readonly value: number | null }
  | { readonly kind: 'years'; readonly value: number | null }
  | { readonly kind: 'number'; readonly value: number; readonly unit: string }
  | { readonly kind: 'text'; readonly value: string };

export interface CaseFigure {
  /** Which figure, e.g. npsv: the same in every language. */
  readonly key: string;
  readonly label: string;
  readonly value: FigureValue;
}

export interface CaseSection {
  readonly key: FiveCaseKey;
  readonly title: string;
  readonly question: string;
  readonly text: string;
  readonly figures: readonly CaseFigure[];
}

type FigureKey = Parameters<Words['t']>[0] extends infer Id
  ? Id extends `measure.figure.${infer K}`
    ? K
    : never
  : never;

function economicFigures(
  bc: BusinessCase,
  switching: SwitchingValue | undefined,
  words: Words,
): CaseFigure[] {
  const figure = (key: FigureKey, value: FigureValue): CaseFigure => ({
    key,
    label: words.t(`measure.figure.${key}`),
    value,
  });
  const money = (key: FigureKey, amount: Pence) => figure(key, { kind: 'money', amount });
  const figures: CaseFigure[] = [
    money('pvBenefits', bc.pv.benefits),
    money('pvCashReleasing', bc.pv.cashReleasing),
    money('pvTimeReleased', bc.pv.timeReleased),
    money('pvCosts', bc.pv.costs),
    money('pvOptimismBias', bc.pv.optimismBias),
    money('npsv', bc.npsv),
    figure('bcr', { kind: 'ratio', value: bc.bcr }),
    figure('discountedPayback', { kind: 'years', value: bc.discountedPaybackYears }),
    figure('appraisalPeriod', {
      kind: 'number',
      value: bc.input.appraisalYears,
      unit: words.t('measure.figure.appraisalPeriodUnit'),
    }),
    figure('discountRates', {
      kind: 'text',
      value: words.t('measure.figure.discountRatesValue', {
        label: scheduleLabel(bc.schedule, words),
        id: bc.schedule.id,
        date: bc.schedule.effectiveFrom,
      }),
    }),
  ];
  if (switching !== undefined && switching.value !== null) {
    figures.push({
      key: 'switchingValue',
      label: words.t('measure.figure.switchingValue', { label: switching.label }),
      value: {
        kind: 'number',
        value: switching.value,
        unit: words.t('measure.figure.switchingUnit', {
          base: switching.baseValue,
          percent: switching.changePercent!.toFixed(1),
        }),
      },
    });
  }
  return figures;
}

function financialFigures(bc: BusinessCase, words: Words): CaseFigure[] {
  const total = (pick: (y: BusinessCase['years'][number]) => Pence) => sumPence(bc.years.map(pick));
  const costs = total((y) => y.costs);
  const cash = total((y) => y.cashReleasing);
  const money = (key: FigureKey, amount: Pence): CaseFigure => ({
    key,
    label: words.t(`measure.figure.${key}`),
    value: { kind: 'money', amount },
  });
  return [
    money('periodCosts', costs),
    money('periodCash', cash),
    money('periodNet', (cash - costs) as Pence),
    money('cashNpv', bc.cashReleasingNpv),
    {
      key: 'simplePayback',
      label: words.t('measure.figure.simplePayback'),
      value: { kind: 'years', value: bc.simplePaybackYears },
    },
  ];
}

/** The Five Case outline, with the economic and financial cases filled from the business case. */
export function buildFiveCase(
  text: FiveCaseText,
  bc: BusinessCase,
  switching?: SwitchingValue,
  words: Words = englishWords,
): CaseSection[] {
  return fiveCaseKeys.map((key) => ({
    key,
    ...sectionWords(key, words),
    text: text[key],
    figures:
      key === 'economic'
        ? economicFigures(bc, switching, words)
        : key === 'financial'
          ? financialFigures(bc, words)
          : [],
  }));
}
