import { cardSchemas, cardTranslatableFields } from '../journey/cards';
import { metaSchema, type Journey } from '../journey/schema';
import {
  contentLanguages,
  languagesOf,
  translatableFields,
  type ContentLanguage,
} from '../journey/translations';
import { err, ok } from '../result';
import { collectionSpecs } from './collections';
import { commandError, refuse, type CommandResult } from './command-error';
import { indexOfId, replaceAt } from './list';
import { mergePatch } from './patch';
import type { JourneyCommand } from './schema';

type Of<T extends JourneyCommand['type']> = Extract<JourneyCommand, { type: T }>;
type Target = Of<'translation.set'>['target'];
type Translations = Partial<Record<ContentLanguage, Record<string, string>>>;

const languageNames: Record<ContentLanguage, string> = { en: 'English', cy: 'Welsh' };

interface Located {
  readonly item: Record<string, unknown>;
  readonly schema: (typeof collectionSpecs)['column']['schema'];
  readonly fields: readonly string[];
  readonly put: (item: Record<string, unknown>) => Journey;
  readonly what: string;
}

function locate(j: Journey, target: Target): Located | string {
  if (target.kind === 'meta') {
    return {
      item: j.meta as Record<string, unknown>,
      schema: metaSchema,
      fields: Object.keys(translatableFields.meta),
      put: (item) => ({ ...j, meta: item as Journey['meta'] }),
      what: 'the journey',
    };
  }
  if (target.kind === 'card') {
    const index = indexOfId(j.cards, target.id);
    if (index < 0) return `no card with id "${target.id}" in cards`;
    const card = j.cards[index]!;
    return {
      item: card as Record<string, unknown>,
      schema: cardSchemas[card.kind],
      fields: cardTranslatableFields[card.kind],
      put: (item) => ({ ...j, cards: replaceAt(j.cards, index, item as (typeof j.cards)[number]) }),
      what: `a ${card.kind} card`,
    };
  }
  const spec = collectionSpecs[target.kind];
  const list = j[spec.key] as readonly { id: string }[];
  const index = indexOfId(list, target.id);
  if (index < 0) return `no ${spec.label} with id "${target.id}" in ${spec.key}`;
  return {
    item: list[index] as Record<string, unknown>,
    schema: spec.schema,
    fields: Object.keys(translatableFields[target.kind]),
    put: (item) => ({ ...j, [spec.key]: replaceAt(list, index, item as { id: string }) }) as Journey,
    what: `a ${spec.label}`,
  };
}

/** The item's translations with `field` in `language` set to `value` (or removed when undefined). */
function withTranslation(
  old: Translations | undefined,
  language: ContentLanguage,
  field: string,
  value: string | undefined,
): Translations | undefined {
  const next: Translations = {};
  for (const lang of contentLanguages) {
    const fields = { ...(old?.[lang] ?? {}) };
    if (lang === language) {
      if (value === undefined) delete fields[field];
      else fields[field] = value;
    }
    if (Object.keys(fields).length > 0) next[lang] = fields;
  }
  return Object.keys(next).length > 0 ? next : undefined;
}

function change(
  j: Journey,
  c: Of<'translation.set'> | Of<'translation.clear'>,
  value: string | undefined,
): CommandResult {
  const found = locate(j, c.target);
  if (typeof found === 'string') return refuse(`${c.target.kind}_not_found`, ['target', 'id'], found);
  if (!found.fields.includes(c.field)) {
    const list = found.fields.length > 0 ? found.fields.join(', ') : 'none';
    return refuse(
      'invalid_command',
      ['field'],
      `"${c.field}" of ${found.what} has no translation; the fields that do: ${list}`,
    );
  }
  const old = found.item.translations as Translations | undefined;
  const previous = old?.[c.language]?.[c.field];
  const next = withTranslation(old, c.language, c.field, value);
  const merged = next
    ? mergePatch(found.item, { translations: next }, undefined, found.schema)
    : mergePatch(found.item, {}, old ? ['translations'] : [], found.schema);
  if (!merged.ok) {
    return err(
      commandError(
        'invalid_patch',
        ['value'],
        `${languageNames[c.language]} ${c.field}: ${merged.error.message.replace(/^translations: /, '')}`,
      ),
    );
  }
  const target = c.target;
  return ok({
    journey: found.put(merged.value.item),
    inverse:
      previous === undefined
        ? { type: 'translation.clear', target, language: c.language, field: c.field }
        : { type: 'translation.set', target, language: c.language, field: c.field, value: previous },
  });
}

/**
 * Sets one field's translation into one of the journey's other languages. Refused when the language is not
 * one of `meta.languages` or is the primary (whose text is the field itself).
 */
export function setTranslation(j: Journey, c: Of<'translation.set'>): CommandResult {
  const languages = languagesOf(j.meta);
  if (languages[0] === c.language) {
    return refuse(
      'invalid_command',
      ['language'],
      `${languageNames[c.language]} is this journey's primary language: change the ${c.field} itself`,
    );
  }
  if (!languages.includes(c.language)) {
    return refuse(
      'invalid_command',
      ['language'],
      `this journey's content is not in ${languageNames[c.language]}; add "${c.language}" to meta.languages first`,
    );
  }
  return change(j, c, c.value);
}

/** Removes one field's translation (nothing to remove is not an error: the inverse is the same clear). */
export const clearTranslation = (j: Journey, c: Of<'translation.clear'>): CommandResult =>
  change(j, c, undefined);
