import { describe, expect, it } from 'vitest';
import { profileActivity, type ActivityCategory } from './activity-profile';
import { costActivities, loadedRateOf, wasteSaving } from './activity-costing';
import type { CostModel } from './cost-model';

const categories: ActivityCategory[] = [
  { id: 'advise', label: 'Advising the resident', classification: 'value-added' },
  { id: 'rekey', label: 'Re-keying forms', classification: 'necessary-non-value-added' },
  { id: 'chase', label: 'Answering progress chasers', classification: 'waste' },
];
const observations = [
  ...Array<string>(90).fill('advise'),
  ...Array<string>(60).fill('rekey'),
  ...Array<string>(50).fill('chase'),
];
const model: CostModel = {
  id: 'm',
  kind: 'workspace',
  name: 'Melton 2026',
  priceYear: '2024',
  lines: [
    {
      scope: 'activity',
      key: 'Adviser time',
      method: 'built-up',
      staffMinutes: 60,
      annualSalary: 26_000,
      onCostsPercent: 30,
      overheadsPercent: 20,
      hoursPerYear: 1650,
      nonStaffCost: 0,
    },
  ],
};
const basis = {
  modelId: 'm',
  modelName: 'Melton 2026',
  kind: 'workspace' as const,
  priceYear: '2024',
  shownIn: '2024',
  uprated: false,
};

describe('activity costing (issue 13 item 6)', () => {
  it('prices each sampled activity by its share of staff hours × the loaded hourly rate, and the non-value-added time', () => {
    const profile = profileActivity(categories, observations);
    const rate = loadedRateOf(model, 'Adviser time');
    expect(profile.ok && rate.ok).toBe(true);
    if (!profile.ok || !rate.ok) return;
    const r = costActivities(profile.value, 3 * 1650, rate.value, basis);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.activities.map((a) => [a.categoryId, a.hoursPerYear, a.costPerYear])).toEqual([
      ['advise', 2227.5, 5_475_600],
      ['rekey', 1485, 3_650_400],
      ['chase', 1237.5, 3_042_000],
    ]);
    expect(r.value.nonValueAddedCost).toBe(6_692_400);
    expect(r.value.wasteCost).toBe(3_042_000);
    const w = r.value.byClassification.waste;
    expect(w.low).toBeLessThan(w.cost);
    expect(w.high).toBeGreaterThan(w.cost);
    expect(wasteSaving(r.value, 'Waste')).toEqual({
      id: 'activity-sampling-waste',
      label: 'Waste',
      kind: 'time-released',
      perYear: 30_420,
      fromYear: 1,
    });
  });

  it('refuses a model without a built-up line, no hours and no observations, naming each', () => {
    const direct: CostModel = {
      ...model,
      lines: [{ scope: 'channel', key: 'web', method: 'direct', unitCost: 0.2 }],
    };
    const rate = loadedRateOf(direct, 'Adviser time');
    expect(rate.ok ? '' : rate.error[0]!.message).toMatch(/has none/);
    const empty = profileActivity(categories, []);
    if (!empty.ok) throw new Error('profile');
    const r = costActivities(empty.value, 0, 0, basis);
    expect(r.ok ? [] : r.error.map((e) => e.path)).toEqual([
      'staffHoursPerYear',
      'loadedHourlyRate',
      'observations',
    ]);
  });
});
