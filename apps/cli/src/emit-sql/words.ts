import {
  createCliTranslator,
  datasetProblemMessageId,
  type CliMessageId,
  type Locale,
  type MessageValues,
} from '@waymark/i18n/cli';
import type { ImportErrorCode, ImportErrorValues } from '@waymark/analytics/log';
import { helpLocale } from '@waymark/i18n/help';
import { argsMessage, type Said } from '../usage-error';

/**
 * The words of `analyse` and `import-figures`, from the message catalogue, in the language of WAYMARK_LANG,
 * LC_ALL or LANG (cy_GB.UTF-8 gives Welsh; English otherwise). Only the catalogue's namespaces the CLI uses are
 * loaded (`@waymark/i18n/cli`), so printing a note does not load the web app's words.
 */
export function cliWords(env: Readonly<Record<string, string | undefined>>) {
  return wordsIn(cliLocale(env));
}

/** The same words in a language already chosen (a report's, read with the command's environment). */
export function wordsIn(locale: Locale) {
  const t = createCliTranslator(locale);
  return (id: CliMessageId, values?: MessageValues): string => t.t(id, values);
}

/** The language of WAYMARK_LANG, LC_ALL or LANG: `cy_GB.UTF-8` is Welsh; English otherwise. */
export const cliLocale = (env: Readonly<Record<string, string | undefined>>): Locale => helpLocale(env);

export type Words = ReturnType<typeof cliWords>;

/**
 * Why a row was rejected, by its code and values in the words the web app's import pages use
 * (`datasets.rejection.<code>`); the importer's English `reason` only for a code the catalogue has no words for.
 */
export function rejectionWords(
  w: Words,
  r: {
    readonly code?: string;
    readonly values?: Readonly<Record<string, string | number>>;
    readonly reason: string;
  },
): string {
  const id = datasetProblemMessageId('rejection', r.code);
  return id ? w(id as CliMessageId, { ...r.values }) : r.reason;
}

/** A report's warnings: the importer's English, and the same by code where the report has them. */
export interface ReportWarnings {
  readonly warnings: readonly string[];
  readonly warningCodes?: readonly {
    readonly code: string;
    readonly values?: Readonly<Record<string, string | number>>;
  }[];
}

/**
 * An import's warnings, each by its code and values in the words the web app's dataset page uses
 * (`datasets.warning.<code>`), except that a guessed date order points to `--date-format` rather than the web's
 * import form; a warning without a code the catalogue knows (or a report whose codes do not line up with its
 * English) in the importer's English.
 */
export function warningWords(w: Words, log: ReportWarnings): string[] {
  const codes = log.warningCodes?.length === log.warnings.length ? log.warningCodes : undefined;
  return log.warnings.map((english, i) => {
    const warning = codes?.[i];
    const id =
      warning?.code === 'date_order_guessed'
        ? 'datasets.warning.dateOrderGuessedCommandLine'
        : datasetProblemMessageId('warning', warning?.code);
    return id && warning ? w(id as CliMessageId, { ...warning.values }) : english;
  });
}

/** The catalogue's words for each import error code, as `waymark analyse` prints them. */
const importErrorIds: Record<ImportErrorCode, CliMessageId> = {
  missing_column: 'eventlog.analyse.importError.missingColumn',
  unclosed_quote: 'eventlog.analyse.importError.unclosedQuote',
  record_too_long: 'eventlog.analyse.importError.recordTooLong',
  empty_file: 'eventlog.analyse.importError.emptyFile',
  corrupt_gzip: 'eventlog.analyse.importError.corruptGzip',
  xml_refused: 'eventlog.analyse.importError.xmlRefused',
  xml_malformed: 'eventlog.analyse.importError.xmlMalformed',
  parquet_invalid: 'eventlog.analyse.importError.parquetInvalid',
  unknown_zone: 'eventlog.analyse.importError.unknownZone',
  not_utf8: 'eventlog.analyse.importError.notUtf8',
  not_text: 'eventlog.analyse.importError.notText',
  utf16_without_bom: 'eventlog.analyse.importError.utf16WithoutBom',
  invalid_utf16: 'eventlog.analyse.importError.invalidUtf16',
  unsafe_character: 'eventlog.analyse.importError.unsafeCharacter',
  too_many_columns: 'eventlog.analyse.importError.tooManyColumns',
  header_too_long: 'eventlog.analyse.importError.headerTooLong',
  one_column: 'eventlog.analyse.importError.oneColumn',
  duplicate_column: 'eventlog.analyse.importError.duplicateColumn',
  too_large: 'eventlog.analyse.importError.tooLarge',
  too_many_events: 'eventlog.analyse.importError.tooManyEvents',
  too_many_values: 'eventlog.analyse.importError.tooManyValues',
  stream_out_of_order: 'eventlog.analyse.importError.streamOutOfOrder',
  io: 'eventlog.analyse.importError.io',
};

/**
 * An import error with its file named as the user typed it: the engine names the path it resolved (`resolved`),
 * which a person did not write.
 */
export function namedAsGiven(
  e: SaidImportError,
  resolved: string,
  given: string | undefined,
): SaidImportError {
  if (given === undefined || e.values?.file !== resolved) return e;
  return { code: e.code, message: e.message, values: { ...e.values, file: given } };
}

/** What `importErrorWords` reads of an import error. */
export interface SaidImportError {
  readonly code: string;
  readonly values?: ImportErrorValues;
  readonly message: string;
}

/**
 * Why a log could not be imported, by the error's code and values in the catalogue's words for the command line
 * (`eventlog.analyse.importError.<code>`); the importer's English `message` only for an error that has no code
 * the catalogue knows, or no values to say it with.
 */
export function importErrorWords(w: Words, e: SaidImportError): string {
  const id = Object.hasOwn(importErrorIds, e.code) ? importErrorIds[e.code as ImportErrorCode] : undefined;
  if (id === undefined || e.values === undefined) return e.message;
  return w(id, { ...e.values });
}

/**
 * What the catalogue says, one line each: the first as it is, the rest indented under it (a file's second and
 * later problems).
 */
export const saidLines = (w: Words, said: readonly Said[]): string =>
  said.map((s) => w(s.id, s.values)).join('\n  ');

/** The option or argument a node:util parseArgs error names, as the user typed it ('--out', not '--out <value>'). */
function namedInArgsError(message: string): string | undefined {
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (quoted === undefined) return undefined;
  return /--[^\s,]+/.exec(quoted.replace(/ <value>$/, ''))?.[0] ?? quoted.replace(/ <value>$/, '');
}

/**
 * A node:util parseArgs error in the catalogue's words, by its code (an unknown option, an option missing its
 * value or given one it does not take, an argument not expected), naming the option; node's English, without its
 * advice for programmers, only for a code the catalogue has no words for.
 */
export function argsErrorWords(w: Words, e: unknown, command: string): string {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  const named = namedInArgsError(message);
  if (named !== undefined) {
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return w('cli.args.unknownOption', { option: named });
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      return w(
        /does not take an argument/.test(message) ? 'cli.args.takesNoValue' : 'cli.args.missingValue',
        {
          option: named,
        },
      );
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      return w('cli.args.unexpectedArgument', { argument: named, command });
  }
  return argsMessage(e);
}
