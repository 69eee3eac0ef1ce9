import { describe, expect, it } from 'vitest';
import type { Journey } from '../journey/schema';
import { applyCommand } from './apply';
import { createRand, randomJourney } from './random-journey.fixture';
import { differenceBetween, restoreCommand, restoredVersionOf } from './restore';
import type { JourneyCommand } from './schema';

const apply = (j: Journey, ...commands: object[]): Journey => {
  const r = applyCommand(j, { type: 'batch', commands: commands as JourneyCommand[] });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
};
const base = (): Journey => ({
  ...randomJourney(createRand(1)),
  columns: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
    { id: 'c', label: 'C' },
  ] as never,
  stages: [],
  lanes: [{ id: 'l', kind: 'text', label: 'Notes' }] as never,
  cards: [],
  links: [],
  ideas: [],
});

describe('restore as an edit', () => {
  it('given a past version, then the restore is one labelled batch that gives it back and says which version', () => {
    const past = apply(base(), {
      type: 'card.add',
      item: { id: 'x', kind: 'text', laneId: 'l', columnId: 'a', text: 'Hi' },
    });
    const now = apply(
      past,
      { type: 'card.remove', id: 'x' },
      { type: 'meta.update', patch: { title: 'Later' } },
    );
    const restore = restoreCommand(now, past, 7)!;
    expect(restore.label).toBe('Restored the map as it was at version 7');
    expect(restoredVersionOf(restore)).toBe(7);
    const r = applyCommand(now, restore);
    expect(r.ok && r.value.journey).toEqual(past);
    expect(restoreCommand(past, past, 3)).toBeNull();
  });

  it('given other commands, then they are not restores', () => {
    expect(
      restoredVersionOf({
        type: 'batch',
        label: 'Restored the map as it was at version x',
        commands: [] as never,
      }),
    ).toBeNull();
    expect(restoredVersionOf({ type: 'batch', label: 'Pasted 3 cards', commands: [] as never })).toBeNull();
    expect(restoredVersionOf({ type: 'column.remove', id: 'a' as never })).toBeNull();
  });

  it('given cards added, removed, changed and a step moved, then the difference counts each once', () => {
    const from = apply(
      base(),
      { type: 'card.add', item: { id: 'x', kind: 'text', laneId: 'l', columnId: 'a', text: 'Stays' } },
      { type: 'card.add', item: { id: 'y', kind: 'text', laneId: 'l', columnId: 'a', text: 'Goes' } },
    );
    const to = apply(
      from,
      { type: 'card.remove', id: 'y' },
      {
        type: 'card.add',
        item: { id: 'z', kind: 'text', laneId: 'l', columnId: 'b', text: 'New' },
        index: 0,
      },
      { type: 'card.update', id: 'x', patch: { text: 'Changed' } },
      { type: 'column.move', id: 'a', toIndex: 2 },
    );
    const d = differenceBetween(from, to);
    expect(d.lists.cards).toEqual({ added: 1, removed: 1, changed: 1 });
    // One step moved, not all three shifted.
    expect(d.lists.columns).toEqual({ added: 0, removed: 0, changed: 1 });
    expect([d.details, d.none]).toEqual([false, false]);
    expect(differenceBetween(to, to).none).toBe(true);
    expect(
      differenceBetween(to, apply(to, { type: 'meta.update', patch: { title: 'New title' } })).details,
    ).toBe(true);
  });
});
