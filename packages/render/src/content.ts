import { languagesOf, textIn, type ContentLanguage, type Journey } from '@waymark/core';
import { createTranslator, localeTags, type Locale, type Translator } from '@waymark/i18n';
import type { PosterHierarchy } from './hierarchy';

/**
 * What every renderer may be asked (decision 0023): `locale` is the language of the renderer's own words (the
 * key, headings, "Owner:"); `contentLanguages` which of a bilingual journey's languages to show, in that order:
 * `['cy']` shows the Welsh text alone (the primary where a Welsh translation is missing), `['en', 'cy']` both,
 * side by side. Without it, a bilingual journey shows all its languages and any other journey its own text.
 */
export interface RenderOptions {
  readonly locale?: Locale | undefined;
  readonly contentLanguages?: readonly ContentLanguage[] | undefined;
  /** The poster's hierarchy: the journey each step opens and the outline above it (issue 14); others ignore it. */
  readonly hierarchy?: PosterHierarchy | undefined;
  /** Each surveyed step's emotion interval (issue 13 item 3), drawn as a band behind the curve; others ignore it. */
  readonly surveyBands?: readonly SurveyBand[] | undefined;
}

/** A step's survey emotion: the 95 % interval of its answers mapped to −100…+100, from n answers. */
export interface SurveyBand {
  readonly stepId: string;
  readonly low: number;
  readonly high: number;
  readonly n: number;
}

/** One piece of content in one language. */
export interface LangText {
  readonly lang: ContentLanguage;
  readonly text: string;
}

/** The content languages and words a render uses. */
export interface Content {
  readonly tr: Translator;
  /** The BCP 47 tag of the renderer's words, for the root `xml:lang`/`lang`. */
  readonly tag: string;
  readonly primary: ContentLanguage;
  /** The languages shown, in order; never empty. */
  readonly languages: readonly ContentLanguage[];
  /** The item's field in each shown language (a missing translation falls back to the primary, shown once). */
  readonly texts: (item: object, field: string) => LangText[];
  /** The same joined with " / " for places that take one string (names, titles in a sentence). */
  readonly joined: (item: object, field: string) => string;
  /** `lang` for a text in `language`: undefined when it is the language of the page already. */
  readonly langOf: (language: ContentLanguage) => string | undefined;
}

export const bcp47 = (language: ContentLanguage): string => localeTags[language];

export function contentFor(journey: Journey, options: RenderOptions = {}): Content {
  const locale: Locale = options.locale ?? 'en';
  const tr = createTranslator(locale);
  const own = languagesOf(journey.meta);
  const primary = own[0]!;
  const asked = (options.contentLanguages ?? own).filter((l) => own.includes(l) || l === primary);
  const languages: ContentLanguage[] = asked.length > 0 ? [...new Set(asked)] : [primary];
  const texts = (item: object, field: string): LangText[] => {
    const out: LangText[] = [];
    for (const lang of languages) {
      const text = textIn(item, field, lang, primary);
      if (text !== undefined) out.push({ lang, text });
    }
    if (out.length === 0) {
      const text = textIn(item, field, primary, primary);
      if (text !== undefined) out.push({ lang: primary, text });
    }
    return out.filter((t, i) => out.findIndex((o) => o.text === t.text) === i);
  };
  return {
    tr,
    tag: tr.tag,
    primary,
    languages,
    texts,
    joined: (item, field) =>
      texts(item, field)
        .map((t) => t.text)
        .join(' / '),
    langOf: (language) => (language === locale ? undefined : bcp47(language)),
  };
}
