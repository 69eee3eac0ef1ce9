import { votableKindNames, type Idea, type Journey, type VotableKind } from '@waymark/core';
import { t } from '../i18n';

/** How the ideas list is ordered: as kept in the journey, or most dot-voting votes first. */
export type IdeaOrder = 'map' | 'votes';
export const ideaOrderLabels: Record<IdeaOrder, () => string> = {
  map: () => t('improve.ideas.orderMap'),
  votes: () => t('improve.ideas.orderVotes'),
};

const votesOf = (x: { votes?: number | undefined }) => x.votes ?? 0;

/** The ideas in the chosen order; equal votes keep the journey's order. */
export function sortIdeas(ideas: readonly Idea[], order: IdeaOrder): readonly Idea[] {
  if (order === 'map') return ideas;
  return ideas
    .map((idea, i) => ({ idea, i }))
    .sort((a, b) => votesOf(b.idea) - votesOf(a.idea) || a.i - b.i)
    .map((x) => x.idea);
}

/** A pain point or moment of truth that got votes, with the ideas that already answer it. */
export interface VotedCard {
  readonly id: string;
  readonly text: string;
  /** "pain point" or "moment of truth", for people. */
  readonly kindName: string;
  readonly votes: number;
  readonly answeredBy: readonly string[];
}

const kindsVotedOn = new Set<string>(['pain-point', 'moment-of-truth']);

/** The most-voted pain points and moments of truth (ties in map order), at most `limit` of them. */
export function topVotedCards(journey: Journey, limit = 10): VotedCard[] {
  return journey.cards
    .map((card, i) => ({ card, i, votes: votesOf(card as { votes?: number }) }))
    .filter((x) => kindsVotedOn.has(x.card.kind) && x.votes > 0)
    .sort((a, b) => b.votes - a.votes || a.i - b.i)
    .slice(0, limit)
    .map(({ card, votes }) => ({
      id: card.id,
      text: 'text' in card && card.text ? card.text : card.id,
      kindName: votableKindNames[card.kind as VotableKind].one,
      votes,
      answeredBy: journey.ideas.filter((i) => i.painPointCardIds.includes(card.id)).map((i) => i.title),
    }));
}

/** A new idea's first draft, linked to the card it starts from (through painPointCardIds). */
export const ideaDraftFrom = (cardId: string): Idea =>
  ({
    id: '',
    title: '',
    leverCardIds: [],
    painPointCardIds: [cardId],
    status: 'proposed',
  }) as unknown as Idea;

/** "1 vote", "3 votes". */
export const votesText = (n: number): string => `${n} ${n === 1 ? 'vote' : 'votes'}`;
