import { describe, expect, it } from 'vitest';
import {
  deflatorToCsv,
  isPriceYear,
  maxDeflatorCsvBytes,
  parseDeflatorCsv,
  shippedDeflator,
  upratingFactor,
} from './gdp-deflator';

const meta = {
  title: 'GDP deflators at market prices, and money GDP: test',
  published: '2026-09-30',
  url: 'https://www.gov.uk/government/statistics/example',
};
const paths = (r: { ok: boolean; error?: readonly { path: string; message: string }[] }) =>
  r.ok ? [] : r.error!.map((e) => `${e.path}: ${e.message}`);

describe('the shipped GDP deflator', () => {
  it('is HM Treasury’s December 2025 series, 2024 = 100, with its address, and covers 1990 to 2024 only', () => {
    expect(shippedDeflator.published).toBe('2025-12');
    expect(shippedDeflator.url).toMatch(/^https:\/\/www\.gov\.uk\/government\/statistics\/gdp-deflators/);
    expect(shippedDeflator.index['2024']).toBe(100);
    expect(Object.keys(shippedDeflator.index).sort()[0]).toBe('1990');
    expect(shippedDeflator.index['2025']).toBeUndefined();
  });

  it('uprates 2011 to 2024 prices by index(2024) / index(2011), and refuses a year it does not have', () => {
    const f = upratingFactor(shippedDeflator, '2011', '2024');
    expect(f.ok && f.value).toBeCloseTo(100 / 70.834, 12);
    const later = upratingFactor(shippedDeflator, '2011', '2026');
    expect(paths(later)).toEqual([
      'toPriceYear: expected a year in the deflator series (1990 to 2024); got "2026"',
    ]);
  });
});

describe('loading a deflator CSV', () => {
  it('reads year,index rows, financial or calendar, and writes the same back', () => {
    const r = parseDeflatorCsv(
      '\uFEFFyear,index\r\n2023-24,97.1\r\n2024-25,100\r\n2025-26,"103.2"\r\n\r\n',
      meta,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.index).toEqual({ '2023-24': 97.1, '2024-25': 100, '2025-26': 103.2 });
    expect(r.value.base).toBe('2024-25');
    expect(deflatorToCsv(r.value)).toBe('year,index\n2023-24,97.1\n2024-25,100\n2025-26,103.2\n');
  });

  it('refuses wrong columns, naming the header it got', () => {
    expect(
      paths(parseDeflatorCsv('Financial year,2024-25 = 100,per cent change\n2023-24,97,2\n', meta)),
    ).toEqual([
      'line 1: expected the header "year,index"; got "Financial year,2024-25 = 100,per cent change"',
    ]);
    expect(paths(parseDeflatorCsv('year,index\n2023,97,1\n2024,100\n', meta))).toEqual([
      'line 2: expected two values, a year and an index; got 3',
    ]);
  });

  it('refuses text where a number or a year belongs, a mix of year kinds and a repeated year, each by line', () => {
    const r = parseDeflatorCsv(
      'year,index\n2022,ninety\nlast year,99\n2023,-4\n2023-24,100\n2024,100\n2024,101\n',
      meta,
    );
    expect(paths(r)).toEqual([
      'line 2: expected an index above zero such as 70.834; got "ninety"',
      'line 3: expected a year such as 2024 or 2024-25; got "last year"',
      'line 4: expected an index above zero such as 70.834; got "-4"',
      'line 5: expected only calendar years, as on the lines above; got "2023-24"',
      'line 7: expected each year once; 2024 is repeated',
    ]);
    expect(isPriceYear('2024-26')).toBe(false);
  });

  it('refuses an empty file, a header alone, and missing publication details', () => {
    expect(paths(parseDeflatorCsv('', meta))).toEqual(['file: expected a header line "year,index"']);
    expect(paths(parseDeflatorCsv('year,index\n', meta))).toEqual([
      'file: expected at least two years after the header',
    ]);
    expect(
      paths(
        parseDeflatorCsv('year,index\n2023,97\n2024,100\n', {
          title: ' ',
          published: 'Dec 2025',
          url: 'gov.uk',
        }),
      ),
    ).toEqual([
      'title: expected the title of the publication',
      'published: expected the publication date as YYYY-MM or YYYY-MM-DD',
      'url: expected the https:// address the file was published at',
    ]);
  });

  it('refuses a huge file before reading it, and too many years', () => {
    const huge = `year,index\n${'2024,100\n'.repeat(maxDeflatorCsvBytes / 9 + 10)}`;
    expect(paths(parseDeflatorCsv(huge, meta))).toEqual(['file: expected a file of at most 64 KB']);
    const many = `year,index\n${Array.from({ length: 401 }, (_, i) => `${1600 + i},${i + 1}`).join('\n')}\n`;
    expect(paths(parseDeflatorCsv(many, meta))).toEqual(['file: expected at most 400 years']);
  });
});

