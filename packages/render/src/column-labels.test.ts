import { describe, expect, it } from 'vitest';
import { formatAge, formatPeriod } from './column-labels';

describe('column labels', () => {
  it('formats months and days as people write them', () => {
    expect(formatPeriod('2008-11')).toBe('Nov 2008');
    expect(formatPeriod('2009-03-05')).toBe('5 Mar 2009');
  });
  it('formats age bands with an en dash and single ages alone', () => {
    expect(formatAge({ from: 0, to: 4 })).toBe('0–4');
    expect(formatAge({ from: 5 })).toBe('5');
    expect(formatAge({ from: 5, to: 5 })).toBe('5');
  });
});

describe('column labels in Welsh', () => {
  it('names months in Welsh', () => {
    expect(formatPeriod('2008-11', 'cy')).toBe('Tach 2008');
    expect(formatPeriod('2009-03-05', 'cy')).toMatch(/^5 Maw/);
  });
});
