import { describe, expect, it } from 'vitest';
import { attrs, escapeXml, num } from './xml';

describe('xml helpers', () => {
  it('escapeXml makes markup, ampersands and quotes inert and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0007`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
  it('num rounds to two decimals and never writes -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
  });
  it('attrs escapes values and leaves out undefined ones', () => {
    expect(attrs({ a: 1, b: undefined, c: '"x"' })).toBe(' a="1" c="&quot;x&quot;"');
  });
});
