import { exitCodes, type CliContext } from './command';
import type { CliMessageId, MessageValues } from '@waymark/i18n/cli';

/**
 * Something to say from the catalogue: its id and values, turned into words (in the user's language) only when
 * it is printed, so the code that finds a problem does not load the catalogue.
 */
export interface Said {
  readonly id: CliMessageId;
  readonly values?: MessageValues;
}

/** What a command prints: words already said (a file's own problem, a server's answer) or the catalogue's. */
export type Saying = string | Said | readonly Said[];

// The catalogue is loaded only when a message is printed, so `waymark --help` and a command that succeeds
// quietly do not load it.
const wordsModule = () => import('./emit-sql/words');

/** The words for `said`, in the language of WAYMARK_LANG, LC_ALL or LANG. */
export async function sayWords(ctx: CliContext, said: Saying): Promise<string> {
  if (typeof said === 'string') return said;
  const { cliWords, saidLines } = await wordsModule();
  return saidLines(cliWords(ctx.env), 'id' in said ? [said as Said] : (said as readonly Said[]));
}

/** Prints `waymark <command>: <message>` and where to read the usage, in the catalogue's words. */
export async function usageError(ctx: CliContext, command: string, said: Saying): Promise<number> {
  const { cliWords } = await wordsModule();
  const message = await sayWords(ctx, said);
  ctx.stderr(`waymark ${command}: ${message}\n${cliWords(ctx.env)('cli.seeHelp', { command })}\n`);
  return exitCodes.usage;
}

/** A node:util parseArgs error as a usage error, in the catalogue's words by its code (see argsErrorWords). */
export async function argsError(ctx: CliContext, command: string, e: unknown): Promise<number> {
  const { argsErrorWords, cliWords } = await wordsModule();
  return usageError(ctx, command, argsErrorWords(cliWords(ctx.env), e, command));
}

/** Prints `waymark <command>: <message>` (a problem that is not the command line's). */
export async function commandError(ctx: CliContext, command: string, said: Saying): Promise<void> {
  ctx.stderr(`waymark ${command}: ${await sayWords(ctx, said)}\n`);
}

/** Prints a line of the catalogue's words on stderr (a note such as 'wrote <file>'). */
export async function note(ctx: CliContext, said: Saying): Promise<void> {
  ctx.stderr(`${await sayWords(ctx, said)}\n`);
}

/** node:util parseArgs messages name the option; they end with advice for programmers that users do not need. */
export const argsMessage = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e))
    .replace(/\. To specify a positional argument.*$/s, '')
    .replace(/\.$/, '');
