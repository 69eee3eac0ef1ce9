import { describe, expect, it } from 'vitest';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator, locales, namespaces, pickLocale, setMessageErrorHandler } from './index.ts';

/** The argument and tag names a message uses, e.g. `{count, plural, …}` → count, `<link>…</link>` → <link>. */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    switch (el.type) {
      case TYPE.argument:
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(el.value);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(el.value);
        for (const option of Object.values(el.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`<${el.value}>`);
        argumentsOf(el.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const entries = Object.entries(namespaces) as [
  string,
  { en: Record<string, string>; cy: Record<string, string> },
][];

describe('the message catalogue', () => {
  it.each(entries)(
    'namespace %s: Welsh and English have the same ids, each under its namespace',
    (ns, files) => {
      const en = Object.keys(files.en).sort();
      const cy = Object.keys(files.cy).sort();
      expect(
        cy.filter((id) => !en.includes(id)),
        'ids only in Welsh',
      ).toEqual([]);
      expect(
        en.filter((id) => !cy.includes(id)),
        'ids missing from Welsh',
      ).toEqual([]);
      expect(
        en.filter((id) => !id.startsWith(`${ns}.`)),
        `ids not starting "${ns}."`,
      ).toEqual([]);
    },
  );

  it.each(entries)(
    'namespace %s: every message has words, parses, and uses the same arguments in both',
    (_ns, files) => {
      const problems: string[] = [];
      for (const [id, en] of Object.entries(files.en)) {
        const cy = files.cy[id];
        for (const [locale, text] of [
          ['en', en],
          ['cy', cy],
        ] as const) {
          if (typeof text !== 'string' || text.trim() === '') problems.push(`${locale} ${id}: no words`);
        }
        if (typeof cy !== 'string') continue;
        try {
          const a = [...argumentsOf(parse(en))].sort();
          const b = [...argumentsOf(parse(cy))].sort();
          if (a.join() !== b.join()) problems.push(`${id}: English uses {${a.join()}}, Welsh {${b.join()}}`);
        } catch (error) {
          problems.push(`${id}: ${String(error)}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('formats plurals, numbers, money and dates by each language’s rules', () => {
    const en = createTranslator('en');
    const cy = createTranslator('cy');
    expect(en.money(1234.5)).toBe('£1,234.50');
    expect(cy.money(1234.5)).toBe('£1,234.50');
    expect(en.date('2026-03-05T00:00:00Z', { month: 'long', year: 'numeric', timeZone: 'UTC' })).toBe(
      'March 2026',
    );
    expect(cy.date('2026-03-05T00:00:00Z', { month: 'long', year: 'numeric', timeZone: 'UTC' })).toBe(
      'Mawrth 2026',
    );
    expect(en.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(en.date(null)).toBe('');
    expect(en.date('not a date')).toBe('not a date');
    // Welsh has six plural forms, English two: the translator chooses by each language's rules.
    expect([0, 1, 2, 3, 6, 7].map((n) => cy.intl.formatPlural(n))).toEqual([
      'zero',
      'one',
      'two',
      'few',
      'many',
      'other',
    ]);
    expect([0, 1, 2].map((n) => en.intl.formatPlural(n))).toEqual(['other', 'one', 'other']);
    expect([1, 2].map((n) => en.t('common.itemCount', { count: n }))).toEqual(['1 item', '2 items']);
  });

  it('reports an unknown id instead of failing the page, and shows the id', () => {
    const seen: unknown[] = [];
    setMessageErrorHandler((e) => seen.push(e));
    try {
      const t = createTranslator('cy');
      expect(t.t('common.noSuchMessage' as never)).toBe('common.noSuchMessage');
      expect(seen.length).toBe(1);
    } finally {
      setMessageErrorHandler((e) => console.warn(String(e)));
    }
  });

  it('picks the closest language from a browser’s or request’s preferences', () => {
    expect(pickLocale(['cy-GB', 'en-GB'])).toBe('cy');
    expect(pickLocale('fr-FR,cy;q=0.8,en;q=0.5')).toBe('cy');
    expect(pickLocale('de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
    expect(locales).toEqual(['en', 'cy']);
  });
});
