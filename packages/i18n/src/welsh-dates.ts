/**
 * Welsh dates where the runtime's `Intl` has no Welsh: Chrome and Chromium ship ICU without Welsh date names
 * (`Intl.DateTimeFormat.supportedLocalesOf('cy')` is empty there), so `cy-GB` would come out in American English
 * ("Dec 4, 2026"). There the date is laid out as British English lays it out and the month and day names are
 * replaced by CLDR's Welsh ones ("4 Rhag 2026", "Mer, 9 Rhag", "4 Rhagfyr 2026 am 09:00"), which is what a
 * runtime with Welsh prints.
 */
const months = {
  short: ['Ion', 'Chwef', 'Maw', 'Ebr', 'Mai', 'Meh', 'Gorff', 'Awst', 'Medi', 'Hyd', 'Tach', 'Rhag'],
  long: [
    'Ionawr',
    'Chwefror',
    'Mawrth',
    'Ebrill',
    'Mai',
    'Mehefin',
    'Gorffennaf',
    'Awst',
    'Medi',
    'Hydref',
    'Tachwedd',
    'Rhagfyr',
  ],
};
const weekdays = {
  short: ['Sul', 'Llun', 'Maw', 'Mer', 'Iau', 'Gwen', 'Sad'],
  long: ['Dydd Sul', 'Dydd Llun', 'Dydd Mawrth', 'Dydd Mercher', 'Dydd Iau', 'Dydd Gwener', 'Dydd Sadwrn'],
};

/** True when this runtime's `Intl` formats Welsh dates itself. */
export const intlHasWelshDates = (): boolean => Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0;

/** `date` in Welsh with these `Intl` options, without Welsh in `Intl` (see above). */
export function formatWelshDate(date: Date, options: Intl.DateTimeFormatOptions): string {
  const format = new Intl.DateTimeFormat('en-GB', options);
  const { timeZone } = format.resolvedOptions();
  const longMonth = options.month === 'long' || options.dateStyle === 'long' || options.dateStyle === 'full';
  const longDay = options.weekday === 'long' || options.dateStyle === 'full';
  const month = Number(new Intl.DateTimeFormat('en-GB', { timeZone, month: 'numeric' }).format(date)) - 1;
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(
    new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short' }).format(date),
  );
  const parts = format.formatToParts(date);
  return parts
    .map((part, i) => {
      if (part.type === 'month' && !/^\d+$/.test(part.value))
        return (longMonth ? months.long : months.short)[month] ?? part.value;
      if (part.type === 'weekday') return (longDay ? weekdays.long : weekdays.short)[day] ?? part.value;
      // "Mer, 9 Rhag" and "4 Rhagfyr 2026 am 09:00", as CLDR's Welsh has them.
      if (part.type === 'literal' && parts[i - 1]?.type === 'weekday' && part.value === ' ') return ', ';
      if (part.type === 'literal') return part.value.replace(/\bat\b/, 'am');
      return part.value;
    })
    .join('');
}

/** True when this runtime's `Intl` joins lists in Welsh itself (Chrome's ICU does not: it says "a, b, and c"). */
export const intlHasWelshLists = (): boolean =>
  typeof Intl.ListFormat === 'function' && Intl.ListFormat.supportedLocalesOf(['cy']).length > 0;

/**
 * A list joined as CLDR's Welsh joins it, without Welsh in `Intl`: "a, b, a(c) c" (and: CLDR writes "a(c)" so
 * the word need not change before a vowel), "a, b neu c" (or) — exactly what Node, whose ICU has Welsh, prints,
 * so the server's reports and the browser agree.
 */
export function formatWelshList(items: readonly string[], type: 'conjunction' | 'disjunction'): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1];
  if (type === 'disjunction') return `${head} neu ${last}`;
  return items.length === 2 ? `${head} a(c) ${last}` : `${head}, a(c) ${last}`;
}
