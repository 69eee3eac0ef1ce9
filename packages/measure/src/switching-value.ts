import { err, ok, type Result } from '@waymark/core';
import { inputError, type InputError } from './input-error';
import type { Scenario } from './appraisal';
import { assumptionsOf, npsvOfScenario, tornado } from './sensitivity';
import { englishWords, type Words } from './words';

export interface SwitchingValue {
  readonly key: string;
  readonly label: string;
  readonly baseValue: number;
  /** The assumption's value at which NPSV = 0; null when no non-negative value does it. */
  readonly value: number | null;
  /** (value − base) / base × 100: how far the assumption may move before the case fails. */
  readonly changePercent: number | null;
  readonly method: 'linear' | 'bisection' | 'none';
}

/** Bisection for f(x) = 0 on [lo, hi] where f(lo) and f(hi) differ in sign; stops within tolerance of zero. */
export function solveByBisection(
  f: (x: number) => number,
  lo: number,
  hi: number,
  tolerance: number,
): number | null {
  let a = lo;
  let b = hi;
  let fa = f(a);
  if (Math.sign(fa) === Math.sign(f(b)) && fa !== 0) return null;
  for (let i = 0; i < 200; i += 1) {
    const mid = (a + b) / 2;
    const fm = f(mid);
    if (Math.abs(fm) <= tolerance || b - a < 1e-15 * Math.max(1, Math.abs(mid))) return mid;
    if (Math.sign(fm) === Math.sign(fa)) [a, fa] = [mid, fm];
    else b = mid;
  }
  return (a + b) / 2;
}

/** The main assumption: the one whose ±10 % moves NPSV most (the top of the tornado). */
export function mainAssumptionKey(scenario: Scenario): string {
  const bars = tornado(scenario, 10);
  // i18n-exempt: a programmer's invariant, never shown
  if (!bars.ok || bars.value[0] === undefined) throw new Error('tornado at 10 % always has the volume bar');
  return bars.value[0].key;
}

/**
 * The switching value of one assumption (by key from assumptionsOf). NPSV is linear in volumes,
 * savings, costs and optimism bias, so it is solved exactly from two points and checked; otherwise
 * (the discount rate) by bisection, to within `tolerancePounds` of NPSV = 0.
 */
export function switchingValue(
  scenario: Scenario,
  key: string = mainAssumptionKey(scenario),
  tolerancePounds = 0.005,
  words: Words = englishWords,
): Result<SwitchingValue, readonly InputError[]> {
  const assumptions = assumptionsOf(scenario, words);
  const a = assumptions.find((x) => x.key === key);
  if (a === undefined)
    return err([inputError('assumption', `expected one of ${assumptions.map((x) => x.key).join(', ')}`)]);
  const npsvAt = (factor: number) => npsvOfScenario(a.scale(scenario, factor));
  const result = (factor: number | null, method: SwitchingValue['method']): SwitchingValue => ({
    key: a.key,
    label: a.label,
    baseValue: a.baseValue,
    value: factor === null ? null : a.baseValue * factor,
    changePercent: factor === null ? null : (factor - 1) * 100,
    method,
  });
  const n0 = npsvAt(0);
  const n1 = npsvAt(1);
  if (n0 !== n1) {
    const linear = n0 / (n0 - n1);
    if (linear >= 0 && Math.abs(npsvAt(linear)) <= tolerancePounds) return ok(result(linear, 'linear'));
  }
  let hi = 2;
  while (hi < 1e6 && Math.sign(npsvAt(hi)) === Math.sign(n0) && npsvAt(hi) !== 0) hi *= 2;
  const root = solveByBisection(npsvAt, 0, hi, tolerancePounds);
  return ok(root === null ? result(null, 'none') : result(root, 'bisection'));
}
