import type { Participant } from '@waymark/api';
import { createJourneyFromTemplate } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { peopleAt } from './live-context';
import { focusOf, presenceOf, type PresencePlace } from './presence-tracker';

const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
if (!made.ok) throw new Error('template');
const journey = {
  ...made.value,
  cards: [{ id: 'c1', kind: 'step', laneId: 'key-steps', columnId: 'step-2', text: 'Calls' }],
} as unknown as typeof made.value;

const person = (id: string, focus: Participant['focus'], typing = false, connection = id): Participant => ({
  connection,
  user: { id, name: id.toUpperCase() },
  colour: '#1d70b8',
  role: 'editor',
  focus,
  typing,
});

const nowhere: PresencePlace = {
  selectedCardId: null,
  columnId: null,
  laneId: null,
  panel: null,
  typing: null,
};
const at = (place: Partial<PresencePlace>) => presenceOf(journey, { ...nowhere, ...place });

describe('presence of a cell and of the side panels', () => {
  it('given people in a cell, on its step and on a card there, then the cell, the step and the card each show only their own', () => {
    const others = [
      person('ann', { columnId: 'step-2', laneId: 'touchpoints' }, true),
      person('bob', { columnId: 'step-2' }),
      person('cy', { cardId: 'c1', columnId: 'step-2' }),
      person('dee', { columnId: 'step-2', laneId: 'feelings' }),
    ];
    expect(peopleAt(others, { columnId: 'step-2', laneId: 'touchpoints' }).map((p) => p.user.id)).toEqual([
      'ann',
    ]);
    // The step's column outline is for the step itself: not the people in one of its cells.
    expect(peopleAt(others, { columnId: 'step-2' }).map((p) => p.user.id)).toEqual(['bob']);
    expect(peopleAt(others, { cardId: 'c1' }).map((p) => p.user.id)).toEqual(['cy']);
    expect(peopleAt(others, { columnId: 'step-1', laneId: 'touchpoints' })).toEqual([]);
  });

  it('given the keyboard in a cell, then the focus is the cell; a lane no longer on the map leaves the step', () => {
    expect(focusOf(journey, null, 'step-2', 'touchpoints')).toEqual({
      columnId: 'step-2',
      laneId: 'touchpoints',
    });
    expect(focusOf(journey, null, 'step-2', 'gone')).toEqual({ columnId: 'step-2' });
    expect(focusOf(journey, null, 'gone', 'touchpoints')).toBeNull();
    // A selected card still wins over the cell the keyboard is in.
    expect(focusOf(journey, 'c1', 'step-1', 'touchpoints')).toEqual({ cardId: 'c1', columnId: 'step-2' });
  });

  it('given someone typing into a cell’s "Add…" box, then the cell is sent as typing, even with a card selected elsewhere', () => {
    expect(at({ selectedCardId: 'c1', columnId: 'step-3', laneId: 'feelings', typing: 'cell' })).toEqual({
      focus: { columnId: 'step-3', laneId: 'feelings' },
      typing: true,
    });
    // Stopped typing: back to the selected card, not typing.
    expect(at({ selectedCardId: 'c1', columnId: 'step-3', laneId: 'feelings' })).toEqual({
      focus: { cardId: 'c1', columnId: 'step-2' },
      typing: false,
    });
    expect(at({ columnId: 'step-3', laneId: 'feelings' })).toEqual({
      focus: { columnId: 'step-3', laneId: 'feelings' },
      typing: false,
    });
  });

  it('given the keyboard in a side panel’s part about a step or a card, then that step or card is sent, over the selection and the cell', () => {
    expect(
      at({ selectedCardId: 'c1', columnId: 'step-1', laneId: 'feelings', panel: { columnId: 'step-4' } }),
    ).toEqual({
      focus: { columnId: 'step-4' },
      typing: false,
    });
    // Renaming the step in the structure panel: typing on that step.
    expect(at({ panel: { columnId: 'step-4' }, typing: 'panel' })).toEqual({
      focus: { columnId: 'step-4' },
      typing: true,
    });
    // An arrow from a card: the card with its step; the card since deleted: its step.
    expect(at({ panel: { columnId: 'step-2', cardId: 'c1' } })).toEqual({
      focus: { cardId: 'c1', columnId: 'step-2' },
      typing: false,
    });
    expect(at({ panel: { columnId: 'step-3', cardId: 'gone' } })).toEqual({
      focus: { columnId: 'step-3' },
      typing: false,
    });
    // A step deleted meanwhile: nowhere, and never "typing" nowhere.
    expect(at({ panel: { columnId: 'gone' }, typing: 'panel' })).toEqual({ focus: null, typing: false });
  });

  it('given typing in a selected card’s fields, then the card is sent as typing; typing with no card selected is not', () => {
    expect(at({ selectedCardId: 'c1', typing: 'card' })).toEqual({
      focus: { cardId: 'c1', columnId: 'step-2' },
      typing: true,
    });
    expect(at({ columnId: 'step-1', typing: 'card' })).toEqual({
      focus: { columnId: 'step-1' },
      typing: false,
    });
  });
});
