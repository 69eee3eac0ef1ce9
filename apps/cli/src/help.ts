import type { CliContext } from './command';

/** Values for a help message's `{name}` arguments: typed things (option values, file shapes, table ids). */
export type HelpValues = Readonly<Record<string, string | number>>;

/** The help namespace's words in the user's language: `w('validate.about')` is `help.validate.about`. */
export interface HelpWords {
  (id: string, values?: HelpValues): string;
  /** Whether the catalogue has `help.<id>`. */
  has(id: string): boolean;
}

/**
 * The help words in the language of WAYMARK_LANG, LC_ALL or LANG. They come from `@waymark/i18n/help`, plain
 * strings without FormatJS, loaded only when help is printed, so `waymark --help` starts about as fast as Node
 * (decision 0041).
 */
export async function helpWords(env: CliContext['env']): Promise<HelpWords> {
  const { fillHelp, helpLocale, helpMessages } = await import('@waymark/i18n/help');
  const messages = await helpMessages(helpLocale(env));
  const has = (id: string) => Object.hasOwn(messages, `help.${id}`);
  return Object.assign(
    (id: string, values?: HelpValues) => (has(id) ? fillHelp(messages[`help.${id}`]!, values) : `{${id}}`),
    { has },
  );
}

/** A command's key in the help namespace: `import-figures` → `importFigures`. */
export const helpKey = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

const placeholder = /\{([\w.]+)\}/g;

/** Words into lines of at most `width` characters. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/**
 * A help text laid out from its template: the typed parts (usage lines, option names, examples) as written, each
 * `{id}` the catalogue's `help.<id>` in the user's language with `values` filled in. A line ending in words
 * wraps at `width`, continuing under the column where its first `{id}` began (an option's description stays in
 * its column); a `\n` in a message starts a new line there. A line with typed text after its words (a usage
 * line) is not wrapped. An id the catalogue lacks is left as `{id}`.
 */
export function layOutHelp(w: HelpWords, template: string, values?: HelpValues, width = 100): string {
  return template
    .split('\n')
    .map((line) => {
      const first = line.search(placeholder);
      if (first < 0) return line;
      // Typed text after the words (`{usage} waymark compare <current> …`) is not wrapped: it is said as it is.
      if (!/\{[\w.]+\}\s*$/.test(line)) return line.replace(placeholder, (_, id: string) => w(id, values));
      const prefix = line.slice(0, first);
      const indent = ' '.repeat(prefix.length);
      const text = line.slice(first).replace(placeholder, (_, id: string) => w(id, values));
      return text
        .split('\n')
        .flatMap((paragraph) => wrapWords(paragraph, Math.max(20, width - prefix.length)))
        .map((part, i) => `${i === 0 ? prefix : indent}${part}`.trimEnd())
        .join('\n');
    })
    .join('\n');
}

/** A command's help, laid out in the user's language (see layOutHelp). */
export async function helpText(ctx: CliContext, template: string, values?: HelpValues): Promise<string> {
  return layOutHelp(await helpWords(ctx.env), template, values);
}

/** The survey mapping file's shape, as `analyse --help` and `compare --help` show it: JSON as typed, not words. */
export const surveyMapShape =
  '{"respondent", "date", "consent", "questions": [{"column", "kind": "rating"|"ces"|"nps"|"text", "scale": "1-5"|"1-7"|"0-10", "stepId"}], "activities": {"log activity": "step id"}}';
