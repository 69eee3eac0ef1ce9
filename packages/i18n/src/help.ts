/**
 * `@waymark/i18n/help`: the `help` namespace of the catalogue (the command line's `--help` texts) as plain strings,
 * without FormatJS. `waymark --help` has to start about as fast as Node itself (decision 0041), and creating a
 * FormatJS translator costs more than the rest of the start-up; so the help messages are plain text with simple
 * `{name}` arguments only (no plurals, no selects, no tags), filled by `fillHelp`. Only the language asked for
 * is loaded: each is its own small module in the bundle. `help.test.ts` checks that every help message is such
 * plain text, so `fillHelp` says it exactly as FormatJS would.
 */
export type HelpLocale = 'en' | 'cy';

export type HelpMessages = Readonly<Record<string, string>>;

/**
 * The language of WAYMARK_LANG, LC_ALL or LANG (cy, cy_GB.UTF-8 or cy-GB give Welsh; English otherwise), for all the
 * CLI's words (apps/cli/src/emit-sql/words.ts's `cliLocale` is this), without loading the translator.
 */
export function helpLocale(env: Readonly<Record<string, string | undefined>>): HelpLocale {
  const wanted = (env.WAYMARK_LANG ?? env.LC_ALL ?? env.LANG ?? '').replace(/[_.@].*$/, '');
  return wanted.split('-')[0]?.trim().toLowerCase() === 'cy' ? 'cy' : 'en';
}

/** One language's help messages, id → text, loaded on first use. */
export async function helpMessages(locale: HelpLocale): Promise<HelpMessages> {
  const module =
    locale === 'cy'
      ? await import('../messages/cy/help.json', { with: { type: 'json' } })
      : await import('../messages/en/help.json', { with: { type: 'json' } });
  return module.default as HelpMessages;
}

/** A help message with its `{name}` arguments filled in; an argument without a value is left as written. */
export const fillHelp = (message: string, values: Readonly<Record<string, string | number>> = {}): string =>
  message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );

/**
 * The few messages outside the help namespace that a command prints on its fast path, also said without FormatJS:
 * `waymark analyse --out FILE` ends with "wrote FILE", and loading the translator for that line alone cost about
 * 50 ms of a whole run (issue 15). `help.test.ts` checks that each is plain text, said exactly as FormatJS says it.
 */
export const plainMessageIds = ['eventlog.analyse.wrote'] as const;
export type PlainMessageId = (typeof plainMessageIds)[number];

/** One of `plainMessageIds` in `locale`, with its `{name}` arguments filled in. */
export async function plainMessage(
  locale: HelpLocale,
  id: PlainMessageId,
  values: Readonly<Record<string, string | number>> = {},
): Promise<string> {
  const module =
    locale === 'cy'
      ? await import('../messages/cy/eventlog.json', { with: { type: 'json' } })
      : await import('../messages/en/eventlog.json', { with: { type: 'json' } });
  return fillHelp((module.default as HelpMessages)[id] as string, values);
}
