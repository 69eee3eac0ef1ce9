import { createTranslator, pickLocale, type MessageId, type MessageValues } from '@waymark/i18n';

/**
 * The words of `analyse --emit-sql` and `import-figures`, from the catalogue's emitSql namespace, in the language
 * of WAYMARK_LANG or LANG (cy_GB.UTF-8 gives Welsh; English otherwise).
 */
export function cliWords(env: Readonly<Record<string, string | undefined>>) {
  const wanted = (env.WAYMARK_LANG ?? env.LC_ALL ?? env.LANG ?? '').replace(/[_.@].*$/, '');
  const t = createTranslator(pickLocale(wanted));
  return (id: MessageId, values?: MessageValues): string => t.t(id, values);
}

export type Words = ReturnType<typeof cliWords>;
