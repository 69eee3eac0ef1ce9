import type { Participant } from '@waymark/api';
import { describe, expect, it } from 'vitest';
import { createJourneyFromTemplate } from '@waymark/core';
import { peopleOf, presenceAnnouncement, presenceChanges, whereIs } from './presence-list';

const person = (id: string, name: string, connection = id): Participant => ({
  connection,
  user: { id, name },
  colour: '#1d70b8',
  role: 'editor',
  focus: null,
  typing: false,
});

describe('presence list', () => {
  it('given a person with two tabs open, then they are listed once, in the order people came', () => {
    const list = [person('u1', 'Ann', 'c1'), person('u2', 'Bob'), person('u1', 'Ann', 'c3')];
    expect(peopleOf(list).map((p) => p.user.name)).toEqual(['Ann', 'Bob']);
  });

  it('given people joining and leaving, then the change is said in words, and nothing when only a tab changed', () => {
    const before = [person('u1', 'Ann'), person('u2', 'Bob')];
    expect(presenceChanges(before, [person('u1', 'Ann'), person('u3', 'Cat')])).toBe('Cat joined. Bob left');
    expect(presenceChanges(before, before)).toBe('');
  });

  it('given the first list since I connected, then nobody is announced: not me, nor the people already here', () => {
    const here = [person('u1', 'Ann'), person('u2', 'Bob'), person('me', 'Administrator')];
    expect(presenceAnnouncement(null, here, 'me')).toBe('');
    expect(presenceAnnouncement(null, [person('me', 'Administrator')], 'me')).toBe('');
  });

  it('given I am on the map, then others joining and leaving are announced, and I never am', () => {
    const me = person('me', 'Administrator', 'c1');
    const ann = person('u1', 'Ann');
    expect(presenceAnnouncement([me], [me, ann], 'me')).toBe('Ann joined');
    expect(presenceAnnouncement([me, ann], [me], 'me')).toBe('Ann left');
    expect(presenceAnnouncement([ann, me], [ann, person('u2', 'Bob')], 'me')).toBe('Bob joined');
    // My own connection dropping and coming back (a new connection), or a second tab of mine: nothing.
    const meAgain = person('me', 'Administrator', 'c9');
    expect(presenceAnnouncement([me, ann], [ann, meAgain], 'me')).toBe('');
    expect(presenceAnnouncement([me, ann], [ann], 'me')).toBe('');
    expect(presenceAnnouncement([ann], [ann, me], 'me')).toBe('');
    // Ann's typing or place is not a join or a leave.
    expect(
      presenceAnnouncement([me, ann], [me, { ...ann, typing: true, focus: { columnId: 's' } }], 'me'),
    ).toBe('');
  });

  it("given people focused on a step, on a card, or nowhere, then where each is is said in the step's name", () => {
    const made = createJourneyFromTemplate('melton', { id: 'j', title: 'ASB' });
    if (!made.ok) throw new Error('template');
    const journey = {
      ...made.value,
      cards: [{ id: 'c1', kind: 'step', laneId: 'key-steps', columnId: 'step-2', text: 'Calls' }],
    } as unknown as typeof made.value;
    const at = (focus: Participant['focus']) => whereIs(journey, { ...person('u1', 'Ann'), focus });
    expect([
      at({ columnId: 'step-1' }),
      at({ cardId: 'c1', columnId: 'step-2' }),
      at({ cardId: 'c1' }),
      at(null),
      at({ columnId: 'gone' }),
    ]).toEqual(['at Step 1', 'on a card at Step 2', 'on a card at Step 2', '', '']);
  });
});
