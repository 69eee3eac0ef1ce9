/**
 * Waymark's one message catalogue (decision 0017): every word a person reads in the web app, the poster and the
 * exports comes from `messages/<locale>/<namespace>.json`, written as ICU MessageFormat and formatted by FormatJS
 * (`@formatjs/intl`), which brings each language's plural rules and its numbers and dates from `Intl`.
 *
 * Ids are `<namespace>.<name>`; the English files type them (`MessageId`), so a misspelt id does not compile and
 * `catalogue.test.ts` fails if Welsh lacks an id English has, or the two disagree on a message's arguments.
 * The command line imports `@waymark/i18n/cli` (cli.ts): the same translator over only the namespaces it uses.
 */
import { namespaces, type MessageId } from './namespaces.ts';
import { flatMessages, translatorsOver, type Locale, type Translator } from './translator.ts';

export { namespaces, type MessageId } from './namespaces.ts';
export {
  datasetProblemMessageId,
  errorMessageId,
  problemMessageId,
  workshopRefusalMessageId,
} from './error-ids.ts';
export {
  defaultLocale,
  isLocale,
  localeNames,
  localeTags,
  locales,
  pickLocale,
  setMessageErrorHandler,
  type Locale,
  type MessageErrorHandler,
  type MessageValue,
  type MessageValues,
  type Translator,
} from './translator.ts';

/** All of one locale's messages, flat: id → ICU message. */
export function messagesFor(locale: Locale): Record<string, string> {
  return flatMessages(namespaces, locale);
}

const translatorFor = translatorsOver<MessageId>(messagesFor);

/** One locale's translator over the whole catalogue, made once. */
export function createTranslator(locale: Locale): Translator {
  return translatorFor(locale);
}
