import { createCliTranslator, type Locale } from '@waymark/i18n/cli';
import type { ReportWords } from '../report/words';

/** The catalogue's words for the reports, in one language (English unless told), for tests. */
export function reportWords(locale: Locale = 'en'): ReportWords {
  const t = createCliTranslator(locale);
  return (id, values) => t.t(id, values);
}
