import {
  contentLanguages,
  isBilingual,
  languagesOf,
  textIn,
  type ContentLanguage,
  type Journey,
  type JourneyCommand,
} from '@waymark/core';
import { localeTags } from '@waymark/i18n';
import { Fragment, useId, useSyncExternalStore } from 'react';
import { getLocale, localeNames, t } from '../i18n';
import { CommitField } from './commit-field';
import { useEditorContext } from './editor-context';

/**
 * Bilingual maps in the editor (decision 0023): which of a bilingual map's languages this browser shows (both,
 * side by side, or one at a time), a card's or step's text in each, and the fields that write a translation.
 */
export type ContentView = 'both' | ContentLanguage;
const viewKey = 'waymark.contentView';
const isView = (v: unknown): v is ContentView => v === 'both' || v === 'en' || v === 'cy';

let view: ContentView = (() => {
  try {
    const saved = globalThis.localStorage?.getItem(viewKey);
    return isView(saved) ? saved : 'both';
  } catch {
    return 'both';
  }
})();
const listeners = new Set<() => void>();
export function setContentView(next: ContentView): void {
  view = next;
  try {
    globalThis.localStorage?.setItem(viewKey, next);
  } catch {
    // Not remembered: the choice still holds for this page.
  }
  for (const l of listeners) l();
}
export const useContentView = (): ContentView =>
  useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => view,
    () => view,
  );

/** The languages to show for `journey` in `chosen` view: its own, or the one chosen (when it has it). */
export function shownLanguages(journey: Journey, chosen: ContentView): ContentLanguage[] {
  const own = languagesOf(journey.meta);
  if (own.length < 2 || chosen === 'both') return own;
  return own.includes(chosen) ? [chosen] : own;
}

/** `lang` for text in `language`: undefined when it is the page's language. */
export const langAttr = (language: ContentLanguage): string | undefined =>
  language === getLocale() ? undefined : localeTags[language];

/**
 * An item's `field` as the map shows it: the text alone for a map in one language; for a bilingual map each
 * shown language's text (the second marked with its `lang`), or the primary text marked as such where a
 * translation is missing in a one-language view.
 */
export function ContentText({
  journey,
  item,
  field,
  wrap,
}: {
  journey: Journey;
  item: object;
  field: string;
  wrap?: (text: string) => string;
}) {
  const chosen = useContentView();
  const put = wrap ?? ((x: string) => x);
  const own = languagesOf(journey.meta);
  const primary = own[0]!;
  if (own.length < 2) return <>{put(textIn(item, field, primary, primary) ?? '')}</>;
  const shown = shownLanguages(journey, chosen);
  const texts = shown
    .map((lang) => ({ lang, text: textIn(item, field, lang, primary) }))
    .filter((x): x is { lang: ContentLanguage; text: string } => x.text !== undefined);
  if (texts.length === 0) {
    const text = textIn(item, field, primary, primary);
    if (text === undefined) return null;
    texts.push({ lang: primary, text });
  }
  return (
    <>
      {texts.map((x, i) => (
        <Fragment key={x.lang}>
          {i > 0 ? ' ' : null}
          <span
            lang={langAttr(x.lang)}
            className={i > 0 ? 'bilingual__second' : undefined}
            style={i > 0 ? { display: 'block', fontStyle: 'italic' } : undefined}
          >
            {put(x.text)}
          </span>
        </Fragment>
      ))}
    </>
  );
}

