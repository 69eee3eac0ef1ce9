import { describe, expect, it } from 'vitest';
import { parseJourney } from '../journey/parse';
import { journeySchema, type Journey } from '../journey/schema';
import { asbJourney, deepFreeze } from './asb-journey.fixture';
import { expectApplied, expectRefused } from './command-expect.fixture';
import { createHistory, execute, undo } from './history';

/** The ASB journey with a moment-of-truth lane and card, so rounds can mix kinds. */
const journey = (): Journey => {
  const j = asbJourney();
  return deepFreeze(
    journeySchema.parse({
      ...j,
      lanes: [...j.lanes, { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' }],
      cards: [
        ...j.cards,
        { id: 'm1', kind: 'moment-of-truth', laneId: 'mot', columnId: 'reports', text: 'First call' },
      ],
    }),
  );
};
const round = (over: Record<string, unknown> = {}) => ({
  type: 'votes.record',
  round: 'Dot-voting: pain points',
  kinds: ['pain-point'],
  cards: [],
  ideas: [],
  ...over,
});
const votesOf = (j: Journey, id: string) => (j.cards.find((c) => c.id === id) as { votes?: number }).votes;

describe('votes.record', () => {
  it('given tallies for a pain point and an idea, then both carry their votes and the inverse clears them', () => {
    const { journey: next, inverse } = expectApplied(
      journey(),
      round({
        kinds: ['pain-point', 'idea'],
        cards: [{ id: 'p1', votes: 3 }],
        ideas: [{ id: 'one-number', votes: 5 }],
      }),
    );
    expect(votesOf(next, 'p1')).toBe(3);
    expect(next.ideas.map((i) => i.votes)).toEqual([undefined, 5]);
    expect(inverse).toEqual(round({ kinds: ['pain-point', 'idea'] }));
  });

  it('given a later round on the same kind, then it replaces the earlier tallies and its inverse brings them back', () => {
    const first = expectApplied(journey(), round({ cards: [{ id: 'p1', votes: 3 }] })).journey;
    const { journey: next, inverse } = expectApplied(first, round({ round: 'Second go' }));
    expect(votesOf(next, 'p1')).toBeUndefined();
    expect('votes' in next.cards.find((c) => c.id === 'p1')!).toBe(false);
    expect(inverse).toEqual(round({ round: 'Second go', cards: [{ id: 'p1', votes: 3 }] }));
  });

  it('given a round on moments of truth, then pain-point votes from an earlier round stay', () => {
    const first = expectApplied(journey(), round({ cards: [{ id: 'p1', votes: 2 }] })).journey;
    const next = expectApplied(
      first,
      round({ kinds: ['moment-of-truth'], cards: [{ id: 'm1', votes: 4 }] }),
    ).journey;
    expect([votesOf(next, 'p1'), votesOf(next, 'm1')]).toEqual([2, 4]);
  });

  it('given a round without ideas, then idea votes are left alone and the ideas list is shared', () => {
    const first = expectApplied(journey(), round({ kinds: ['idea'], ideas: [{ id: 'updates', votes: 1 }] }));
    const next = expectApplied(first.journey, round({ cards: [{ id: 'p1', votes: 1 }] })).journey;
    expect(next.ideas).toBe(first.journey.ideas);
    expect(next.ideas[0]!.votes).toBe(1);
  });

  it.each([
    [round({ cards: [{ id: 'nope', votes: 1 }] }), 'card_not_found @ cards[0].id'],
    [round({ cards: [{ id: 's1', votes: 1 }] }), 'not_in_vote @ cards[0].id'],
    [round({ cards: [{ id: 'm1', votes: 1 }] }), 'not_in_vote @ cards[0].id'],
    [round({ ideas: [{ id: 'updates', votes: 1 }] }), 'not_in_vote @ ideas[0].id'],
    [round({ kinds: ['idea'], ideas: [{ id: 'nope', votes: 1 }] }), 'idea_not_found @ ideas[0].id'],
    [
      round({
        cards: [
          { id: 'p1', votes: 1 },
          { id: 'p1', votes: 2 },
        ],
      }),
      'duplicate_id @ cards[1].id',
    ],
    [round({ kinds: ['pain-point', 'pain-point'] }), 'duplicate_kind @ kinds'],
    [round({ kinds: [] }), 'invalid_command @ kinds'],
    [round({ kinds: ['step'] }), 'invalid_command @ kinds[0]'],
    [round({ cards: [{ id: 'p1', votes: 0 }] }), 'invalid_command @ cards[0].votes'],
    [round({ cards: [{ id: 'p1', votes: 1.5 }] }), 'invalid_command @ cards[0].votes'],
    [round({ round: '  ' }), 'invalid_command @ round'],
  ])('given %j, then it is refused with %s', (command, where) => {
    expect(expectRefused(journey(), command).where).toBe(where);
  });

  it('says which kind an ineligible card is', () => {
    expect(expectRefused(journey(), round({ cards: [{ id: 's1', votes: 1 }] })).message).toBe(
      'card "s1" is a step, which this round\'s kinds do not include',
    );
  });

  it('given a voted pain point removed and the removal undone, then its votes come back with it', () => {
    const voted = expectApplied(journey(), round({ cards: [{ id: 'p1', votes: 3 }] })).journey;
    const removed = expectApplied(voted, { type: 'card.remove', id: 'p1' });
    expect(votesOf(expectApplied(removed.journey, removed.inverse).journey, 'p1')).toBe(3);
  });

  it('is one undo step in the history', () => {
    const h = execute(createHistory(journey()), round({ cards: [{ id: 'p1', votes: 2 }] }) as never);
    if (!h.ok) throw new Error(h.error.message);
    expect(votesOf(h.value.history.journey, 'p1')).toBe(2);
    const back = undo(h.value.history);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value.history.journey).toEqual(journey());
  });
});

describe('votes in a journey document', () => {
  it('given a document written before voting, then it is still valid and has no votes', () => {
    const r = parseJourney(JSON.parse(JSON.stringify(asbJourney())));
    expect(r.ok && r.value.cards.every((c) => !('votes' in c))).toBe(true);
  });

  it('given votes on a pain point and an idea, then they parse; on a step card, they are refused', () => {
    const doc = JSON.parse(JSON.stringify(asbJourney()));
    doc.cards.find((c: { id: string }) => c.id === 'p1').votes = 4;
    doc.ideas[0].votes = 2;
    expect(parseJourney(doc).ok).toBe(true);
    doc.cards.find((c: { id: string }) => c.id === 's1').votes = 1;
    const r = parseJourney(doc);
    expect(!r.ok && r.error.map((p) => p.path.join('.'))).toContain('cards.0');
  });
});
