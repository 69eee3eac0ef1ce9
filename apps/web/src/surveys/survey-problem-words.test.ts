import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../i18n';
import { problemWords } from './survey-import-page';

// A survey file's problems as the import page lists them: from the code, row, column and values the API sends,
// in the person's language, never from the server's English message.
describe('survey problems on the import page', () => {
  afterEach(() => setLocale('en'));

  it('given a byte that is not UTF-8, then its row and column, in English and Welsh', () => {
    const p = { code: 'not_utf8', row: 4, column: 2, values: { column: 2 } };
    expect(problemWords(p)).toBe(
      'Row 4, column 2 has characters that are not UTF-8. Save the file as CSV UTF-8 and try again.',
    );
    setLocale('cy');
    expect(problemWords(p)).toBe(
      'Mae gan res 4, colofn 2 nodau nad ydynt yn UTF-8. Cadwch y ffeil fel CSV UTF-8 a rhowch gynnig arall arni.',
    );
  });

  it('given a workbook over the limit, then the limit and what to do instead, not that it could not be read', () => {
    const p = { code: 'not_a_workbook', values: { reason: 'tooLarge', limitMb: 50 } };
    expect(problemWords(p)).toBe(
      'The workbook is larger than 50 MB, the most Waymark reads. Export the responses as CSV instead.',
    );
    setLocale('cy');
    expect(problemWords(p)).toBe(
      'Mae’r llyfr gwaith yn fwy na 50 MB, y mwyaf y mae Waymark yn ei ddarllen. Allforiwch yr ymatebion fel CSV yn lle hynny.',
    );
    expect(problemWords({ code: 'not_a_workbook', values: { reason: 'unreadable' } })).toBe(
      'Nid oedd modd darllen y llyfr gwaith. Allforiwch ef eto fel .xlsx neu fel CSV.',
    );
  });

  it('given a score out of range, then the row, column, answer and the scale’s ends', () => {
    expect(
      problemWords({
        code: 'out_of_range',
        row: 2,
        column: 3,
        columnName: 'How satisfied were you?',
        found: '7',
        values: { min: 1, max: 5 },
      }),
    ).toBe(
      'Row 2, column 3 (How satisfied were you?): 7 is outside the scale. Enter a whole number from 1 to 5.',
    );
  });
});
