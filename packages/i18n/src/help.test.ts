import { describe, expect, it } from 'vitest';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { fillHelp, helpLocale, helpMessages, plainMessage, plainMessageIds } from './help.ts';
import { createTranslator, namespaces, type MessageId } from './index.ts';

describe('the help namespace without FormatJS (@waymark/i18n/help)', () => {
  it.each(['en', 'cy'] as const)(
    '%s: every message is plain text with {name} arguments, said by fillHelp exactly as FormatJS says it',
    async (locale) => {
      const messages = await helpMessages(locale);
      expect(messages).toEqual(namespaces.help[locale]);
      const t = createTranslator(locale);
      const problems: string[] = [];
      for (const [id, message] of Object.entries(messages)) {
        const elements = parse(message);
        if (elements.some((e) => e.type !== TYPE.literal && e.type !== TYPE.argument))
          problems.push(`${id}: only plain text and {name} arguments, no plurals, selects or tags`);
        const values = Object.fromEntries(
          elements.filter((e) => e.type === TYPE.argument).map((e) => [e.value, `{"${e.value}": [1, 2]}`]),
        );
        if (fillHelp(message, values) !== t.t(id as MessageId, values))
          problems.push(
            `${id}: fillHelp says "${fillHelp(message, values)}", FormatJS "${t.t(id as MessageId, values)}"`,
          );
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(['en', 'cy'] as const)(
    '%s: the few other messages said without FormatJS are plain text, said exactly as FormatJS says them',
    async (locale) => {
      const t = createTranslator(locale);
      for (const id of plainMessageIds) {
        const elements = parse((namespaces.eventlog[locale] as Record<string, string>)[id] as string);
        expect(elements.every((e) => e.type === TYPE.literal || e.type === TYPE.argument)).toBe(true);
        const values = Object.fromEntries(
          elements.filter((e) => e.type === TYPE.argument).map((e) => [e.value, `{"${e.value}": [1, 2]}`]),
        );
        expect(await plainMessage(locale, id, values)).toBe(t.t(id as MessageId, values));
      }
      expect(await plainMessage(locale, 'eventlog.analyse.wrote', { file: 'r.json' })).toBe(
        locale === 'cy' ? 'ysgrifennwyd r.json' : 'wrote r.json',
      );
    },
  );

  it('chooses Welsh as the command line’s other words do, from WAYMARK_LANG, LC_ALL or LANG', () => {
    expect(helpLocale({ WAYMARK_LANG: 'cy' })).toBe('cy');
    expect(helpLocale({ LC_ALL: 'cy_GB.UTF-8' })).toBe('cy');
    expect(helpLocale({ LANG: 'cy-GB' })).toBe('cy');
    expect(helpLocale({ WAYMARK_LANG: 'en', LANG: 'cy_GB.UTF-8' })).toBe('en');
    expect(helpLocale({ LANG: 'C.UTF-8' })).toBe('en');
    expect(helpLocale({})).toBe('en');
  });

  it('leaves an argument without a value as it is written', () => {
    expect(fillHelp('one of: {formats} ({other})', { formats: 'svg, md' })).toBe('one of: svg, md ({other})');
  });
});
