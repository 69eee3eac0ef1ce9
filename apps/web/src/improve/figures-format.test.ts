import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { figureLabel, formatChange, formatFigure } from './figures-format';

afterEach(() => setLocale('en'));

describe('Compare figures with their units (issue 11 item 7)', () => {
  it('given English, then each figure has its unit once, with the right plural, and cost is money', () => {
    setLocale('en');
    expect(formatFigure('contacts', 1)).toBe('1 contact');
    expect(formatFigure('contacts', 2.25)).toBe('2.3 contacts');
    expect(formatFigure('handOffs', 0.42)).toBe('0.4 hand-offs');
    expect(formatFigure('elapsedDays', 134)).toBe('134 days');
    expect(formatFigure('cost', 8.62)).toBe('£8.62');
    expect(figureLabel('elapsedDays')).toBe('Elapsed time');
    expect(formatChange('contacts', -2)).toBe('−2 contacts (fewer)');
    expect(formatChange('elapsedDays', -1)).toBe('−1 day (less)');
    expect(formatChange('cost', 1.5)).toBe('+£1.50 (more)');
    expect(formatChange('handOffs', 0)).toBe('no change');
  });

  it('given Welsh, then the same figures in Welsh', () => {
    setLocale('cy');
    expect(formatFigure('elapsedDays', 134)).toBe('134 diwrnod');
    expect(formatFigure('elapsedDays', 2)).toBe('2 ddiwrnod');
    expect(formatFigure('contacts', 1)).toBe('1 cyswllt');
    expect(formatChange('contacts', 0)).toBe('dim newid');
    expect(figureLabel('cost')).toBe('Cost fesul taith');
  });
});
