import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileActivity } from './activity-profile';
import { costActivities } from './activity-costing';
import { buildUp, costBasisLabel, publishedCostModels, resolveCostModel } from './cost-model';
import { shippedDeflator } from './gdp-deflator';
import { formatMoney, poundsToPence } from './money';

/** docs/worked-checks/costs.md: each bold figure there is computed here and must appear there. */
const doc = readFileSync(
  fileURLToPath(new URL('../../../docs/worked-checks/costs.md', import.meta.url)),
  'utf8',
);
const bold = (text: string) => expect(doc).toContain(`**${text}**`);
const adviser = {
  staffMinutes: 7.5,
  annualSalary: 26_000,
  onCostsPercent: 30,
  overheadsPercent: 20,
  hoursPerYear: 1650,
  nonStaffCost: 0.12,
};

describe('worked checks: costs.md', () => {
  it('1. builds up £3.19 a telephone contact from staff time', () => {
    const b = buildUp(adviser);
    bold(formatMoney(b.unitCostPence));
    expect(doc).toContain(formatMoney(poundsToPence(b.fullyLoadedSalary)));
    expect(doc).toContain(`£${b.loadedHourlyRate.toFixed(4)}…`);
  });

  it('2. uprates Socitm 2011 to 2024 prices with the deflator values and source the check quotes', () => {
    bold(String(shippedDeflator.index['2011']));
    expect(doc).toContain(shippedDeflator.url);
    const r = resolveCostModel(
      publishedCostModels.find((m) => m.id === 'socitm-2011')!,
      { toPriceYear: '2024' },
    );
    if (!r.ok) throw new Error('resolve');
    for (const channel of ['face-to-face', 'telephone', 'web'])
      bold(formatMoney(poundsToPence(r.value.table.perContact[channel]!)));
    expect(doc).toContain(costBasisLabel(r.value.basis));
  });

  it('3. costs sampled activities and the non-value-added time', () => {
    const profile = profileActivity(
      [
        { id: 'advise', label: 'Advising the resident', classification: 'value-added' },
        { id: 'rekey', label: 'Re-keying forms', classification: 'necessary-non-value-added' },
        { id: 'chase', label: 'Answering progress chasers', classification: 'waste' },
      ],
      [
        ...Array<string>(90).fill('advise'),
        ...Array<string>(60).fill('rekey'),
        ...Array<string>(50).fill('chase'),
      ],
    );
    if (!profile.ok) throw new Error('profile');
    const basis = {
      modelId: 'm',
      modelName: 'm',
      kind: 'workspace' as const,
      priceYear: '2024',
      shownIn: '2024',
      uprated: false,
    };
    const r = costActivities(profile.value, 3 * 1650, buildUp(adviser).loadedHourlyRate, basis);
    if (!r.ok) throw new Error('costing');
    for (const a of r.value.activities) bold(formatMoney(a.costPerYear));
    bold(formatMoney(r.value.nonValueAddedCost));
    bold(formatMoney(r.value.wasteCost));
  });
});
