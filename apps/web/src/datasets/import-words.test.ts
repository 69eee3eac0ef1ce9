import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { setLocale } from '../i18n';
import {
  importErrorText,
  importFailureWords,
  rejectionWords,
  warningWords,
  type ShownWarnings,
} from './import-words';

describe('the words of an event log’s problems', () => {
  afterEach(() => setLocale('en'));

  it('given a rejection with a code, then it is said from the catalogue with its values, in English and Welsh', () => {
    const r = {
      line: 5,
      field: 'when',
      code: 'bad_timestamp',
      values: { value: '32/13/2024', expected: 'dmy' },
      reason: '"32/13/2024" is not a date-time (expected day-first, e.g. 01/03/2024 09:30)',
    };
    expect(rejectionWords(r)).toBe(
      '“32/13/2024” is not a date and time. Use the day first, for example 01/03/2024 09:30.',
    );
    setLocale('cy');
    expect(rejectionWords(r)).toBe(
      'Nid yw “32/13/2024” yn ddyddiad ac amser. Defnyddiwch y diwrnod yn gyntaf, er enghraifft 01/03/2024 09:30.',
    );
  });

  it('given a row stored before rejections had codes, or a code this screen does not know, then a plain sentence names its line and column, never the English reason', () => {
    const old = { line: 8, field: 'timestamp', reason: '"soon" is not a date-time' };
    expect(rejectionWords(old)).toBe('Line 8 could not be read. Check the value in the “timestamp” column.');
    expect(rejectionWords({ line: 9, reason: '2 fields, expected 3 as in the header' })).toBe(
      'Line 9 could not be read. Check the row against the header.',
    );
    expect(rejectionWords({ line: 3, field: 'x', code: 'from_the_future', values: {} })).toBe(
      'Line 3 could not be read. Check the value in the “x” column.',
    );
    expect(rejectionWords({ line: 3, field: 'x', code: 'unknown' })).toMatch(/^Line 3 could not be read/);
    setLocale('cy');
    expect(rejectionWords(old)).toBe(
      'Nid oedd modd darllen llinell 8. Gwiriwch y gwerth yn y golofn “timestamp”.',
    );
  });

  it('given a failed import, then it is said by its code: no row readable, a problem of the file at a line, cancelled, or plain words', () => {
    const none = {
      code: 'invalid_log',
      message: 'none of the 2 rows could be read; the first, line 2 (timestamp): "soon" is not a date-time',
      rows: 2,
      rejections: [
        { line: 2, field: 'timestamp', code: 'bad_timestamp', values: { value: 'soon', expected: 'iso' } },
      ],
    };
    expect(importFailureWords(none)).toBe(
      'None of the 2 rows could be read. The first, line 2: “soon” is not a date and time. Use the year first, for example 2024-03-01 09:30.',
    );
    expect(importFailureWords({ code: 'invalid_log', message: 'x', rows: 0, rejections: [] })).toBe(
      'The file has a header but no events. Upload a log with at least one event.',
    );
    expect(importFailureWords({ code: 'invalid_log', message: 'x', reason: 'unclosed_quote', line: 2 })).toBe(
      'Line 2: A quoted value is not closed. Check that each opening quotation mark has a closing one.',
    );
    expect(
      importFailureWords({ code: 'invalid_log', message: 'the file is empty', reason: 'empty_file' }),
    ).toBe('The file is empty. Upload a file with a header row and events.');
    expect(importFailureWords({ code: 'invalid_log', message: 'new problem', reason: 'brand_new' })).toBe(
      'The event log could not be read. Check that it is a CSV, XES or Parquet event log and try again.',
    );
    expect(importFailureWords({ code: 'cancelled', message: 'the import was cancelled' })).toMatch(
      /^The import was cancelled; nothing was stored/,
    );
    expect(importFailureWords(null)).toBe('The import failed; nothing was stored.');
  });

  it('given an upload refused as an unreadable log, then its reason is said, not the server’s message', () => {
    const body = {
      error: { code: 'invalid_log', message: 'line 1: not UTF-8', path: 'body' },
      reason: 'not_utf8',
      line: 1,
    };
    const e = new ApiError(400, 'invalid_log', 'generic', 'body', body, 'line 1: not UTF-8');
    expect(importErrorText(e)).toMatch(/^Line 1: The file is not UTF-8 text\./);
    setLocale('cy');
    expect(importErrorText(e)).toMatch(/^Llinell 1: Nid yw’r ffeil yn destun UTF-8\./);
  });

  it('given an import’s warnings by code, then each is said from the catalogue with its values, the date one naming the import page’s own choice, in English and Welsh', () => {
    const log: ShownWarnings = {
      warnings: [
        'dates in column "when" could be day-first or month-first; read as day-first (UK). Pass --date-format mdy if they are month-first',
      ],
      warningCodes: [
        { code: 'date_order_guessed', values: { column: 'when' } },
        { code: 'column_without_name', values: { column: 4 } },
        { code: 'cases_out_of_order', values: { cases: 2 } },
      ],
    };
    expect(warningWords(log)).toEqual([
      'Dates in the “when” column could be day first or month first, so they were read day first, as in the UK. If they are month first, import the file again and choose “Month first (March 4)” under “Dates such as 03/04/2025”.',
      'Column 4 of the header has no name, so it was not read. Give it a name and import the file again if you need it.',
      '2 cases had their events out of time order in the file. They were put in time order; events at the same time keep the file’s order.',
    ]);
    expect(warningWords(log).join(' ')).not.toContain('--date-format');
    setLocale('cy');
    expect(warningWords(log)[1]).toBe(
      'Nid oes enw gan golofn 4 yn y pennyn, felly ni chafodd ei darllen. Rhowch enw iddi a mewnforiwch y ffeil eto os oes ei hangen arnoch.',
    );
  });

  it('given a dataset stored before warnings had codes, or a code this screen does not know, then a plain sentence, never the importer’s English', () => {
    const old: ShownWarnings = {
      warnings: [
        'line 1 (the header): column 4 has no name, so it is not read',
        'the file has a header but no events',
      ],
    };
    expect(warningWords(old)).toEqual([
      'This log was read with 2 warnings that this page cannot put into words, because the dataset was imported by an earlier version of Waymark. Import the file again to see them.',
    ]);
    expect(warningWords({ warnings: [], warningCodes: [] })).toEqual([]);
    expect(warningWords({})).toEqual([]);
    expect(warningWords({ warningCodes: [{ code: 'from_the_future', values: {} }] })).toEqual([
      'This log was read with a warning that this page cannot put into words, because the dataset was imported by an earlier version of Waymark. Import the file again to see it.',
    ]);
  });
});
