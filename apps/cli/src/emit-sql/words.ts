import {
  createCliTranslator,
  datasetProblemMessageId,
  pickLocale,
  type CliMessageId,
  type MessageValues,
} from '@waymark/i18n/cli';

/**
 * The words of `analyse` and `import-figures`, from the message catalogue, in the language of WAYMARK_LANG,
 * LC_ALL or LANG (cy_GB.UTF-8 gives Welsh; English otherwise). Only the catalogue's namespaces the CLI uses are
 * loaded (`@waymark/i18n/cli`), so printing a note does not load the web app's words.
 */
export function cliWords(env: Readonly<Record<string, string | undefined>>) {
  const wanted = (env.WAYMARK_LANG ?? env.LC_ALL ?? env.LANG ?? '').replace(/[_.@].*$/, '');
  const t = createCliTranslator(pickLocale(wanted));
  return (id: CliMessageId, values?: MessageValues): string => t.t(id, values);
}

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
