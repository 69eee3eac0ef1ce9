import * as core from '@waymark/core';
import type { ApplyCommand } from '../deps';

/**
 * The reducer of @waymark/core. Until `applyCommand` is exported there, only `meta.update` is applied
 * (enough to run the API end to end) and every other command is refused with `command_not_available`.
 */
export const coreApplyCommand: ApplyCommand =
  (core as unknown as { applyCommand?: ApplyCommand }).applyCommand ??
  ((journey, command) => {
    if (command.type !== 'meta.update') {
      return core.err({
        code: 'command_not_available',
        message: `the command ${command.type} is not available yet`,
        path: ['type'],
      });
    }
    const meta: Record<string, unknown> = { ...journey.meta, ...command.patch };
    for (const key of command.unset ?? []) delete meta[key];
    const next = { ...journey, meta: meta as typeof journey.meta };
    const inverse = { type: 'meta.update' as const, patch: journey.meta };
    return core.ok({ journey: next, inverse });
  });
