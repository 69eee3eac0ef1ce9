/**
 * The web app's words (decision 0017). Components call `t('editor.addStep')` — the translator for the language the
 * person chose — and `money`, `number`, `date` to format by that language. Changing language re-renders the whole
 * app (LocaleRoot keys it on the locale), so module-level `t` is safe to call anywhere: in render, in handlers and
 * in plain functions.
 */
import { Fragment, useSyncExternalStore, type ReactNode } from 'react';
import {
  createTranslator,
  isLocale,
  localeTags,
  pickLocale,
  type Locale,
  type MessageId,
  type MessageValue,
  type MessageValues,
  type Translator,
} from '@waymark/i18n';

export { localeNames, locales, type Locale, type MessageId } from '@waymark/i18n';

const storageKey = 'waymark.locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(storageKey);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage refused (private window, policy): fall back to the browser's languages.
  }
  return pickLocale(globalThis.navigator?.languages ?? []);
}

let current: Translator = createTranslator(initialLocale());
const listeners = new Set<() => void>();

function applyToPage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current.tag;
}
applyToPage();

export const getLocale = (): Locale => current.locale;
export const getTranslator = (): Translator => current;

/** Switches every word on screen to `locale` and remembers the choice in this browser. */
export function setLocale(locale: Locale): void {
  if (locale === current.locale) return;
  current = createTranslator(locale);
  try {
    globalThis.localStorage?.setItem(storageKey, locale);
  } catch {
    // Not remembered in this browser; the account keeps it where the server stores it.
  }
  applyToPage();
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The chosen locale, re-rendering the caller when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** Re-mounts the app when the language changes so that every `t(...)` is read again. */
export function LocaleRoot({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <Fragment key={locale}>{children}</Fragment>;
}

/** One message as text in the chosen language. */
export const t = (id: MessageId, values?: MessageValues): string => current.t(id, values);

/**
 * One message with tagged parts turned into elements: `tRich('pages.notFound', { link: (text) => <Link …>{text}</Link> })`.
 */
export function tRich(
  id: MessageId,
  values: Record<string, MessageValue | ((chunks: ReactNode[]) => ReactNode)>,
): ReactNode {
  const parts = current.rich<ReactNode>(id, values as never);
  return parts.map((part, i) => <Fragment key={i}>{part}</Fragment>);
}

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions) =>
  current.number(value, options);
export const formatMoney = (pounds: number, digits?: 0 | 2) => current.money(pounds, digits);
export const formatPercent = (fraction: number, digits?: number) => current.percent(fraction, digits);
export const formatDateIn = (
  value: string | number | Date | null | undefined,
  options?: Intl.DateTimeFormatOptions,
) => current.date(value, options);
export const formatDateTimeIn = (value: string | number | Date | null | undefined) => current.dateTime(value);
export const formatList = (items: readonly string[], type?: 'conjunction' | 'disjunction') =>
  current.list(items, type);
/** The BCP 47 tag for the chosen locale (for `Intl` calls and `lang` attributes). */
export const localeTag = (): string => localeTags[current.locale];
