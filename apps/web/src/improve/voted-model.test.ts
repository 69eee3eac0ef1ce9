import { applyCommand, parseJourney, type Idea, type Journey, type JourneyCommand } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { ideaCommand } from './ideas-model';
import { ideaDraftFrom, sortIdeas, topVotedCards, votesText } from './voted-model';

const apply = (j: Journey, cmd: unknown) => {
  const r = applyCommand(j, cmd as JourneyCommand);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
};
const idea = (id: string, votes?: number): Idea =>
  ({
    id,
    title: `Idea ${id}`,
    leverCardIds: [],
    painPointCardIds: [],
    status: 'proposed',
    ...(votes ? { votes } : {}),
  }) as unknown as Idea;

describe('ideas in order of votes', () => {
  it('given ideas with and without votes, then most votes first and ties keep their order', () => {
    const ideas = [idea('a'), idea('b', 2), idea('c', 5), idea('d', 2)];
    expect(sortIdeas(ideas, 'votes').map((i) => i.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(sortIdeas(ideas, 'map')).toBe(ideas);
  });
});

describe('top-voted pain points and moments of truth', () => {
  const voted = () => {
    const parsed = parseJourney({
      schemaVersion: 2,
      id: 'council-tax',
      meta: { title: 'Moving home', journeyType: 'current' },
      columns: [{ id: 'move', label: 'Moves home' }],
      lanes: [
        { id: 'pain', kind: 'pain-point', label: 'Pain points' },
        { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' },
      ],
      cards: [
        { id: 'p1', kind: 'pain-point', laneId: 'pain', columnId: 'move', text: 'Had to phone three times' },
        {
          id: 'p2',
          kind: 'pain-point',
          laneId: 'pain',
          columnId: 'move',
          text: 'Bill went to the old address',
        },
        { id: 'm1', kind: 'moment-of-truth', laneId: 'mot', columnId: 'move', text: 'First bill' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    const j = parsed.value;
    const pains = j.cards.filter((c) => c.kind === 'pain-point');
    return {
      pains,
      journey: apply(j, {
        type: 'votes.record',
        round: 'Pain points',
        kinds: ['pain-point', 'moment-of-truth'],
        cards: [
          { id: pains[0]!.id, votes: 1 },
          { id: pains[1]!.id, votes: 4 },
          { id: 'm1', votes: 2 },
        ],
        ideas: [],
      }),
    };
  };

  it('given a closed round, then the voted cards are listed most votes first, with their kind in words', () => {
    const { journey, pains } = voted();
    const top = topVotedCards(journey);
    expect(top.map((c) => [c.id, c.votes, c.kindName])).toEqual([
      [pains[1]!.id, 4, 'pain point'],
      ['m1', 2, 'moment of truth'],
      [pains[0]!.id, 1, 'pain point'],
    ]);
    expect(topVotedCards(journey, 1)).toHaveLength(1);
  });

  it('given "Start an idea from this" saved, then the idea is linked to the card and listed as answering it', () => {
    const { journey, pains } = voted();
    const draft = {
      ...ideaDraftFrom(pains[1]!.id),
      id: 'call-back',
      title: 'Call back within a day',
    } as Idea;
    const next = apply(journey, ideaCommand(undefined, draft));
    expect(next.ideas.at(-1)!.painPointCardIds).toEqual([pains[1]!.id]);
    expect(topVotedCards(next)[0]!.answeredBy).toContain('Call back within a day');
  });

  it('says votes in words', () => {
    expect([votesText(1), votesText(3)]).toEqual(['1 vote', '3 votes']);
  });
});
