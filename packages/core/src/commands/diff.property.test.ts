import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInvariants } from '../journey/invariants';
import type { Journey } from '../journey/schema';
import { applyCommand } from './apply';
import { deepFreeze } from './asb-journey.fixture';
import { commandsBetween } from './diff';
import { randomCommand } from './random-command.fixture';
import { createRand, randomJourney } from './random-journey.fixture';
import type { JourneyCommand } from './schema';

/** A journey after random edits (those the reducer accepts), as a later version of the same map. */
function edited(start: Journey, seeds: readonly number[]): Journey {
  let j = start;
  for (const seed of seeds) {
    const r = applyCommand(j, randomCommand(createRand(seed), j).command as JourneyCommand);
    if (r.ok) j = r.value.journey;
  }
  return j;
}

/** Applies the diff one command at a time: each must apply and keep the invariants; the end must be `to`. */
function expectTurnsInto(from: Journey, to: Journey): JourneyCommand[] {
  const commands = commandsBetween(deepFreeze(from), deepFreeze(to));
  let j = from;
  for (const [i, c] of commands.entries()) {
    const r = applyCommand(j, c);
    if (!r.ok) throw new Error(`command ${i} ${JSON.stringify(c)} refused: ${r.error.message}`);
    j = r.value.journey;
    expect(checkInvariants(j), `after command ${i}`).toEqual([]);
  }
  expect(j).toEqual(to);
  // As one batch too (how a restore is sent), and its inverse gives `from` back.
  if (commands.length > 0) {
    const batch = applyCommand(from, { type: 'batch', commands });
    expect(batch.ok && batch.value.journey).toEqual(to);
    const back = batch.ok ? applyCommand(batch.value.journey, batch.value.inverse) : null;
    expect(back?.ok && back.value.journey).toEqual(from);
  }
  return commands;
}

const seed = fc.integer({ min: 0, max: 0x7fffffff });

describe('commandsBetween', () => {
  it('given two unrelated random journeys (same ids, different kinds, stages and cards), then the commands turn one into the other', () => {
    fc.assert(
      fc.property(seed, seed, (a, b) => {
        const from = randomJourney(createRand(a));
        const to = { ...randomJourney(createRand(b)), id: from.id };
        expectTurnsInto(from, to);
      }),
      { seed: 20_261_204, numRuns: 300 },
    );
  });

  it('given a journey and a later version of it after random edits, then the commands go forwards and back', () => {
    fc.assert(
      fc.property(seed, fc.array(seed, { minLength: 1, maxLength: 60 }), (a, steps) => {
        const before = randomJourney(createRand(a));
        const after = edited(before, steps);
        expectTurnsInto(before, after);
        expectTurnsInto(after, before);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('given the same journey twice (keys in another order), then there is nothing to do', () => {
    const j = randomJourney(createRand(5));
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : typeof v === 'object' && v !== null
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(j) as Journey;
    expect(Object.keys(reordered)[0]).toBe('ideas');
    expect(commandsBetween(j, reordered)).toEqual([]);
    expect(commandsBetween(j, j)).toEqual([]);
  });

  it('given only a card changed, then the commands are exactly that one update', () => {
    const from = randomJourney(createRand(11));
    const card = { type: 'card.add', item: { id: 'new-card', kind: 'text', laneId: 'x', columnId: 'y' } };
    const lane = { type: 'lane.add', item: { id: 'x', kind: 'text', label: 'Notes' } };
    const column = { type: 'column.add', item: { id: 'y', label: 'Last' } };
    const grown = edited(from, []);
    const r = applyCommand(grown, {
      type: 'batch',
      commands: [lane, column, { ...card, item: { ...card.item, text: 'Hello' } }] as JourneyCommand[],
    });
    if (!r.ok) throw new Error(r.error.message);
    const changed = applyCommand(r.value.journey, {
      type: 'card.update',
      id: 'new-card' as never,
      patch: { text: 'Goodbye' },
    });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(commandsBetween(r.value.journey, changed.value.journey)).toEqual([
      { type: 'card.update', id: 'new-card', patch: { text: 'Goodbye' } },
    ]);
  });

  it('given a column moved into another stage, then its stage is right at every step', () => {
    const from = randomJourney(createRand(3));
    const withStages: Journey = {
      ...from,
      stages: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ] as never,
      columns: [
        { id: 'c1', label: '1', stageId: 'a' },
        { id: 'c2', label: '2', stageId: 'a' },
        { id: 'c3', label: '3', stageId: 'b' },
        { id: 'c4', label: '4', stageId: 'b' },
      ] as never,
      lanes: [],
      cards: [],
      links: [],
      ideas: [],
    };
    const to: Journey = {
      ...withStages,
      columns: [
        { id: 'c3', label: '3', stageId: 'a' },
        { id: 'c1', label: '1', stageId: 'a' },
        { id: 'c4', label: '4', stageId: 'b' },
        { id: 'c2', label: 'Two', stageId: 'b' },
      ] as never,
    };
    expectTurnsInto(withStages, to);
    expectTurnsInto(to, withStages);
  });
});
