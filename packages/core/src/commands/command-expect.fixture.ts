import { expect } from 'vitest';
import { checkInvariants } from '../journey/invariants';
import { journeySchema, type Journey } from '../journey/schema';
import { formatPath } from '../problem';
import { applyCommand } from './apply';
import type { Applied, CommandError } from './command-error';
import { journeyCommandSchema, type JourneyCommand } from './schema';

/**
 * Applies a command that must succeed and checks what every success promises: the invariants hold, the
 * journey still parses to itself, the inverse is a valid command and gives back the journey it started from.
 */
export function expectApplied(journey: Journey, command: unknown): Applied {
  const r = applyCommand(journey, command as JourneyCommand);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(command)} to apply; got ${JSON.stringify(r.error)}`);
  const { journey: next, inverse } = r.value;
  expect(checkInvariants(next)).toEqual([]);
  expect(journeySchema.parse(next)).toEqual(next);
  expect(journeyCommandSchema.safeParse(inverse).success).toBe(true);
  const back = applyCommand(next, inverse);
  expect(back.ok && back.value.journey).toEqual(journey);
  expect(back.ok && JSON.stringify(back.value.journey)).toBe(JSON.stringify(journey));
  return r.value;
}

/** Applies a command that must be refused; returns `code @ path` and the message. */
export function expectRefused(journey: Journey, command: unknown): CommandError & { where: string } {
  const r = applyCommand(journey, command as JourneyCommand);
  if (r.ok) throw new Error(`expected ${JSON.stringify(command)} to be refused, but it applied`);
  return { ...r.error, where: `${r.error.code} @ ${formatPath(r.error.path)}` };
}
