import { describe, expect, it } from 'vitest';
import { annuityFactor, workedCheckScenario } from './business-case.fixture';
import { mainAssumptionKey, solveByBisection, switchingValue } from './switching-value';

const scenario = workedCheckScenario();
const annuity = (r: number) => annuityFactor(r);

describe('switchingValue on the domain.md §7 worked check', () => {
  it('given the volume, then NPSV = 0 at 50,000 / (£20 × annuity factor) journeys a year', () => {
    const r = switchingValue(scenario, 'annualVolumes');
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.method).toBe('linear');
    expect(r.value.value).toBeCloseTo(50_000 / (20 * annuity(0.035)), 6); // ≈ 553.7
    expect(r.value.changePercent).toBeCloseTo((50_000 / (20_000 * annuity(0.035)) - 1) * 100, 6);
  });

  it('given the cost, then it may rise to the PV of savings, £90,301.05', () => {
    const r = switchingValue(scenario, 'costs.system');
    expect(r.ok && r.value.value).toBeCloseTo(20_000 * annuity(0.035), 6);
  });

  it('given the discount rate, then bisection finds the internal rate of return', () => {
    const r = switchingValue(scenario, 'discountRate');
    if (!r.ok || r.value.value === null) throw new Error('expected a value');
    expect(r.value.method).toBe('bisection');
    expect(Math.abs(20_000 * annuity(r.value.value) - 50_000)).toBeLessThan(0.005);
    expect(r.value.value).toBeGreaterThan(0.28);
    expect(r.value.value).toBeLessThan(0.29);
  });

  it('given no key, then it uses the main assumption (top of the tornado)', () => {
    expect(mainAssumptionKey(scenario)).toBe('annualVolumes');
    const r = switchingValue(scenario);
    expect(r.ok && r.value.key).toBe('annualVolumes');
  });

  it('given a case with no costs, then no discount rate switches it: none', () => {
    const noCosts = { ...scenario, input: { ...scenario.input, costs: [] } };
    expect(switchingValue(noCosts, 'discountRate')).toMatchObject({
      ok: true,
      value: { value: null, method: 'none' },
    });
  });

  it('given a case under water, then savings must rise: the switching value is above the base', () => {
    const expensive = {
      ...scenario,
      input: { ...scenario.input, costs: [{ ...scenario.input.costs[0]!, amount: 180_602.1 }] },
    };
    const r = switchingValue(expensive, 'savings.calls');
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.method).toBe('linear');
    expect(r.value.value).toBeCloseTo(180_602.1 / 1_000 / annuity(0.035), 9); // ≈ £40 a journey
    expect(r.value.changePercent).toBeCloseTo(100, 4);
  });

  it('given an unknown key, then an error listing the keys', () => {
    const r = switchingValue(scenario, 'nope');
    expect(r).toMatchObject({ ok: false, error: [{ path: 'assumption' }] });
    expect(!r.ok && r.error[0]!.message).toMatch(/annualVolumes, savings.calls, costs.system/);
  });
});

describe('solveByBisection', () => {
  it('finds √2 and reports no root when the bracket has none', () => {
    expect(solveByBisection((x) => x * x - 2, 0, 2, 1e-12)).toBeCloseTo(Math.SQRT2, 10);
    expect(solveByBisection((x) => x * x + 1, 0, 2, 1e-12)).toBeNull();
  });
});
