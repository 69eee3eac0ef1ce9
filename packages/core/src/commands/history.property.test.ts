import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Journey } from '../journey/schema';
import { deepFreeze } from './asb-journey.fixture';
import { canRedo, canUndo, createHistory, execute, redo, undo, type History } from './history';
import { randomCommand } from './random-command.fixture';
import { createRand, randomJourney } from './random-journey.fixture';
import type { JourneyCommand } from './schema';

/**
 * Random execute / undo / redo against a model that keeps every journey: after each step the history's
 * journey is the model's, and canUndo / canRedo agree with it.
 */
function runHistory(journeySeed: number, ops: readonly number[], limit: number): void {
  let h: History = createHistory(deepFreeze(randomJourney(createRand(journeySeed))), limit);
  let past: Journey[] = [];
  let future: Journey[] = [];
  for (const op of ops) {
    const rand = createRand(op);
    const choice = rand.int(4);
    if (choice === 0 && canUndo(h)) {
      const r = undo(h);
      if (!r.ok) throw new Error(`undo failed: ${JSON.stringify(r.error)}`);
      future = [h.journey, ...future];
      h = r.value.history;
      expect(h.journey).toEqual(past.pop());
    } else if (choice === 1 && canRedo(h)) {
      const r = redo(h);
      if (!r.ok) throw new Error(`redo failed: ${JSON.stringify(r.error)}`);
      past = [...past, h.journey].slice(-limit);
      h = r.value.history;
      expect(h.journey).toEqual(future.shift());
    } else {
      const { command } = randomCommand(rand, h.journey);
      const r = execute(h, command as JourneyCommand);
      if (!r.ok) continue;
      past = [...past, h.journey].slice(-limit);
      future = [];
      h = r.value.history;
      deepFreeze(h.journey);
    }
    expect([canUndo(h), canRedo(h)]).toEqual([past.length > 0, future.length > 0]);
  }
}

describe('history properties', () => {
  it('given random execute, undo and redo, then the history follows a model that keeps every journey', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        runHistory,
      ),
      { seed: 1123, numRuns: 60 },
    );
  });
});
