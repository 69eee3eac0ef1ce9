/**
 * The translator both entries of @waymark/i18n build on: the main entry (`index.ts`) with every namespace of the
 * catalogue, the command line's (`cli.ts`) with only the namespaces it says things from. Given one locale's
 * messages, flat (id → ICU message), it formats them with FormatJS (`@formatjs/intl`), which brings each language's
 * plural rules and its numbers and dates from `Intl`.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { MessageId } from './namespaces.ts';
import { formatWelshDate, formatWelshList, intlHasWelshDates, intlHasWelshLists } from './welsh-dates.ts';

export const locales = ['en', 'cy'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** The BCP 47 tag each locale formats numbers and dates with (and the page's `lang`). */
export const localeTags: Record<Locale, string> = { en: 'en-GB', cy: 'cy-GB' };
/** Each language's name in itself, as a language chooser shows it (never translated). */
export const localeNames: Record<Locale, string> = { en: 'English', cy: 'Cymraeg' };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (locales as readonly string[]).includes(value);

/** The closest supported locale for a list of preferences such as `navigator.languages` or Accept-Language. */
export function pickLocale(preferences: readonly string[] | string | null | undefined): Locale {
  const list = typeof preferences === 'string' ? preferences.split(',') : (preferences ?? []);
  for (const raw of list) {
    const base = raw.trim().split(';')[0]?.split('-')[0]?.toLowerCase();
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

/** Some namespaces' messages in one locale, flat: id → ICU message. */
export function flatMessages(
  namespaces: Readonly<Record<string, Readonly<Record<Locale, object>>>>,
  locale: Locale,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ns of Object.values(namespaces)) Object.assign(out, ns[locale] as Record<string, string>);
  return out;
}

export type MessageValue = string | number | boolean | Date | null | undefined;
export type MessageValues = Record<string, MessageValue>;

/** A locale's words and formatters; `Id` is the ids its messages have (every id of the catalogue by default). */
export interface Translator<Id extends string = MessageId> {
  readonly locale: Locale;
  /** The BCP 47 tag, e.g. for `<html lang>`. */
  readonly tag: string;
  /** One message as plain text. */
  t(id: Id, values?: MessageValues): string;
  /**
   * One message with parts in tags, e.g. `Read <link>the guide</link>`: each tag's function gets its text and
   * returns what to put there (a React element in the web app).
   */
  rich<T>(id: Id, values: Record<string, MessageValue | ((chunks: (string | T)[]) => T)>): (string | T)[];
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Whole pounds and pence, e.g. £1,234.50; `digits` 0 for round pounds. */
  money(pounds: number, digits?: 0 | 2): string;
  percent(fraction: number, digits?: number): string;
  /** A calendar date: 23 Nov 2026 / 23 Tach 2026. Invalid input comes back as it was; null as ''. */
  date(value: string | number | Date | null | undefined, options?: Intl.DateTimeFormatOptions): string;
  dateTime(value: string | number | Date | null | undefined): string;
  /** "a, b and c" / "a, b a c". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** The raw FormatJS object, for what the helpers above do not cover. */
  readonly intl: IntlShape<string>;
}

const cache = createIntlCache();
/** Every entry's translators, made once per locale; a new error handler clears them all. */
const made: { clear(): void }[] = [];

/** Reports a message that failed to format (missing id, bad argument) once, without breaking the page. */
export type MessageErrorHandler = (error: unknown) => void;
let onMessageError: MessageErrorHandler = (error) => {
  console.warn(String(error));
};
export function setMessageErrorHandler(handler: MessageErrorHandler): void {
  onMessageError = handler;
  for (const translators of made) translators.clear();
}

// A date given as text or milliseconds, parsed: never the clock (`new Date()` without an argument).
// eslint-disable-next-line no-restricted-globals
const toDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

/** One locale's translator over the given messages (id → ICU message). */
function translatorOver<Id extends string>(locale: Locale, messages: Record<string, string>): Translator<Id> {
  const tag = localeTags[locale];
  const intl = createIntl(
    {
      locale: tag,
      defaultLocale: localeTags[defaultLocale],
      messages,
      onError: (e) => onMessageError(e),
    },
    cache,
  );
  // Chrome's ICU has no Welsh date names: there, Welsh dates are made from British English's (welsh-dates.ts).
  const formatDate = (d: Date, options: Intl.DateTimeFormatOptions): string =>
    locale === 'cy' && !intlHasWelshDates() ? formatWelshDate(d, options) : intl.formatDate(d, options);
  return {
    locale,
    tag,
    intl,
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string>) as string,
    rich: (id, values) => {
      const out = intl.formatMessage({ id }, values as never) as unknown;
      return Array.isArray(out) ? (out as never) : [out as never];
    },
    number: (value, options) => intl.formatNumber(value, options as Parameters<typeof intl.formatNumber>[1]),
    money: (pounds, digits = 2) =>
      intl.formatNumber(pounds, {
        style: 'currency',
        currency: 'GBP',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
    percent: (fraction, digits = 0) =>
      intl.formatNumber(fraction, { style: 'percent', maximumFractionDigits: digits }),
    date: (value, options) => {
      if (value === null || value === undefined || value === '') return '';
      const d = toDate(value);
      if (Number.isNaN(d.getTime())) return String(value);
      return formatDate(d, options ?? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    },
    dateTime: (value) => {
      if (value === null || value === undefined || value === '') return '';
      const d = toDate(value);
      if (Number.isNaN(d.getTime())) return String(value);
      return formatDate(d, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    },
    // Chrome's ICU joins Welsh lists in English ("a, b, and c"): there, as CLDR's Welsh does (welsh-dates.ts).
    list: (items, type = 'conjunction') =>
      locale === 'cy' && !intlHasWelshLists()
        ? formatWelshList(items, type)
        : (intl.formatList(items, { type }) as string),
  };
}

/**
 * The translator for each locale over the messages `messagesOf` gives, made on first use and kept (until the
 * error handler changes): what each entry's `createTranslator` is.
 */
export function translatorsOver<Id extends string>(
  messagesOf: (locale: Locale) => Record<string, string>,
): (locale: Locale) => Translator<Id> {
  const translators = new Map<Locale, Translator<Id>>();
  made.push(translators);
  return (locale) => {
    const known = translators.get(locale);
    if (known) return known;
    const translator = translatorOver<Id>(locale, messagesOf(locale));
    translators.set(locale, translator);
    return translator;
  };
}
