import { describe, expect, it } from 'vitest';
import type { BusinessCaseInputDraft } from './business-case-input';
import { buildBusinessCase, type BusinessCase } from './business-case';
import { annuityFactor, workedCheckInput } from './business-case.fixture';
import { formatMoney, poundsToPence, roundHalfAway } from './money';

const workedCheck = workedCheckInput;

function build(input: BusinessCaseInputDraft): BusinessCase {
  const result = buildBusinessCase(input);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const annuity = annuityFactor;

describe('buildBusinessCase: the worked check of domain.md §7', () => {
  const bc = build(workedCheck);

  it('then PV savings £90,301, NPSV £40,301, to the penny from the formula', () => {
    expect(bc.pv.benefits).toBe(poundsToPence(20_000 * annuity(0.035, 5)));
    expect(formatMoney(bc.pv.benefits, { wholePounds: true })).toBe('£90,301');
    expect(bc.pv.costs).toBe(5_000_000);
    expect(bc.npsv).toBe(bc.pv.benefits - 5_000_000);
    expect(formatMoney(bc.npsv, { wholePounds: true })).toBe('£40,301');
  });

  it('then BCR 1.81 and simple payback 2.5 years', () => {
    expect(roundHalfAway(bc.bcr!, 2)).toBe(1.81);
    expect(bc.simplePaybackYears).toBe(2.5);
  });

  it('then discounted payback lands inside year 3, later than simple payback', () => {
    const pv = [1, 2, 3].map((t) => 20_000 / 1.035 ** t);
    expect(bc.discountedPaybackYears).toBeCloseTo(2 + (50_000 - pv[0]! - pv[1]!) / pv[2]!, 10);
  });

  it('then the yearly table has years 0–5 with year 0 undiscounted', () => {
    expect(bc.years.map((y) => y.year)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bc.years[0]).toMatchObject({ volume: null, costs: 5_000_000, net: -5_000_000, discountFactor: 1 });
    expect(bc.years[1]).toMatchObject({
      volume: 1_000,
      benefits: 2_000_000,
      pvBenefits: poundsToPence(20_000 / 1.035),
    });
    expect(bc.schedule.id).toBe('green-book-2022-standard');
  });

  it('given the savings per year rather than per journey, then the same figures', () => {
    const perYear = build({
      ...workedCheck,
      savings: [{ id: 's', label: 's', kind: 'cash-releasing', perYear: 20_000 }],
    });
    expect(perYear.npsv).toBe(bc.npsv);
  });
});

describe('buildBusinessCase: costs, optimism bias and kinds of saving', () => {
  it('given 50 % optimism bias, then PV costs rise by half and NPSV falls by £25,000', () => {
    const bc = build({ ...workedCheck, optimismBiasPercent: 50 });
    expect(bc.pv.costsBeforeOptimismBias).toBe(5_000_000);
    expect(bc.pv.optimismBias).toBe(2_500_000);
    expect(bc.pv.costs).toBe(7_500_000);
    expect(bc.npsv).toBe(build(workedCheck).npsv - 2_500_000);
  });

  it('given a line-level optimism bias, then it overrides the case-level one for that line only', () => {
    const bc = build({
      ...workedCheck,
      optimismBiasPercent: 10,
      costs: [
        {
          id: 'it',
          label: 'Bespoke IT',
          kind: 'one-off',
          amount: 10_000,
          fromYear: 0,
          optimismBiasPercent: 200,
        },
        { id: 'training', label: 'Training', kind: 'one-off', amount: 10_000, fromYear: 0 },
      ],
    });
    expect(bc.pv.optimismBias).toBe(poundsToPence(20_000 + 1_000));
  });

  it('given a recurring cost for years 1–5, then its PV is the amount times the annuity factor', () => {
    const bc = build({
      ...workedCheck,
      costs: [{ id: 'licence', label: 'Licence', kind: 'recurring', amount: 1_000, fromYear: 1 }],
    });
    expect(bc.pv.costs).toBe(poundsToPence(1_000 * annuity(0.035, 5)));
  });

  it('given time-released savings, then they count in NPSV but not in the cash-releasing view', () => {
    const bc = build({
      ...workedCheck,
      savings: [
        ...workedCheck.savings!,
        { id: 'time', label: 'Officer time', kind: 'time-released', perJourney: 5, minutesPerJourney: 12 },
      ],
    });
    expect(bc.pv.timeReleased).toBe(poundsToPence(5_000 * annuity(0.035, 5)));
    expect(bc.npsv).toBe(bc.pv.cashReleasing + bc.pv.timeReleased - bc.pv.costs);
    expect(bc.cashReleasingNpv).toBe(bc.pv.cashReleasing - bc.pv.costs);
    expect(bc.years[1]!.staffHoursReleased).toBe(200); // 1,000 journeys × 12 min
  });

  it('given yearly volumes, then each year uses its own', () => {
    const bc = build({ ...workedCheck, annualVolumes: [500, 1_000, 1_000, 1_000, 1_000] });
    expect(bc.years[1]!.benefits).toBe(1_000_000);
    expect(bc.years[2]!.benefits).toBe(2_000_000);
  });

  it('given the health schedule, then 1.5 % discounting gives a larger PV', () => {
    const bc = build({ ...workedCheck, scheduleId: 'green-book-2022-health' });
    expect(bc.pv.benefits).toBe(poundsToPence(20_000 * annuity(0.015, 5)));
  });

  it('given no costs, then BCR is null rather than infinite', () => {
    expect(build({ ...workedCheck, costs: [] }).bcr).toBeNull();
  });
});

describe('buildBusinessCase: invalid input', () => {
  it('given a negative cost, then the error names costs[n].amount', () => {
    const costs = [0, 1, 2].map((i) => ({
      id: `c${i}`,
      label: 'c',
      kind: 'one-off' as const,
      amount: i === 2 ? -5 : 5,
      fromYear: 0,
    }));
    expect(buildBusinessCase({ ...workedCheck, costs })).toEqual({
      ok: false,
      error: [
        {
          code: 'invalid_input',
          path: 'costs[2].amount',
          message: 'expected a non-negative number of pounds',
        },
      ],
    });
  });

  it('given an unknown schedule, then the error lists the known ones', () => {
    const r = buildBusinessCase({ ...workedCheck, scheduleId: 'made-up' });
    expect(r).toMatchObject({ ok: false, error: [{ path: 'scheduleId' }] });
    expect(!r.ok && r.error[0]!.message).toMatch(/green-book-2022-standard/);
  });

  it('given cross-field mistakes, then each is named', () => {
    const r = buildBusinessCase({
      ...workedCheck,
      annualVolumes: [1, 2],
      savings: [{ id: 's', label: 's', kind: 'cash-releasing', perJourney: 1, perYear: 1, toYear: 9 }],
      costs: [{ id: 'c', label: 'c', kind: 'one-off', amount: 1, fromYear: 6 }],
    });
    expect(!r.ok && r.error.map((e) => e.path)).toEqual([
      'annualVolumes',
      'savings[0].perJourney',
      'savings[0].toYear',
      'costs[0].fromYear',
    ]);
  });

  it('given no appraisal period, then it says what was expected', () => {
    const { appraisalYears: _, ...rest } = workedCheck;
    expect(buildBusinessCase(rest)).toMatchObject({
      ok: false,
      error: [{ path: 'appraisalYears', message: 'expected a whole number of years from 1 to 125' }],
    });
  });
});
