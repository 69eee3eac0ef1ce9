import type * as I18n from '@waymark/i18n';
import { describe, expect, it, vi } from 'vitest';

/** Each translator @waymark/i18n is asked to make, by locale, as measure asks for it. */
const made = vi.hoisted(() => [] as string[]);
vi.mock('@waymark/i18n', async (importOriginal) => {
  const i18n = await importOriginal<typeof I18n>();
  return {
    ...i18n,
    createTranslator: (locale: Parameters<typeof i18n.createTranslator>[0]) => {
      made.push(locale);
      return i18n.createTranslator(locale);
    },
  };
});

describe('englishWords is made on first use', () => {
  it('given @waymark/measure imported, then no translator is made until a word is asked for, and then one, once', async () => {
    // `waymark analyse --survey … --format json` imports the package and says nothing: it should not pay for a
    // translator over the whole catalogue
    const measure = await import('./index');
    const { englishWords } = await import('./words');
    expect(made).toEqual([]);
    expect(englishWords).toMatchObject({ locale: 'en', tag: 'en-GB' });
    expect(measure.builtInIndicators.map((i) => i.key)).toContain('avoidable-percent');
    expect(measure.discountSchedules.map((s) => s.id)).toContain('green-book-2022-standard');
    expect(Object.keys(measure.perspectiveLabels)).toEqual([...measure.perspectives]);
    expect(made).toEqual([]);

    expect(measure.discountSchedules[0]!.label).toMatch(/\S/);
    expect(made).toEqual(['en']);
    expect(measure.builtInIndicators.find((i) => i.key === 'avoidable-percent')?.label).toMatch(/\S/);
    expect(englishWords.money(1234.5)).toBe('£1,234.50');
    expect(englishWords.percent(0.25)).toBe('25%');
    expect(englishWords.list(['a', 'b', 'c'])).toBe('a, b and c');
    expect(englishWords.intl.locale).toBe('en-GB');
    expect(made).toEqual(['en']);
  });

  it('given a label read, then it is what the English translator says, spread and written as JSON like any other field', async () => {
    const { createTranslator } = await vi.importActual<typeof I18n>('@waymark/i18n');
    const { builtInIndicators, discountSchedules, perspectiveLabels } = await import('./index');
    const en = createTranslator('en');
    const schedule = discountSchedules.find((s) => s.id === 'green-book-2022-standard')!;
    expect({ ...schedule }.label).toBe(en.t('measure.schedule.green-book-2022-standard'));
    expect(JSON.parse(JSON.stringify(perspectiveLabels))).toMatchObject({
      citizen: en.t('measure.perspective.citizen'),
    });
    const indicator = builtInIndicators.find((i) => i.key === 'satisfaction')!;
    expect(JSON.parse(JSON.stringify(indicator))).toEqual({
      key: 'satisfaction',
      label: en.t('measure.indicator.satisfaction'),
      unit: 'score',
      direction: 'higher-is-better',
    });
  });
});
