import { contentLanguages, type ContentLanguage } from '@waymark/core';
import type { RenderOptions } from '@waymark/render';
import { z } from 'zod';

/**
 * Query fields every export route takes (decision 0023): `locale` for the renderer's own words (en or cy; else
 * the request's Accept-Language), `languages` for which of a bilingual journey's content languages to show, in
 * order: `cy`, `en`, `en,cy` or `cy,en` (else all the journey has).
 */
export const renderOptionsQuery = {
  locale: z.enum(['en', 'cy'], { message: 'expected en (English) or cy (Welsh)' }).optional(),
  languages: z
    .string()
    .regex(/^(en|cy)(,(en|cy))?$/, { message: 'expected languages as en, cy, en,cy or cy,en' })
    .refine((v) => new Set(v.split(',')).size === v.split(',').length, {
      message: 'expected each language once',
    })
    .optional(),
};

export function renderOptionsFrom(
  query: Readonly<Record<string, unknown>>,
  acceptLanguage: string | undefined,
): RenderOptions {
  const asked = query['locale'];
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  const locale = asked === 'en' || asked === 'cy' ? asked : /^cy\b/.test(first) ? 'cy' : 'en';
  const raw = typeof query['languages'] === 'string' ? query['languages'].split(',') : undefined;
  const languages = raw?.filter((l): l is ContentLanguage =>
    (contentLanguages as readonly string[]).includes(l),
  );
  return { locale, ...(languages && languages.length > 0 ? { contentLanguages: languages } : {}) };
}
