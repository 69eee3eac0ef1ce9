import { createTranslator, type Translator } from '@waymark/i18n';

/**
 * The words measure's reports and labels are written in (decision 0017): a translator from the one catalogue
 * (namespace `measure`). Every function that writes words for people takes one, English unless told.
 */
export type Words = Translator;
export const englishWords: Words = createTranslator('en');
