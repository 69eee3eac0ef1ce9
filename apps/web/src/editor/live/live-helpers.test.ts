import type { Participant } from '@waymark/api';
import { createJourneyFromTemplate, type JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { peopleAt, type ReplacedNotice } from './live-context';
import { liveStatusWords } from './live-status';
import { focusOf } from './presence-tracker';
import { latestPerField } from './replaced-notice';

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

describe('live co-editing in the editor', () => {
  it('given people on a card and on a step, then each shows where they are, once per person, typing winning over looking', () => {
    const others = [
      person('ann', { cardId: 'c1', columnId: 'step-2' }, false, 'a1'),
      person('ann', { cardId: 'c1', columnId: 'step-2' }, true, 'a2'),
      person('bob', { columnId: 'step-2' }),
      person('cy', null),
    ];
    expect(peopleAt(others, { cardId: 'c1' }).map((p) => [p.user.id, p.typing])).toEqual([['ann', true]]);
    // On a step means the step itself, not a card in it.
    expect(peopleAt(others, { columnId: 'step-2' }).map((p) => p.user.id)).toEqual(['bob']);
    expect(peopleAt(others, { columnId: 'step-1' })).toEqual([]);
  });

  it('given a selected card, a step, or something no longer on the map, then the focus sent is the card with its step, the step, or nothing', () => {
    expect(focusOf(journey, 'c1', 'step-1')).toEqual({ cardId: 'c1', columnId: 'step-2' });
    expect(focusOf(journey, null, 'step-1')).toEqual({ columnId: 'step-1' });
    expect(focusOf(journey, 'gone', 'gone')).toBeNull();
  });

  it('given two notices about one field, then only the newest is shown in place', () => {
    const notice = (id: number, field: string): ReplacedNotice => ({
      id,
      kind: 'replaced',
      target: { type: 'card', id: 'c1' },
      field,
      by: 'Bob',
      yours: 'x',
      restore: { type: 'card.update', id: 'c1', patch: { [field]: 'x' } } as unknown as JourneyCommand,
      message: '',
    });
    expect(latestPerField([notice(1, 'text'), notice(2, 'why'), notice(3, 'text')]).map((n) => n.id)).toEqual(
      [3, 2],
    );
  });

  it('given each state of the connection, then the status line says it in words for editors and for readers', () => {
    const words = (s: Partial<Parameters<typeof liveStatusWords>[0]>) =>
      liveStatusWords({
        canEdit: true,
        offline: false,
        connected: true,
        everConnected: true,
        unsent: 0,
        ...s,
      });
    expect([
      words({}),
      words({ unsent: 2 }),
      words({ connected: false, everConnected: false }),
      words({ connected: false }),
      words({ connected: false, offline: true, unsent: 3 }),
      words({ canEdit: false }),
      words({ canEdit: false, connected: false, offline: true }),
    ]).toEqual([
      'All changes saved',
      'Saving…',
      'Connecting…',
      'Reconnecting — your changes will be sent when you are back',
      'Offline — your changes will be sent when you reconnect',
      'Live — you see changes as they are made',
      'Offline — the map will catch up when you reconnect',
    ]);
  });
});
