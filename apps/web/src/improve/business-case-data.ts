import type { Benefit, BusinessCaseInputDraft, Comparison, FiveCaseText } from '@waymark/measure';
import { costBasisLabel } from '@waymark/measure';
import { getTranslator, t } from '../i18n';

/** What the Business case page saves (the API checks it against @waymark/measure's schemas). */
export interface BusinessCaseData {
  input: BusinessCaseInputDraft;
  comparison?: { current: string; desired: string };
  organisation?: string;
  fiveCase?: Partial<FiveCaseText>;
  benefits?: (Omit<Benefit, 'money'> & { money?: Benefit['money'] })[];
  sensitivityPercent?: number;
}

export const emptyBusinessCase = (title: string): BusinessCaseData => ({
  input: {
    title,
    appraisalYears: 10,
    annualVolumes: 0,
    optimismBiasPercent: 0,
    savings: [],
    costs: [],
  },
  sensitivityPercent: 10,
});

/**
 * Savings per journey from a comparison: the fall in cost per contact as staff time released (non-cashable until
 * a budget actually falls), with the handling minutes it frees. Nothing when the desired journey costs more.
 */
export function savingsFromComparison(c: Comparison): BusinessCaseInputDraft['savings'] {
  const perJourney = Math.round(-c.delta.cost * 100) / 100;
  const minutes = Math.max(0, -c.delta.handlingMinutes);
  if (perJourney <= 0 && minutes === 0) return [];
  return [
    {
      id: 'cost-per-journey',
      // The saving says which cost model and price base it was worked out with (issue 13 item 2).
      label: `${t('business.saving.fromComparison', { current: c.current.title, desired: c.desired.title })}${
        c.costBasis ? ` — ${costBasisLabel(c.costBasis, getTranslator())}` : ''
      }`,
      kind: 'time-released',
      perJourney: Math.max(0, perJourney),
      ...(minutes > 0 ? { minutesPerJourney: minutes } : {}),
    },
  ];
}

/** `data.input.costs[0].amount` → the id of the input that holds it. */
export const fieldId = (path: string): string =>
  `bc-${path
    .replace(/^data\./, '')
    .replace(/[[\].]+/g, '-')
    .replace(/-$/, '')}`;
