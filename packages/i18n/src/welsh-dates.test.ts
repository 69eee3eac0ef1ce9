import { describe, expect, it } from 'vitest';
import { formatWelshDate, formatWelshList } from './welsh-dates';

describe('Welsh dates without Welsh in Intl (Chrome’s ICU)', () => {
  const at = new Date(Date.UTC(2026, 11, 9, 17, 5));
  it('lays the date out as British English does, with CLDR’s Welsh month and day names — as Intl with Welsh prints them', () => {
    const cases: Intl.DateTimeFormatOptions[] = [
      { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
      { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' },
      { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' },
      { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' },
    ];
    expect(cases.map((o) => formatWelshDate(at, o))).toEqual([
      '9 Rhag 2026',
      'Mer, 9 Rhag',
      '9 Rhagfyr 2026',
      'Dydd Mercher, 9 Rhagfyr',
    ]);
    // Where this runtime has Welsh, the fallback agrees with it.
    if (Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0)
      for (const o of cases)
        expect(formatWelshDate(at, o)).toBe(new Intl.DateTimeFormat('cy-GB', o).format(at));
    expect(
      formatWelshDate(new Date(Date.UTC(2026, 5, 4, 9)), {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'UTC',
      }),
    ).toBe('4 Mehefin 2026 am 09:00');
  });
});

describe('Welsh lists without Welsh in Intl (Chrome’s ICU)', () => {
  it('joins as CLDR’s Welsh does — as Intl with Welsh prints them — not "a, b, and c"', () => {
    // This runtime (Node) has Welsh lists, so the fallback is checked against them below.
    const cases: [readonly string[], 'conjunction' | 'disjunction', string][] = [
      [['Ann', 'Bryn', 'Cai'], 'conjunction', 'Ann, Bryn, a(c) Cai'],
      [['Ann', 'Bryn'], 'conjunction', 'Ann a(c) Bryn'],
      [['Ann', 'Bryn', 'Cai'], 'disjunction', 'Ann, Bryn neu Cai'],
      [['Ann', 'Bryn'], 'disjunction', 'Ann neu Bryn'],
      [['Ann'], 'conjunction', 'Ann'],
      [[], 'conjunction', ''],
    ];
    for (const [items, type, expected] of cases) {
      expect(formatWelshList(items, type)).toBe(expected);
      if (Intl.ListFormat.supportedLocalesOf(['cy']).length > 0)
        expect(formatWelshList(items, type)).toBe(new Intl.ListFormat('cy-GB', { type }).format(items));
    }
  });
});
