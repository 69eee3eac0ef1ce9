import { describe, expect, it } from 'vitest';
import { cliNamespaces, createCliTranslator, type CliMessageId } from './cli.ts';
import {
  createTranslator,
  locales,
  namespaces,
  setMessageErrorHandler,
  type MessageValues,
} from './index.ts';

/** Messages the CLI prints, with the values it gives them; the plurals at the counts where Welsh changes form. */
const cliMessages: [CliMessageId, MessageValues?][] = [
  ['eventlog.analyse.note', { message: 'WAYMARK_PSEUDONYM_KEY' }],
  ['eventlog.analyse.oneOffKey', { variable: 'WAYMARK_PSEUDONYM_KEY' }],
  ['eventlog.pseudonymKey.tooShort', { variable: 'WAYMARK_PSEUDONYM_KEY', min: 16 }],
  ['eventlog.analyse.seeHelp'],
  ...[0, 1, 2, 3, 6, 1234].map((rejected): [CliMessageId, MessageValues] => [
    'eventlog.analyse.rejectedRows',
    { rejected, rows: 12345, more: rejected > 3 ? 'yes' : 'no', listed: 3, first: 'line 2' },
  ]),
  ...[1, 2, 5].map((count): [CliMessageId, MessageValues] => [
    'emitSql.import.attached',
    { count, engine: 'duckdb', table: 'contacts', journey: 'repairs.yaml', step: 'report' },
  ]),
  ['emitSql.header.noOrder'],
  ['datasets.rejection.badTimestamp', { value: '31/02/2024', expected: 'dmy' }],
  ['cli.args.unknownOption', { option: '--colour' }],
  ...[0, 1, 2, 3].map((count): [CliMessageId, MessageValues] => ['cli.compare.twoJourneys', { count }]),
  [
    'cli.deflator.problem',
    { file: 'gdp.csv', hasLine: 'yes', line: 3, problem: 'index', got: 'about 110', reason: '' },
  ],
  [
    'cli.costModel.field',
    { file: 'desk.json', field: 'lines[0].unitCost', expected: 'unitCost', found: 'yes', got: '-1' },
  ],
];

describe('the command line’s entry (@waymark/i18n/cli)', () => {
  it('holds the catalogue’s own namespaces, not copies', () => {
    for (const [name, files] of Object.entries(cliNamespaces)) {
      const full = namespaces[name as keyof typeof namespaces];
      expect(files.en).toBe(full.en);
      expect(files.cy).toBe(full.cy);
    }
  });

  it.each(locales)('says the CLI’s messages in %s exactly as the main entry does', (locale) => {
    const cli = createCliTranslator(locale);
    const main = createTranslator(locale);
    for (const [id, values] of cliMessages) {
      const text = cli.t(id, values);
      expect(text).not.toBe(id);
      expect(text).toBe(main.t(id, values));
    }
    expect(cli.tag).toBe(main.tag);
    expect(cli.number(1234.5)).toBe(main.number(1234.5));
  });

  it('uses each language’s plural forms: Welsh has a form for two', () => {
    const values = { rows: 10, more: 'no', listed: 2, first: '' };
    expect(createCliTranslator('cy').t('eventlog.analyse.rejectedRows', { ...values, rejected: 2 })).toMatch(
      /^Nid oedd modd darllen 2 res o 10 /,
    );
    expect(createCliTranslator('cy').t('eventlog.analyse.rejectedRows', { ...values, rejected: 3 })).toMatch(
      /^Nid oedd modd darllen 3 rhes o 10 /,
    );
    expect(createCliTranslator('en').t('eventlog.analyse.rejectedRows', { ...values, rejected: 1 })).toMatch(
      /^1 of 10 rows could not be read and is not /,
    );
  });

  it('has no other namespace’s messages: an id from elsewhere is reported and shown as the id', () => {
    const seen: unknown[] = [];
    setMessageErrorHandler((e) => seen.push(e));
    try {
      expect(createTranslator('en').t('editor.panel.structure')).toBe('Steps, stages and lanes');
      expect(seen).toEqual([]);
      expect(createCliTranslator('en').t('editor.panel.structure' as CliMessageId)).toBe(
        'editor.panel.structure',
      );
      expect(seen.length).toBe(1);
    } finally {
      setMessageErrorHandler((e) => console.warn(String(e)));
    }
  });
});
