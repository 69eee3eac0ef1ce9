import { describe, expect, it } from 'vitest';
import { paybackYears } from './payback';

describe('paybackYears', () => {
  it('given £50k in year 0 and £20k a year after, then 2.5 years (domain.md §7)', () => {
    expect(paybackYears([-50_000, 20_000, 20_000, 20_000, 20_000, 20_000])).toBe(2.5);
  });
  it('given discounted flows, then the crossing falls later, inside year 3', () => {
    const flows = [-50_000, ...[1, 2, 3, 4, 5].map((t) => 20_000 / 1.035 ** t)];
    const before = -50_000 + flows[1]! + flows[2]!;
    expect(paybackYears(flows)).toBeCloseTo(2 + -before / flows[3]!, 12);
    expect(paybackYears(flows)).toBeGreaterThan(2.5);
  });
  it('given no cost up front, then zero', () => {
    expect(paybackYears([0, 10, 10])).toBe(0);
  });
  it('given a case that never pays back, then null', () => {
    expect(paybackYears([-100, 10, 10])).toBeNull();
  });
  it('given a dip after an early crossing, then the later crossing', () => {
    // cumulative: -100, 0, -50, 50 → below zero last in year 2; year 3 brings 100
    expect(paybackYears([-100, 100, -50, 100])).toBe(2.5);
  });
});
