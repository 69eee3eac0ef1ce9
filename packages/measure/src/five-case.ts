import { z } from 'zod';
import type { BusinessCase } from './business-case';
import { sumPence, type Pence } from './money';
import type { SwitchingValue } from './switching-value';

export const fiveCaseKeys = ['strategic', 'economic', 'commercial', 'financial', 'management'] as const;
export type FiveCaseKey = (typeof fiveCaseKeys)[number];

/** HM Treasury's question for each case. */
const sections: Record<FiveCaseKey, { title: string; question: string }> = {
  strategic: { title: 'Strategic case', question: 'Is there a compelling case for change?' },
  economic: { title: 'Economic case', question: 'Does the preferred option offer the best public value?' },
  commercial: { title: 'Commercial case', question: 'Is it commercially viable?' },
  financial: { title: 'Financial case', question: 'Is it affordable?' },
  management: { title: 'Management case', question: 'Can it be delivered?' },
};

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

const money = (label: string, amount: Pence): CaseFigure => ({ label, value: { kind: 'money', amount } });

function economicFigures(bc: BusinessCase, switching: SwitchingValue | undefined): CaseFigure[] {
  const figures: CaseFigure[] = [
    money('Present value of benefits', bc.pv.benefits),
    money('of which cash-releasing', bc.pv.cashReleasing),
    money('of which time released (non-cashable)', bc.pv.timeReleased),
    money('Present value of costs, with optimism bias', bc.pv.costs),
    money('of which optimism bias', bc.pv.optimismBias),
    money('Net present social value', bc.npsv),
    { label: 'Benefit-cost ratio', value: { kind: 'ratio', value: bc.bcr } },
    {
      label: 'Discounted payback (supplementary)',
      value: { kind: 'years', value: bc.discountedPaybackYears },
    },
    {
      label: 'Appraisal period',
      value: { kind: 'number', value: bc.input.appraisalYears, unit: 'years after year 0' },
    },
    {
      label: 'Discount rates',
      value: {
        kind: 'text',
        value: `${bc.schedule.label} (${bc.schedule.id}, from ${bc.schedule.effectiveFrom})`,
      },
    },
  ];
  if (switching !== undefined && switching.value !== null) {
    figures.push({
      label: `Switching value: ${switching.label}`,
      value: {
        kind: 'number',
        value: switching.value,
        unit: `(now ${switching.baseValue}; change ${switching.changePercent!.toFixed(1)} %)`,
      },
    });
  }
  return figures;
}

function financialFigures(bc: BusinessCase): CaseFigure[] {
  const total = (pick: (y: BusinessCase['years'][number]) => Pence) => sumPence(bc.years.map(pick));
  const costs = total((y) => y.costs);
  const cash = total((y) => y.cashReleasing);
  return [
    money('Costs over the period, with optimism bias (undiscounted)', costs),
    money('Cash-releasing savings over the period (undiscounted)', cash),
    money('Net effect on budgets over the period', (cash - costs) as Pence),
    money('Net present value of cash-releasing savings less costs', bc.cashReleasingNpv),
    { label: 'Simple payback (supplementary)', value: { kind: 'years', value: bc.simplePaybackYears } },
  ];
}

/** The Five Case outline, with the economic and financial cases filled from the business case. */
export function buildFiveCase(
  text: FiveCaseText,
  bc: BusinessCase,
  switching?: SwitchingValue,
): CaseSection[] {
  return fiveCaseKeys.map((key) => ({
    key,
    ...sections[key],
    text: text[key],
    figures:
      key === 'economic' ? economicFigures(bc, switching) : key === 'financial' ? financialFigures(bc) : [],
  }));
}
