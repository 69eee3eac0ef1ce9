import type { CardOf } from './cards';
import type { Column } from './schema';

const plainWords = (s: string) =>
  s
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Whether a card of the "Key journey steps" lane only repeats its step's name (the Melton seed names each step
 * twice: in the header and again in that lane). The same words, or the name cut short ("Investigation takes"
 * for "Investigation takes place"), repeat it; anything that adds words of its own does not.
 */
export function repeatsStepName(cardText: string, stepLabel: string): boolean {
  const card = plainWords(cardText);
  const step = plainWords(stepLabel);
  if (card === '' || step === '') return false;
  return card === step || (step.startsWith(`${card} `) && card.split(' ').length >= 2);
}

/**
 * Whether a "Key journey steps" card adds nothing to its step's header: its words (in every language it has)
 * repeat the step's name, and it has no description and no flags. The poster leaves such a card out rather
 * than print the header twice (issue 11, item 8).
 */
export function stepCardAddsNothing(card: CardOf<'step'>, column: Column): boolean {
  if (card.description !== undefined || (card.flags?.length ?? 0) > 0) return false;
  if (!repeatsStepName(card.text, column.label)) return false;
  return Object.entries(card.translations ?? {}).every(([language, fields]) => {
    if (!fields || fields.description !== undefined) return fields === undefined;
    const label = column.translations?.[language as 'en' | 'cy']?.label;
    return fields.text === undefined || (label !== undefined && repeatsStepName(fields.text, label));
  });
}
