import type { JourneyCommand } from '@waymark/core';
import { z } from 'zod';
import { changed, defineActivity, notFacilitator, type WorkshopState } from './workshop-base';

/**
 * Lock the structure: while locked, commands that change steps (columns), stages or lanes are refused for
 * everyone but the facilitator — on the server, in `commitCommands` (live and REST alike). Cards, comments
 * and everything else can still be changed.
 */
export const lockActivity = defineActivity(
  [z.strictObject({ type: z.literal('lock.set'), locked: z.boolean() })],
  (state, action, actor) =>
    notFacilitator(state, actor) ?? changed({ ...state, structureLocked: action.locked }),
);

const structureNouns = new Set(['column', 'stage', 'lane']);

/** The index of the first command (a batch counts as its own index) that changes steps, stages or lanes. */
export function firstStructureCommand(commands: readonly JourneyCommand[]): number {
  const touches = (c: JourneyCommand): boolean =>
    c.type === 'batch' ? c.commands.some(touches) : structureNouns.has(c.type.split('.')[0]!);
  return commands.findIndex(touches);
}

export const STRUCTURE_LOCKED_MESSAGE =
  'The facilitator has locked the steps, stages and lanes for this exercise, so that change was not saved. You can still add and change cards.';

/** Whether `userId` is held back by the lock of this workshop (the facilitator never is). */
export function lockedFor(state: WorkshopState | null, userId: string): boolean {
  return !!state?.structureLocked && !!state.facilitator && state.facilitator.id !== userId;
}
