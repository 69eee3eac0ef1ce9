import { describe, expect, it } from 'vitest';
import { guardFormula, toCsv } from './csv';

describe('toCsv', () => {
  it('given plain cells, then comma-separated lines ending in CRLF', () => {
    expect(
      toCsv([
        ['Year', 'Net'],
        [0, -50000],
        [1, null],
      ]),
    ).toBe('Year,Net\r\n0,-50000\r\n1,\r\n');
  });
  it('given commas, quotes and line breaks, then RFC 4180 quoting', () => {
    expect(toCsv([['Calls, letters', 'He said "no"', 'two\nlines']])).toBe(
      '"Calls, letters","He said ""no""","two\nlines"\r\n',
    );
  });
  it('throws on a non-finite number (a bug upstream)', () => {
    expect(() => toCsv([[Number.NaN]])).toThrow(/finite/);
  });
});

describe('guardFormula', () => {
  it.each(['=HYPERLINK("http://x")', '+1+cmd', '-2+3', '@SUM(A1)', '\tlead'])(
    'prefixes %j with a quote',
    (text) => {
      expect(guardFormula(text)).toBe(`'${text}`);
    },
  );
  it('leaves plain numbers and ordinary text alone', () => {
    expect(guardFormula('-50000.00')).toBe('-50000.00');
    expect(guardFormula('Case system')).toBe('Case system');
  });
  it('quotes a guarded cell that also needs quoting', () => {
    expect(toCsv([['=1,2']])).toBe(`"'=1,2"\r\n`);
  });
});
