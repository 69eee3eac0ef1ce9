import type { DocPath } from '../problem';
import { err, type Result } from '../result';
import type { Journey } from '../journey/schema';
import type { JourneyCommand } from './schema';

/** Why a command was refused: a stable lower_snake code, a sentence for people, and where in the command. */
export interface CommandError {
  readonly code: string;
  readonly message: string;
  /** A path into the command, e.g. `['item', 'columnId']` or `['commands', 2, 'patch', 'score']`. */
  readonly path: DocPath;
}

/** A command that was applied: the new journey and the command that takes it back. */
export interface Applied {
  readonly journey: Journey;
  readonly inverse: JourneyCommand;
}

export type CommandResult = Result<Applied, CommandError>;

export const commandError = (code: string, path: DocPath, message: string): CommandError => ({
  code,
  path,
  message,
});

export const refuse = (code: string, path: DocPath, message: string): Result<never, CommandError> =>
  err(commandError(code, path, message));
