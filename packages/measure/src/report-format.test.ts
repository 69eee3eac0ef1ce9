import { describe, expect, it } from 'vitest';
import { pence } from './money';
import { escapeHtml, formatFigureValue, formatNumber, formatYears } from './report-format';

describe('report formatting', () => {
  it('escapes HTML', () => {
    expect(escapeHtml(`<b a="1">Tom & Jerry's</b>`)).toBe(
      '&lt;b a=&quot;1&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;',
    );
  });
  it('groups thousands and rounds half away', () => {
    expect(formatNumber(553.6979, 1)).toBe('553.7');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(-1234.5)).toBe('-1,235');
    expect(formatNumber(1.806, 2)).toBe('1.81');
  });
  it('formats each kind of figure', () => {
    expect(formatFigureValue({ kind: 'money', amount: pence(9030105) })).toBe('£90,301.05');
    expect(formatFigureValue({ kind: 'ratio', value: 90301.05 / 50000 })).toBe('1.81');
    expect(formatFigureValue({ kind: 'ratio', value: null })).toBe('no costs');
    expect(formatFigureValue({ kind: 'years', value: 2.5 })).toBe('2.5 years');
    expect(formatYears(null)).toBe('not within the appraisal period');
    expect(formatFigureValue({ kind: 'number', value: 5, unit: 'years' })).toBe('5 years');
  });
});
