import { z } from 'zod';
import type { Card } from '../journey/cards';
import { cardIdSchema, ideaIdSchema } from '../journey/ids';
import type { Idea, Journey } from '../journey/schema';
import { ok } from '../result';
import { refuse, type CommandResult } from './command-error';

/** What a dot-voting round can be about: two card kinds and the ideas list. */
export const votableKinds = ['pain-point', 'moment-of-truth', 'idea'] as const;
export type VotableKind = (typeof votableKinds)[number];
/** One of each, for people: "Vote for pain point: …". */
export const votableKindNames: Record<VotableKind, { one: string; many: string }> = {
  'pain-point': { one: 'pain point', many: 'pain points' },
  'moment-of-truth': { one: 'moment of truth', many: 'moments of truth' },
  idea: { one: 'idea', many: 'ideas' },
};

const count = z.number().int().min(1).max(100_000);

/**
 * The results of one dot-voting round, written to the map as one edit. Every card of the round's card
 * kinds (and every idea, when ideas were in the round) gets exactly the votes listed for it, and those not
 * listed lose any votes from an earlier round: a round on pain points replaces the last round's pain-point
 * tallies, and leaves moments of truth and ideas alone. Its inverse is the same command with the tallies as
 * they were, so undo and history hold.
 */
export const recordVotesCommandSchema = z.strictObject({
  type: z.literal('votes.record'),
  /** The round's name, for the history ("Dot-voting: pain points"). */
  round: z.string().trim().min(1).max(200),
  kinds: z.array(z.enum(votableKinds)).min(1).max(votableKinds.length),
  cards: z.array(z.strictObject({ id: cardIdSchema, votes: count })).max(10_000),
  ideas: z.array(z.strictObject({ id: ideaIdSchema, votes: count })).max(10_000),
});
export type RecordVotesCommand = z.infer<typeof recordVotesCommandSchema>;

type Tally = { readonly id: string; readonly votes: number };
type WithVotes = { readonly id: string; readonly votes?: number | undefined };

function withVotes<T extends WithVotes>(item: T, votes: number | undefined): T {
  if (item.votes === votes) return item;
  if (votes === undefined) {
    const { votes: _gone, ...rest } = item;
    return rest as T;
  }
  return { ...item, votes };
}

/** Refuses repeats and unknown or ineligible ids; else the tallies by id. */
function tallies(
  list: readonly Tally[],
  field: 'cards' | 'ideas',
  find: (id: string) => { eligible: boolean; what?: string } | undefined,
): CommandResult | Map<string, number> {
  const out = new Map<string, number>();
  for (const [i, t] of list.entries()) {
    const where = [field, i, 'id'];
    const item = find(t.id);
    const noun = field === 'cards' ? 'card' : 'idea';
    if (!item) return refuse(`${noun}_not_found`, where, `no ${noun} with id "${t.id}" in ${field}`);
    if (!item.eligible) {
      return refuse(
        'not_in_vote',
        where,
        `${noun} "${t.id}" is a ${item.what ?? noun}, which this round's kinds do not include`,
      );
    }
    if (out.has(t.id)) return refuse('duplicate_id', where, `${noun} "${t.id}" is listed twice in ${field}`);
    out.set(t.id, t.votes);
  }
  return out;
}

export function recordVotes(j: Journey, c: RecordVotesCommand): CommandResult {
  const kinds = new Set<string>(c.kinds);
  if (kinds.size !== c.kinds.length) return refuse('duplicate_kind', ['kinds'], 'expected each kind once');
  const votesOn = (card: Card) => kinds.has(card.kind);
  const cardTallies = tallies(c.cards, 'cards', (id) => {
    const card = j.cards.find((x) => x.id === id);
    return card && { eligible: votesOn(card), what: card.kind };
  });
  if (!(cardTallies instanceof Map)) return cardTallies;
  const ideasIn = kinds.has('idea');
  const ideaTallies = tallies(c.ideas, 'ideas', (id) =>
    j.ideas.some((x) => x.id === id) ? { eligible: ideasIn } : undefined,
  );
  if (!(ideaTallies instanceof Map)) return ideaTallies;

  const before: { cards: Tally[]; ideas: Tally[] } = { cards: [], ideas: [] };
  const cards = j.cards.map((card) => {
    if (!votesOn(card)) return card;
    const had = (card as WithVotes).votes;
    if (had !== undefined) before.cards.push({ id: card.id, votes: had });
    return withVotes(card as Card & WithVotes, cardTallies.get(card.id)) as Card;
  });
  const ideas = ideasIn
    ? j.ideas.map((idea) => {
        if (idea.votes !== undefined) before.ideas.push({ id: idea.id, votes: idea.votes });
        return withVotes<Idea>(idea, ideaTallies.get(idea.id));
      })
    : j.ideas;
  return ok({
    journey: { ...j, cards, ideas },
    inverse: { ...c, cards: before.cards, ideas: before.ideas } as RecordVotesCommand,
  });
}
