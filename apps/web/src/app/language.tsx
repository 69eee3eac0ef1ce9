/**
 * Choosing the interface language (issue 11 item 10, decision 0017). The header's Language control switches every
 * word at once (`setLocale` re-mounts the app) and remembers the choice in this browser; for a person signed in it
 * is also kept on their account (PATCH /api/auth/me), so it follows them to another browser. When a page first
 * learns who is signed in, the account's choice wins over the browser's; an account without a choice takes the
 * one this browser made. A choice made while the page is still asking who is signed in (the control is there
 * from the start) is the person's newest word: it stays and is kept on their account. Guests (decision 0015) have
 * no account: their choice stays in their browser.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { ApiClient } from '../api/client';
import type { Me } from '../api/types';
import { getLocale, localeNames, locales, setLocale, t, type Locale } from '../i18n';
import './language.css';

// i18n-exempt: the storage key the i18n module keeps the browser's choice under, not words
const browserChoiceKey = 'waymark.locale';

function chosenInThisBrowser(): boolean {
  try {
    return globalThis.localStorage?.getItem(browserChoiceKey) !== null;
  } catch {
    return false;
  }
}

/** People whose account's choice this page has already applied (it wins once, when they are first seen). */
const applied = new Set<string>();

/** Whether the control was used while the page was still asking who is signed in: then that choice wins. */
let chosenWhileAsking = false;

/**
 * Called with every answer of /api/auth/me: the first time a person is seen, their account's language wins over
 * the browser's; an account that has none takes the language chosen in this browser.
 */
export function applyAccountLocale(me: Me, api: ApiClient): void {
  if (chosenWhileAsking) {
    // also after a re-mount (a change of language asks again), when the person was seen already
    chosenWhileAsking = false;
    applied.add(me.user.id);
    if (me.locale !== getLocale()) void api.setLocale(getLocale()).catch(() => undefined);
    return;
  }
  if (applied.has(me.user.id)) return;
  applied.add(me.user.id);
  if (me.locale) {
    if (me.locale !== getLocale()) setLocale(me.locale);
  } else if (chosenInThisBrowser()) {
    void api.setLocale(getLocale()).catch(() => undefined);
  }
}

/**
 * After signing out, or on learning that nobody is signed in, the next person to sign in on this page gets their
 * account's choice again.
 */
export function forgetAppliedLocales(): void {
  applied.clear();
  chosenWhileAsking = false;
}

// What the control says after a change survives the re-mount that the change causes.
type Notice = { readonly kind: 'changed' | 'not-saved'; readonly focus: boolean } | null;
let notice: Notice = null;
const listeners = new Set<() => void>();
const setNotice = (next: Notice) => {
  notice = next;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/**
 * The header's language control: English and Cymraeg, each written in its own language. `api` is given for a
 * person signed in (their account keeps the choice); guests and signed-out pages pass none. `asking` while the page
 * does not yet know who is signed in.
 */
export function LanguageChoice({ api, asking }: { api: ApiClient | null; asking: boolean }) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const current = useSyncExternalStore(subscribe, () => notice);
  // The status region is filled a moment after it appears, so that screen readers announce it.
  const [said, setSaid] = useState('');
  useEffect(() => {
    if (!current) return;
    if (current.focus) {
      select.current?.focus();
      notice = { ...current, focus: false };
    }
    const timer = setTimeout(
      () =>
        setSaid(
          current.kind === 'changed' ? t('common.languageChanged') : t('app.language.notSavedToAccount'),
        ),
      150,
    );
    return () => clearTimeout(timer);
  }, [current]);

  const choose = (locale: Locale) => {
    if (locale === getLocale()) return;
    setNotice({ kind: 'changed', focus: true });
    if (asking) chosenWhileAsking = true;
    if (api)
      void api.setLocale(locale).catch(() => {
        setNotice({ kind: 'not-saved', focus: false });
      });
    setLocale(locale);
  };

  return (
    <div className="language-choice">
      <label htmlFor={id} className="language-choice__label">
        {t('app.language.label')}
      </label>
      <select
        id={id}
        ref={select}
        className="language-choice__select"
        value={getLocale()}
        onChange={(e) => choose(e.target.value as Locale)}
      >
        {locales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
      <span role="status" className="visually-hidden">
        {said}
      </span>
    </div>
  );
}