/** The map's language view: English, Cymraeg or both — shown above a bilingual map only. */
export function BilingualViewSwitch({ journey }: { journey: Journey }) {
  const id = useId();
  const chosen = useContentView();
  if (!isBilingual(journey.meta)) return null;
  return (
    <div className="map-view__options">
      <label htmlFor={`${id}-view`} className="map-view__label">
        {t('cards.bilingual.viewLabel')}
      </label>
      <select
        id={`${id}-view`}
        value={chosen}
        onChange={(e) => {
          if (isView(e.target.value)) setContentView(e.target.value);
        }}
      >
        <option value="both">{t('cards.bilingual.viewBoth')}</option>
        {languagesOf(journey.meta).map((l) => (
          <option key={l} value={l} lang={langAttr(l)}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** In the journey's details: make the map bilingual (English and Welsh) and choose which comes first. */
export function BilingualSettings() {
  const { journey, execute, canEdit } = useEditorContext();
  const id = useId();
  const own = languagesOf(journey.meta);
  const bilingual = own.length > 1;
  const setLanguages = (languages: ContentLanguage[] | undefined) =>
    execute(
      (languages === undefined
        ? { type: 'meta.update', patch: {}, unset: ['languages'] }
        : { type: 'meta.update', patch: { languages } }) as JourneyCommand,
    );
  return (
    <fieldset className="bilingual-settings">
      <legend>{t('cards.bilingual.settingsLegend')}</legend>
      <div className="checkbox">
        <input
          type="checkbox"
          id={`${id}-on`}
          checked={bilingual}
          disabled={!canEdit}
          onChange={(e) =>
            void setLanguages(
              e.target.checked ? [own[0]!, ...contentLanguages.filter((l) => l !== own[0])] : own.slice(0, 1),
            )
          }
        />
        <label htmlFor={`${id}-on`}>{t('cards.bilingual.makeBilingual')}</label>
      </div>
      <p className="hint">{t('cards.bilingual.makeBilingualHint')}</p>
      {bilingual ? (
        <div className="field">
          <label htmlFor={`${id}-primary`}>{t('cards.bilingual.primary')}</label>
          <p className="hint" id={`${id}-primary-hint`}>
            {t('cards.bilingual.primaryHint')}
          </p>
          <select
            id={`${id}-primary`}
            aria-describedby={`${id}-primary-hint`}
            value={own[0]}
            disabled={!canEdit}
            onChange={(e) => {
              const first = e.target.value as ContentLanguage;
              void setLanguages([first, ...own.filter((l) => l !== first)]);
            }}
          >
            {own.map((l) => (
              <option key={l} value={l} lang={langAttr(l)}>
                {localeNames[l]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <TranslationFields
        item={journey.meta}
        target={{ kind: 'meta' }}
        field="title"
        label={t('cards.bilingual.titleLabel')}
        readOnly={!canEdit}
      />
    </fieldset>
  );
}

export type TranslationTarget =
  { readonly kind: 'meta' } | { readonly kind: 'stage' | 'column' | 'lane' | 'card'; readonly id: string };

/** The translations a bilingual map asks for beside a field: one per language besides the primary. */
export function TranslationFields({
  item,
  target,
  field,
  label,
  multiline,
  readOnly,
}: {
  item: object;
  target: TranslationTarget;
  field: string;
  label: string;
  multiline?: boolean;
  readOnly?: boolean;
}) {
  const { journey, execute } = useEditorContext();
  const own = languagesOf(journey.meta);
  if (own.length < 2) return null;
  const primary = own[0]!;
  return (
    <>
      {own.slice(1).map((language) => {
        const what = t('cards.bilingual.fieldIn', { field: label, language: localeNames[language] });
        return (
          <CommitField
            key={`${language}-${field}`}
            label={what}
            lang={localeTags[language]}
            multiline={multiline}
            readOnly={readOnly}
            value={textIn(item, field, language, primary) ?? ''}
            onCommit={(v) => {
              const text = v.trim();
              const command = (
                text === ''
                  ? { type: 'translation.clear', target, language, field }
                  : { type: 'translation.set', target, language, field, value: text }
              ) as JourneyCommand;
              return execute(command) ? null : t('cards.bilingual.refused', { field: what });
            }}
          />
        );
      })}
    </>
  );
}

/** `lang` for the primary-language field of a bilingual map (undefined otherwise). */
export function primaryLang(journey: Journey): string | undefined {
  const own = languagesOf(journey.meta);
  return own.length > 1 ? localeTags[own[0]!] : undefined;
}
