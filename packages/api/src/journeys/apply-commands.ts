import { err, formatPath, ok, type Journey, type JourneyCommand, type Result } from '@waymark/core';
import type { ApplyCommand } from '../deps';

export interface RefusedCommand {
  readonly index: number;
  readonly code: string;
  readonly message: string;
  /** `commands[2].item.columnId`: which command, and where in it. */
  readonly path: string;
}

/** Applies commands in order, all or none: the first refusal stops it and names the command. */
export function applyCommands(
  apply: ApplyCommand,
  journey: Journey,
  commands: readonly JourneyCommand[],
): Result<Journey, RefusedCommand> {
  let current = journey;
  for (const [index, command] of commands.entries()) {
    const applied = apply(current, command);
    if (!applied.ok) {
      const { code, message, path } = applied.error;
      return err({ index, code, message, path: formatPath(['commands', index, ...path]) });
    }
    current = applied.value.journey;
  }
  return ok(current);
}
