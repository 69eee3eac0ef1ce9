import { describe, expect, it } from 'vitest';
import { annuityFactor, workedCheckScenario } from './business-case.fixture';
import { poundsToPence } from './money';
import { assumptionsOf, tornado } from './sensitivity';

const scenario = workedCheckScenario();
const annuity5 = annuityFactor(0.035);

describe('tornado', () => {
  it('given ±10 %, then each assumption moves NPSV by the amount the formula says', () => {
    const r = tornado(scenario, 10);
    if (!r.ok) throw new Error('expected ok');
    const byKey = Object.fromEntries(r.value.map((b) => [b.key, b]));
    // Volume ±10 % moves PV savings (£90,301.05) by ±£9,030.11
    expect(byKey.annualVolumes!.npsvAtHigh).toBe(poundsToPence(22_000 * annuity5 - 50_000));
    expect(byKey.annualVolumes!.npsvAtLow).toBe(poundsToPence(18_000 * annuity5 - 50_000));
    expect(byKey['costs.system']!.npsvAtHigh).toBe(poundsToPence(20_000 * annuity5 - 55_000));
    expect(byKey['costs.system']!.swing).toBe(1_000_000);
    expect(byKey['savings.calls']!.swing).toBe(byKey.annualVolumes!.swing);
    // A higher discount rate lowers NPSV
    expect(byKey.discountRate!.npsvAtHigh).toBeLessThan(byKey.discountRate!.npsvAtLow);
  });

  it('then the widest bar comes first', () => {
    const r = tornado(scenario, 10);
    const swings = r.ok ? r.value.map((b) => b.swing) : [];
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(r.ok && r.value.at(-1)!.key).toBe('discountRate');
  });

  it('given a percentage of 0 or above 100, then an error naming percent', () => {
    expect(tornado(scenario, 0)).toMatchObject({ ok: false, error: [{ path: 'percent' }] });
    expect(tornado(scenario, 150)).toMatchObject({ ok: false, error: [{ path: 'percent' }] });
  });

  it('lists optimism bias only when the case has some', () => {
    expect(assumptionsOf(scenario).map((a) => a.key)).not.toContain('optimismBiasPercent');
    const withBias = { ...scenario, input: { ...scenario.input, optimismBiasPercent: 40 } };
    expect(assumptionsOf(withBias).map((a) => a.key)).toContain('optimismBiasPercent');
  });
});
