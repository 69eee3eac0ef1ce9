import { createTranslator, localeTags, type Translator } from '@waymark/i18n';

/**
 * The words measure's reports and labels are written in (decision 0017): a translator from the one catalogue
 * (namespace `measure`). Every function that writes words for people takes one, English unless told.
 */
export type Words = Translator;

let english: Translator | undefined;
/** The English translator over the whole catalogue, made the first time a word is asked for, not on import. */
const built = (): Translator => (english ??= createTranslator('en'));

/**
 * The English words, made on first use: importing @waymark/measure (a `waymark analyse --survey … --format json`
 * run, say, whose output has no words) does not build a translator over the whole catalogue.
 */
export const englishWords: Words = {
  locale: 'en',
  tag: localeTags.en,
  get intl() {
    return built().intl;
  },
  t: (id, values) => built().t(id, values),
  rich: (id, values) => built().rich(id, values),
  number: (value, options) => built().number(value, options),
  money: (pounds, digits) => built().money(pounds, digits),
  percent: (fraction, digits) => built().percent(fraction, digits),
  date: (value, options) => built().date(value, options),
  dateTime: (value) => built().dateTime(value),
  list: (items, type) => built().list(items, type),
};
