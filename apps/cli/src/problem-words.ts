import { formatPath } from '@waymark/core';
import type { LocatedProblem } from '@waymark/document';
import type { CliMessageId } from '@waymark/i18n/cli';
import type { CliContext } from './command';
import type { Words } from './emit-sql/words';

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The catalogue id of a problem code's words on the command line: `lane_not_found` → `commands.problem.laneNotFound`. */
export const problemWordsId = (code: string): CliMessageId =>
  `commands.problem.${camel(code)}` as CliMessageId;

/** `file:line:col path` (or less, when the line or path is not known): the place an editor jumps to. */
export function problemPlace(p: LocatedProblem, fileName: string): string {
  const at = p.line === undefined ? fileName : `${fileName}:${p.line}:${p.column ?? 1}`;
  return p.path.length > 0 ? `${at} ${formatPath(p.path)}` : at;
}

/**
 * One problem in the catalogue's words by its code and values, with nothing before them (not even a warning's
 * "warning:"). A code without words (or words whose values the problem does not carry) is said as the plain sentence
 * naming the code, never as the problem's English `message`.
 */
function problemMessage(w: Words, known: Readonly<Record<string, string>>, p: LocatedProblem): string {
  const id = problemWordsId(p.code);
  const english = known[id];
  return english === undefined || (p.values === undefined && english.includes('{'))
    ? w('commands.problem.unknown', { code: p.code })
    : w(id, { ...p.values });
}

/** One problem in the catalogue's words (problemMessage), "warning:" (in the language) before a warning's. */
export function problemWords(w: Words, known: Readonly<Record<string, string>>, p: LocatedProblem): string {
  const said = problemMessage(w, known, p);
  return p.severity === 'warning' ? w('commands.problem.warning', { words: said }) : said;
}

/**
 * Each problem as `file:line:col path: words`, in the language of WAYMARK_LANG, LC_ALL or LANG. The catalogue is
 * loaded only when there is a problem to say.
 */
export async function problemLines(
  ctx: CliContext,
  problems: readonly LocatedProblem[],
  fileName: string,
): Promise<string[]> {
  return problemsSaid(ctx, problems, (p) => problemPlace(p, fileName));
}

/** Each problem as `place: words`, its place named by `placeOf` (an option of the command, say). */
export async function problemsSaid(
  ctx: CliContext,
  problems: readonly LocatedProblem[],
  placeOf: (p: LocatedProblem) => string,
): Promise<string[]> {
  return sayEach(ctx, problems, (w, known, p) => `${placeOf(p)}: ${problemWords(w, known, p)}`);
}

/**
 * Each problem's words alone (problemMessage), for a report whose `severity` already says which are warnings
 * (`validate --json`): no place before them, and no "warning:".
 */
export async function problemMessages(
  ctx: CliContext,
  problems: readonly LocatedProblem[],
): Promise<string[]> {
  return sayEach(ctx, problems, problemMessage);
}

/** The catalogue is loaded only when there is a problem to say. */
async function sayEach(
  ctx: CliContext,
  problems: readonly LocatedProblem[],
  say: (w: Words, known: Readonly<Record<string, string>>, p: LocatedProblem) => string,
): Promise<string[]> {
  if (problems.length === 0) return [];
  const [{ cliWords }, { cliNamespaces }] = await Promise.all([
    import('./emit-sql/words'),
    import('@waymark/i18n/cli'),
  ]);
  const w = cliWords(ctx.env);
  const known = cliNamespaces.commands.en as Readonly<Record<string, string>>;
  return problems.map((p) => say(w, known, p));
}
