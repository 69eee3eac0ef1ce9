import { describe, expect, it } from 'vitest';
import { formatMoney, pence, penceToDecimalString, poundsToPence, roundHalfAway, sumPence } from './money';

describe('poundsToPence', () => {
  it('given pounds with binary noise, then it rounds to the penny the user meant', () => {
    expect(poundsToPence(0.1 + 0.2)).toBe(30);
    expect(poundsToPence(0.7 * 2.83 + 0.2 * 8.62 + 0.1 * 0.15)).toBe(372);
  });
  it('given exactly half a penny, then it rounds away from zero', () => {
    expect(poundsToPence(1.005)).toBe(101);
    expect(poundsToPence(-1.005)).toBe(-101);
    expect(poundsToPence(2.675)).toBe(268);
  });
  it('given less than half a penny, then it rounds down', () => {
    expect(poundsToPence(90301.0549)).toBe(9030105);
  });
});

describe('roundHalfAway', () => {
  it('rounds ratios to the places asked for', () => {
    expect(roundHalfAway(90301.05 / 50000, 2)).toBe(1.81);
    expect(roundHalfAway(0.125, 2)).toBe(0.13);
    expect(roundHalfAway(-0.5)).toBe(-1);
    expect(roundHalfAway(-0.4)).toBe(0);
  });
  it('throws on a non-finite number (a bug upstream)', () => {
    expect(() => roundHalfAway(Number.NaN)).toThrow(/finite/);
  });
});

describe('formatMoney', () => {
  it('given pence, then it groups thousands and shows pence', () => {
    expect(formatMoney(pence(9030105))).toBe('£90,301.05');
    expect(formatMoney(pence(-5000000))).toBe('-£50,000.00');
    expect(formatMoney(pence(7))).toBe('£0.07');
  });
  it('given wholePounds, then it rounds half away to the pound', () => {
    expect(formatMoney(pence(9030105), { wholePounds: true })).toBe('£90,301');
    expect(formatMoney(pence(1116000), { wholePounds: true })).toBe('£11,160');
    expect(formatMoney(pence(-150), { wholePounds: true })).toBe('-£2');
  });
});

describe('pence helpers', () => {
  it('sums and prints as a decimal string for spreadsheets', () => {
    expect(sumPence([pence(1), pence(2), pence(-10)])).toBe(-7);
    expect(penceToDecimalString(pence(-5000000))).toBe('-50000.00');
    expect(penceToDecimalString(pence(5))).toBe('0.05');
  });
  it('refuses fractional pence', () => {
    expect(() => pence(1.5)).toThrow(/whole number/);
  });
});
