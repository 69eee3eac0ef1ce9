import { exitCodes, type CliContext } from './command';
import type { CliMessageId, MessageValues } from '@waymark/i18n/cli';

/** Prints `waymark <command>: <message>` and where to read the usage; returns the usage exit code. */
export function usageError(ctx: CliContext, command: string, message: string): number {
  ctx.stderr(`waymark ${command}: ${message}\nRun 'waymark ${command} --help' for usage.\n`);
  return exitCodes.usage;
}

/** node:util parseArgs messages name the option; they end with advice for programmers that users do not need. */
export const argsMessage = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e))
    .replace(/\. To specify a positional argument.*$/s, '')
    .replace(/\.$/, '');

/**
 * Something to say from the catalogue: its id and values, turned into words (in the user's language) only when
 * it is printed, so the code that finds a problem does not load the catalogue.
 */
export interface Said {
  readonly id: CliMessageId;
  readonly values?: MessageValues;
}
