/**
 * `@waymark/i18n/cli`: the catalogue's words for the command line, from the same files as the main entry but only
 * the namespaces the CLI says things from (`eventlog.*`, `emitSql.*`, `datasets.*`, `cli.*`, `commands.*`), in English and
 * Welsh. The main entry reaches every namespace, so the bundle would load all of them (about half a megabyte)
 * the first time `waymark analyse` prints a note (decision 0042). `CliMessageId` types the ids: a CLI message
 * from another namespace does not compile until its namespace is added here.
 */
import enDatasets from '../messages/en/datasets.json' with { type: 'json' };
import enEventlog from '../messages/en/eventlog.json' with { type: 'json' };
import enEmitSql from '../messages/en/emitSql.json' with { type: 'json' };
import enCli from '../messages/en/cli.json' with { type: 'json' };
import enCommands from '../messages/en/commands.json' with { type: 'json' };
import cyDatasets from '../messages/cy/datasets.json' with { type: 'json' };
import cyEventlog from '../messages/cy/eventlog.json' with { type: 'json' };
import cyEmitSql from '../messages/cy/emitSql.json' with { type: 'json' };
import cyCli from '../messages/cy/cli.json' with { type: 'json' };
import cyCommands from '../messages/cy/commands.json' with { type: 'json' };
import { flatMessages, translatorsOver, type Locale, type Translator } from './translator.ts';

export { pickLocale, type Locale, type MessageValues } from './translator.ts';
export { datasetProblemMessageId } from './error-ids.ts';

/** The namespaces the command line uses, as the main entry's `namespaces` has them. */
export const cliNamespaces = {
  datasets: { en: enDatasets, cy: cyDatasets },
  eventlog: { en: enEventlog, cy: cyEventlog },
  emitSql: { en: enEmitSql, cy: cyEmitSql },
  cli: { en: enCli, cy: cyCli },
  commands: { en: enCommands, cy: cyCommands },
} as const;

/** Every id of those namespaces, typed from the English files. */
export type CliMessageId =
  | keyof typeof enDatasets
  | keyof typeof enEventlog
  | keyof typeof enEmitSql
  | keyof typeof enCli
  | keyof typeof enCommands;

export type CliTranslator = Translator<CliMessageId>;

const translatorFor = translatorsOver<CliMessageId>((locale) => flatMessages(cliNamespaces, locale));

/** One locale's translator over the command line's namespaces, made once. */
export function createCliTranslator(locale: Locale): CliTranslator {
  return translatorFor(locale);
}