describe('a deflator CSV’s problems by code and values', () => {
  const said = (r: ReturnType<typeof parseDeflatorCsv>) =>
    r.ok ? [] : r.error.map((e) => ({ path: e.path, reason: e.reason, values: e.values }));

  it('names a file too large by its limit in KB', () => {
    const huge = `year,index\n${'2024,100\n'.repeat(maxDeflatorCsvBytes / 9 + 10)}`;
    expect(said(parseDeflatorCsv(huge, meta))).toEqual([
      { path: 'file', reason: 'too_large', values: { limitKb: 64 } },
    ]);
  });

  it('names missing publication details, with what was given', () => {
    const r = parseDeflatorCsv('year,index\n2023,97\n2024,100\n', {
      title: ' ',
      published: 'Dec 2025',
      url: 'gov.uk/x',
    });
    expect(said(r)).toEqual([
      { path: 'title', reason: 'no_title', values: {} },
      { path: 'published', reason: 'bad_published', values: { got: 'Dec 2025' } },
      { path: 'url', reason: 'bad_url', values: { got: 'gov.uk/x' } },
    ]);
  });

  it('names an empty file, a wrong header with what it got, too few and too many years with the count', () => {
    expect(said(parseDeflatorCsv(' \n', meta))).toEqual([{ path: 'file', reason: 'no_header', values: {} }]);
    expect(said(parseDeflatorCsv('Financial year,2024-25 = 100\n2023-24,97\n', meta))).toEqual([
      { path: 'line 1', reason: 'bad_header', values: { line: 1, got: 'Financial year,2024-25 = 100' } },
    ]);
    expect(said(parseDeflatorCsv('year,index\n2024,100\n', meta))).toEqual([
      { path: 'file', reason: 'few_years', values: { count: 1 } },
    ]);
    const many = `year,index\n${Array.from({ length: 401 }, (_, i) => `${1600 + i},${i + 1}`).join('\n')}\n`;
    expect(said(parseDeflatorCsv(many, meta))).toEqual([
      { path: 'file', reason: 'too_many_years', values: { max: 400, count: 401 } },
    ]);
  });

  it('names each bad line: its count of values, a year or index that is not one, a mix of kinds, a repeated year and where it was first', () => {
    const r = parseDeflatorCsv(
      'year,index\n2022,ninety\nlast year,99\n2023,97,1\n2023-24,100\n2024,100\n2025,103\n2024,101\n',
      meta,
    );
    expect(said(r)).toEqual([
      { path: 'line 2', reason: 'bad_index', values: { line: 2, got: 'ninety' } },
      { path: 'line 3', reason: 'bad_year', values: { line: 3, got: 'last year' } },
      { path: 'line 4', reason: 'value_count', values: { line: 4, count: 3 } },
      { path: 'line 5', reason: 'mixed_years', values: { line: 5, kind: 'calendar', got: '2023-24' } },
      { path: 'line 8', reason: 'repeated_year', values: { line: 8, year: '2024', firstLine: 6 } },
    ]);
    const financial = parseDeflatorCsv('year,index\n2023-24,97\n2024,100\n', meta);
    expect(said(financial)).toEqual([
      { path: 'line 3', reason: 'mixed_years', values: { line: 3, kind: 'financial', got: '2024' } },
    ]);
  });

  it('keeps what was given short: a long header or year is cut, as in the English', () => {
    const long = 'x'.repeat(200);
    const header = parseDeflatorCsv(`${long}\n2024,100\n`, meta);
    expect(!header.ok && header.error[0]!.values).toEqual({ line: 1, got: 'x'.repeat(80) });
    const year = parseDeflatorCsv(`year,index\n${long},1\n2024,100\n`, meta);
    expect(!year.ok && year.error[0]!.values).toEqual({ line: 2, got: 'x'.repeat(40) });
  });
});
