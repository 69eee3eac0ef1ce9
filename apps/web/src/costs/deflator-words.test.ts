import { parseDeflatorCsv } from '@waymark/measure';
import { afterEach, describe, expect, it } from 'vitest';
import { toApiError, type ApiError } from '../api/api-error';
import { setLocale } from '../i18n';
import { deflatorFailure, deflatorProblemWords } from './deflator-words';

const meta = { title: 'GDP deflators: test', published: '2026-09', url: 'https://www.gov.uk/x' };

/** The error the costs page gets for a CSV the server refuses: its problems as the API lists them. */
function refused(csv: string, m: Partial<typeof meta> = {}): ApiError {
  const parsed = parseDeflatorCsv(csv, { ...meta, ...m });
  if (parsed.ok) throw new Error('expected the CSV to be refused');
  const body = {
    error: {
      code: 'invalid_request',
      message: parsed.error.map((e) => `${e.path}: ${e.message}`).join('; '),
      path: parsed.error[0]!.path,
    },
    problems: parsed.error.map((e) => ({
      path: e.path,
      message: e.message,
      reason: e.reason,
      values: e.values,
    })),
  };
  return toApiError(400, body);
}

describe('the words of a GDP deflator CSV the server refused', () => {
  afterEach(() => setLocale('en'));

  it('given bad lines, then each names its line and what was expected, never the server’s English, in English and Welsh', () => {
    const e = refused('year,index\n2022,ninety\nlast year,99\n2023,97,1\n2023-24,100\n2024,100\n2024,101\n');
    expect(deflatorFailure(e)).toEqual({
      message: 'The series was not loaded. Put these right and load the file again:',
      items: [
        'Line 2: expected an index above zero, such as 70.834; got “ninety”.',
        'Line 3: expected a year such as 2024 or 2024-25; got “last year”.',
        'Line 4: expected two values, a year and an index, such as 2024,100; got 3.',
        'Line 5: expected only calendar years such as 2024, as on the lines above; got “2023-24”.',
        'Line 7: 2024 is given more than once, first on line 6. Give each year once.',
      ],
    });
    setLocale('cy');
    expect(deflatorFailure(e)).toEqual({
      message: 'Ni lwythwyd y gyfres. Cywirwch y rhain a llwythwch y ffeil eto:',
      items: [
        'Llinell 2: disgwylid mynegai uwchlaw sero, fel 70.834; cafwyd “ninety”.',
        'Llinell 3: disgwylid blwyddyn fel 2024 neu 2024-25; cafwyd “last year”.',
        'Llinell 4: disgwylid dau werth, blwyddyn a mynegai, fel 2024,100; cafwyd 3.',
        'Llinell 5: disgwylid blynyddoedd calendr fel 2024 yn unig, fel ar y llinellau uchod; cafwyd “2023-24”.',
        'Llinell 7: rhoddir 2024 fwy nag unwaith, gyntaf ar linell 6. Rhowch bob blwyddyn unwaith.',
      ],
    });
  });

  it('given a wrong header, an empty file, too few or too many years, then what the file needs', () => {
    const one = (csv: string) => deflatorFailure(refused(csv)).items;
    expect(deflatorFailure(refused('Financial year,2024-25 = 100\n2023-24,97\n'))).toEqual({
      message: 'The series was not loaded. Put this right and load the file again:',
      items: ['Line 1: expected the header ‘year,index’; got “Financial year,2024-25 = 100”.'],
    });
    expect(one('')).toEqual([
      'The file is empty. It needs the header ‘year,index’ and then one year a line, such as 2024,100.',
    ]);
    expect(one('year,index\n2024,100\n')).toEqual([
      'The file needs at least two years after the header; it has 1.',
    ]);
    const many = `year,index\n${Array.from({ length: 401 }, (_, i) => `${1600 + i},${i + 1}`).join('\n')}\n`;
    expect(one(many)).toEqual([
      'The file has 401 years; at most 400 can be loaded. Keep the years you need.',
    ]);
    expect(deflatorProblemWords({ path: 'file', reason: 'too_large', values: { limitKb: 64 } })).toBe(
      'The file is larger than 64 KB, too large for a GDP deflator series. Check that it is the right file.',
    );
    setLocale('cy');
    expect(one('year,index\n2024,100\n')).toEqual([
      'Mae angen o leiaf ddwy flynedd ar ôl y pennawd yn y ffeil; mae ganddi 1.',
    ]);
  });

  it('given publication details missing or not right, then the field and what it needs', () => {
    const e = refused('year,index\n2023,97\n2024,100\n', { title: ' ', published: 'Dec 2025', url: '' });
    expect(deflatorFailure(e).items).toEqual([
      'Title of the publication: give the title the figures were published under.',
      'Date published: expected a date such as 2026-09 or 2026-09-30; got “Dec 2025”.',
      'Address it was published at: give the full address, starting https://.',
    ]);
    expect(deflatorProblemWords({ path: 'url', reason: 'bad_url', values: { got: 'gov.uk' } })).toBe(
      'Address it was published at: expected the full address, starting https://; got “gov.uk”.',
    );
    setLocale('cy');
    expect(deflatorFailure(e).items[2]).toBe(
      'Y cyfeiriad y’i cyhoeddwyd ynddo: rhowch y cyfeiriad llawn, yn dechrau gyda https://.',
    );
  });

  it('given problems without reasons (an older server) or a reason this screen does not know, then where they are; given no list, the usual words', () => {
    const old = toApiError(400, {
      error: { code: 'invalid_request', message: 'line 3: x', path: 'line 3' },
      problems: [
        { path: 'line 3', message: 'x' },
        { path: 'title', message: 'y', reason: 'from_the_future', values: {} },
      ],
    });
    expect(deflatorFailure(old)).toEqual({
      message:
        'The series was not loaded. Check these and try again: line 3, title. The file needs the header ‘year,index’, one year on each line (such as 2024 or 2024-25) and an index above zero.',
      items: [],
    });
    const down = toApiError(0, null);
    expect(deflatorFailure(down)).toEqual({ message: down.message, items: [] });
  });
});
