import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../journey/invariants';
import { journeySchema, type Journey } from '../journey/schema';
import { applyCommand } from './apply';
import { deepFreeze } from './asb-journey.fixture';
import { randomCommand, type Expectation } from './random-command.fixture';
import { createRand, randomJourney } from './random-journey.fixture';
import { journeyCommandSchema, type JourneyCommand } from './schema';

interface Tally {
  applied: number;
  refused: number;
}

/**
 * Runs random commands from a random journey and checks, after every step: a valid command applied, an
 * invalid one was refused without change, the invariants hold, the journey parses to itself, and the inverse
 * is a valid command that gives back the previous journey exactly. Finally every inverse, in reverse order,
 * leads back to the start.
 */
function runScenario(journeySeed: number, stepSeeds: readonly number[], tally?: Tally): void {
  const start = deepFreeze(randomJourney(createRand(journeySeed)));
  let j: Journey = start;
  const inverses: JourneyCommand[] = [];
  stepSeeds.forEach((seed, step) => {
    const { command, expect: expected } = randomCommand(createRand(seed), j);
    const where = `step ${step} (seed ${seed}): ${JSON.stringify(command)}`;
    const r = applyCommand(j, command as JourneyCommand);
    checkOutcome(r.ok, expected, where, r.ok ? undefined : r.error);
    if (!r.ok) {
      if (tally) tally.refused++;
      expect(r.error.code, where).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(r.error.message.length, where).toBeGreaterThan(0);
      return;
    }
    if (tally) tally.applied++;
    const next = deepFreeze(r.value.journey);
    expect(checkInvariants(next), where).toEqual([]);
    expect(journeySchema.parse(next), where).toEqual(next);
    expect(journeyCommandSchema.safeParse(r.value.inverse).success, where).toBe(true);
    const back = applyCommand(next, r.value.inverse);
    expect(back.ok && back.value.journey, where).toEqual(j);
    // Same JSON text too: field order kept and no fields left holding undefined.
    expect(back.ok && JSON.stringify(back.value.journey), where).toBe(JSON.stringify(j));
    inverses.push(r.value.inverse);
    j = next;
  });
  for (const inverse of inverses.reverse()) {
    const r = applyCommand(j, inverse);
    if (!r.ok) throw new Error(`undoing all: ${JSON.stringify(r.error)}`);
    j = r.value.journey;
  }
  expect(j).toEqual(start);
}

function checkOutcome(ok: boolean, expected: Expectation, where: string, error?: unknown): void {
  if (expected === 'valid' && !ok)
    throw new Error(`expected to apply: ${where}; got ${JSON.stringify(error)}`);
  if (expected === 'invalid' && ok) throw new Error(`expected to be refused: ${where}`);
}

const seedArb = fc.integer({ min: 0, max: 0x7fffffff });
const scenarioArb = fc.record({
  journeySeed: seedArb,
  steps: fc.array(seedArb, { minLength: 1, maxLength: 40 }),
});

describe('reducer properties', () => {
  it('given random journeys and command sequences, then every step keeps the invariants and undoes exactly', () => {
    const tally: Tally = { applied: 0, refused: 0 };
    fc.assert(
      fc.property(scenarioArb, ({ journeySeed, steps }) => runScenario(journeySeed, steps, tally)),
      { seed: 20_261_123, numRuns: 150 },
    );
    // The generator must exercise both paths, not refuse (or accept) everything.
    expect(tally.applied).toBeGreaterThan(tally.refused);
    expect(tally.refused).toBeGreaterThan(0);
  });

  it('holds for a second fixed seed with longer sequences', () => {
    fc.assert(
      fc.property(
        fc.record({ journeySeed: seedArb, steps: fc.array(seedArb, { minLength: 60, maxLength: 120 }) }),
        ({ journeySeed, steps }) => runScenario(journeySeed, steps),
      ),
      { seed: 7, numRuns: 25 },
    );
  });
});
