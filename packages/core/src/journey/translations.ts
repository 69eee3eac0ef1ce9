import { z } from 'zod';

/**
 * Bilingual content (issue 11, decision 0023). A journey may declare the languages its content is written in
 * (`meta.languages`, the first is the primary): the ordinary fields (`title`, `label`, `text`…) hold the primary
 * language and `translations.<language>.<field>` holds each other language. A journey without `languages` is in
 * one language and no view shows a translation.
 */
export const contentLanguages = ['en', 'cy'] as const;
export type ContentLanguage = (typeof contentLanguages)[number];
export const DEFAULT_CONTENT_LANGUAGE: ContentLanguage = 'en';

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'expected some text' })
    .max(max, { message: `expected at most ${max} characters` });

/**
 * `translations` for an item whose translatable fields are `fields` (name → longest length): an object per
 * language, each holding some of those fields. An empty language object is not stored (clearing its last field
 * removes it), so "no translation" has one spelling.
 */
export function translationsSchema<F extends Record<string, number>>(fields: F) {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, max]) => [k, text(max).optional()])) as {
    [K in keyof F]: z.ZodOptional<z.ZodString>;
  };
  const one = z.strictObject(shape).refine((o) => Object.keys(o).length > 0, {
    message: 'expected at least one translated field',
    params: { rule: 'noTranslatedField' },
  });
  return z
    .strictObject({ en: one.optional(), cy: one.optional() })
    .refine((o) => Object.keys(o).length > 0, {
      message: 'expected a translation in at least one language',
      params: { rule: 'noTranslation' },
    })
    .optional();
}

/** Which fields carry a translation, per kind of item (the same limits as the fields themselves). */
export const translatableFields = {
  meta: { title: 200 },
  stage: { name: 200, description: 4000 },
  column: { label: 200, description: 4000 },
  lane: { label: 200, description: 4000 },
  card: { text: 4000, description: 4000, why: 4000 },
} as const satisfies Record<string, Record<string, number>>;
export type TranslatableTarget = keyof typeof translatableFields;

/** `meta.languages`: one or two distinct content languages, the primary first. */
export const languagesSchema = z
  .array(z.enum(contentLanguages, { message: 'expected a language code: en (English) or cy (Welsh)' }))
  .min(1, { message: 'expected at least one language' })
  .max(contentLanguages.length)
  .refine((list) => new Set(list).size === list.length, {
    message: 'expected each language once',
    params: { rule: 'languageTwice' },
  })
  .optional();

/** The languages a journey's content is in, the primary first (one language when it declares none). */
export function languagesOf(meta: {
  readonly languages?: readonly ContentLanguage[] | undefined;
}): ContentLanguage[] {
  return meta.languages && meta.languages.length > 0 ? [...meta.languages] : [DEFAULT_CONTENT_LANGUAGE];
}

export const isBilingual = (meta: { readonly languages?: readonly ContentLanguage[] | undefined }): boolean =>
  languagesOf(meta).length > 1;

type Translated = {
  readonly translations?: Partial<Record<ContentLanguage, Record<string, string | undefined>>>;
};

/**
 * An item's `field` in `language`: the field itself when `language` is the journey's primary, else its
 * translation (undefined when there is none; a view then says the text is not translated or falls back).
 */
export function textIn<T extends object>(
  item: T,
  field: string,
  language: ContentLanguage,
  primary: ContentLanguage,
): string | undefined {
  if (language === primary) {
    const value = (item as Record<string, unknown>)[field];
    return typeof value === 'string' ? value : undefined;
  }
  return (item as Translated).translations?.[language]?.[field];
}
