import {
  importErrorCodes,
  importWarningCodes,
  rejectionCodes,
  type ImportWarningCode,
  timestampExpectations,
  type RejectionCode,
  type RejectionValues,
} from '@waymark/analytics';
import { createTranslator, locales, messagesFor, type MessageId } from '@waymark/i18n';
import { describe, expect, it } from 'vitest';

/**
 * Every code the importer can give a rejected row or a failed import has words in English and Welsh, which the
 * web shows instead of the importer's English `reason` (apps/web/src/datasets/import-words.ts reads the same ids).
 */

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Values as the importer gives them, one set per code (typed so that a new code must be added here). */
const sample: Record<RejectionCode, RejectionValues> = {
  wrong_field_count: { count: 2, expected: 3 },
  empty_case: {},
  empty_activity: {},
  empty_timestamp: {},
  bad_timestamp: { value: '32/13/2024', expected: 'dmy' },
  value_not_utf8: { field: 'activity' },
  unsafe_character: { field: 'case', codePoint: 'U+0007', position: 3 },
  trace_without_case: { traceLine: 12, attribute: 'concept:name' },
  event_without_activity: { attribute: 'concept:name' },
  event_without_timestamp: { attribute: 'time:timestamp' },
};

/** A warning's values as the importer gives them, one set per code. */
const warningSample: Record<ImportWarningCode, Record<string, string | number>> = {
  column_without_name: { column: 4 },
  column_name_repeated: { first: 5, second: 6, name: 'notes' },
  date_order_guessed: { column: 'when' },
  header_without_events: {},
  characters_after_quote: { rows: 3 },
  cases_out_of_order: { cases: 7 },
};

describe('the words of event-log problems', () => {
  for (const locale of locales) {
    const messages = messagesFor(locale);
    const { t } = createTranslator(locale);

    it(`given each rejection code, then ${locale} has words for it that use its values`, () => {
      for (const code of rejectionCodes) {
        const id = `datasets.rejection.${camel(code)}`;
        expect(messages[id], id).toBeTruthy();
        const words = t(id as MessageId, { ...sample[code] });
        expect(words, id).not.toMatch(/[{}]/);
        for (const v of Object.values(sample[code]))
          if (typeof v === 'string' && v !== 'dmy' && v !== 'case' && v !== 'activity')
            expect(words, id).toContain(v);
      }
    });

    it(`given each date order a bad timestamp expected, then ${locale} names it with an example`, () => {
      const said = timestampExpectations.map((expected) =>
        t('datasets.rejection.badTimestamp', { value: 'soon', expected }),
      );
      expect(new Set(said).size).toBe(timestampExpectations.length);
      expect(said[1]).toContain('01/03/2024');
      expect(said[2]).toContain('03/01/2024');
    });

    it(`given each import error code, then ${locale} has words for it`, () => {
      for (const code of importErrorCodes) {
        const id = `datasets.importError.${camel(code)}`;
        expect(messages[id], id).toBeTruthy();
      }
    });

    it(`given each import warning code, then ${locale} has words for it that use its values (the date one for the web and the command line)`, () => {
      const ids = (code: ImportWarningCode) => [
        `datasets.warning.${camel(code)}`,
        ...(code === 'date_order_guessed' ? ['datasets.warning.dateOrderGuessedCommandLine'] : []),
      ];
      for (const code of importWarningCodes)
        for (const id of ids(code)) {
          expect(messages[id], id).toBeTruthy();
          const words = t(id as MessageId, { ...warningSample[code], monthFirst: 'M', dateLabel: 'D' });
          expect(words, id).not.toMatch(/[{}]/);
          for (const v of Object.values(warningSample[code])) expect(words, id).toContain(String(v));
          expect(messagesFor(locale === 'en' ? 'cy' : 'en')[id], id).not.toBe(messages[id]);
        }
    });

    it(`given a row stored without a code, then ${locale} has a plain sentence naming its line and column`, () => {
      const words = t('datasets.rejection.unknown', { line: 7, hasColumn: 'yes', column: 'when' });
      expect(words).toContain('7');
      expect(words).toContain('when');
    });
  }

  it('given the same code, then the Welsh words are not the English ones', () => {
    const en = messagesFor('en');
    const cy = messagesFor('cy');
    for (const code of rejectionCodes) {
      const id = `datasets.rejection.${camel(code)}`;
      expect(cy[id], id).not.toBe(en[id]);
    }
  });
});
