import { votableKindNames, votableKinds, type VotableKind } from '@waymark/core';
import { z } from 'zod';
import {
  changed,
  defineActivity,
  notFacilitator,
  notParticipant,
  refused,
  workshopId,
  workshopText,
  type WorkshopState,
} from './workshop-base';

/** One dot: on a card of a votable kind (pain point, moment of truth) or on an idea. */
export interface VoteDot {
  readonly kind: VotableKind;
  readonly id: string;
}

/**
 * A dot-voting round (decision 0014, "Dot-voting"). Each person (by user id, so two tabs share them) has
 * `votesEach` dots to place on items of the round's kinds, several on one item if they like. The facilitator
 * closes it; the tab that closed it writes the tallies to the map as one `votes.record` command (the normal
 * commit path, so everyone sees it and the history shows it) and then says so with `voting.recorded`.
 */
export interface WorkshopVoting {
  readonly round: string;
  readonly kinds: readonly VotableKind[];
  readonly votesEach: number;
  /** Whether participants see the running tallies; otherwise only their own dots until it closes. */
  readonly showLive: boolean;
  readonly status: 'open' | 'closed';
  readonly startedAt: number;
  /** Each person's dots, by user id (no names: the tallies are what is shown). */
  readonly ballots: { readonly [userId: string]: readonly VoteDot[] };
  readonly closedAt?: number;
  /** The facilitator's tab that closed the round: it writes the tallies to the map. */
  readonly closedBy?: string;
  /** When the tallies were written to the map (the facilitator's tab says so after submitting them). */
  readonly recordedAt?: number;
}

export const MAX_VOTES_EACH = 20;

const kindSchema = z.enum(votableKinds);
const dotAction = <T extends string>(type: T) =>
  z.strictObject({ type: z.literal(type), kind: kindSchema, id: workshopId });

/** "Dot-voting: pain points and ideas". */
export function defaultRoundName(kinds: readonly VotableKind[]): string {
  const names = kinds.map((k) => votableKindNames[k].many);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return `Dot-voting: ${list}`;
}

const dotsOf = (voting: WorkshopVoting, userId: string) => voting.ballots[userId] ?? [];

/**
 * The round as one participant is sent it: a secret ballot. Their own dots under their own id; everyone
 * else's under a number that says nothing of who they are (so the count of people who voted still shows),
 * and with no dots at all while a round whose tallies show only at the end is open. The facilitator's tab
 * gets the ballots as they are: it writes the tallies to the map when the round closes.
 */
export function votingSeenBy(voting: WorkshopVoting, userId: string, facilitator: boolean): WorkshopVoting {
  if (facilitator) return voting;
  const hidden = voting.status === 'open' && !voting.showLive;
  const ballots: Record<string, readonly VoteDot[]> = {};
  let n = 0;
  for (const [who, dots] of Object.entries(voting.ballots)) {
    if (who === userId) ballots[who] = dots;
    else ballots[`someone-${++n}`] = hidden ? [] : dots;
  }
  return { ...voting, ballots };
}

const openRound = (state: WorkshopState) => {
  const voting = state.voting;
  if (!voting) return refused('no_voting');
  if (voting.status !== 'open') return refused('voting_closed');
  return voting;
};

export const votingActivity = defineActivity(
  [
    z.strictObject({
      type: z.literal('voting.start'),
      round: workshopText(120).optional(),
      kinds: z
        .array(kindSchema)
        .min(1, { message: 'choose at least one thing to vote on' })
        .max(votableKinds.length)
        .refine((k) => new Set(k).size === k.length, { message: 'choose each thing once' }),
      votesEach: z
        .number()
        .int({ message: 'expected a whole number of votes' })
        .min(1, { message: 'expected at least 1 vote each' })
        .max(MAX_VOTES_EACH, { message: `expected at most ${MAX_VOTES_EACH} votes each` }),
      showLive: z.boolean(),
    }),
    dotAction('voting.cast'),
    dotAction('voting.retract'),
    z.strictObject({ type: z.literal('voting.close') }),
    z.strictObject({ type: z.literal('voting.recorded') }),
    z.strictObject({ type: z.literal('voting.clear') }),
  ],
  (state, action, actor, now) => {
    switch (action.type) {
      case 'voting.cast':
      case 'voting.retract': {
        const refusal = notParticipant(state, actor, 'commenter');
        if (refusal)
          return refusal.code !== 'role_needed'
            ? refusal
            : refused('vote_needs_commenter', { role: actor.role });
        const voting = openRound(state);
        if ('ok' in voting) return voting;
        if (!voting.kinds.includes(action.kind)) return refused('not_in_vote', { kind: action.kind });
        const mine = dotsOf(voting, actor.user.id);
        let next: readonly VoteDot[];
        if (action.type === 'voting.cast') {
          if (mine.length >= voting.votesEach)
            return refused('no_votes_left', { votesEach: voting.votesEach });
          next = [...mine, { kind: action.kind, id: action.id }];
        } else {
          const at = mine.findIndex((d) => d.kind === action.kind && d.id === action.id);
          if (at < 0) return refused('no_vote_here');
          next = [...mine.slice(0, at), ...mine.slice(at + 1)];
        }
        const ballots = { ...voting.ballots };
        if (next.length > 0) ballots[actor.user.id] = next;
        else delete ballots[actor.user.id];
        return changed({ ...state, voting: { ...voting, ballots } });
      }
      case 'voting.start': {
        const refusal = notFacilitator(state, actor);
        if (refusal) return refusal;
        const current = state.voting;
        if (current?.status === 'open') return refused('voting_open');
        const voting: WorkshopVoting = {
          round: action.round ?? defaultRoundName(action.kinds),
          kinds: action.kinds,
          votesEach: action.votesEach,
          showLive: action.showLive,
          status: 'open',
          startedAt: now,
          ballots: {},
        };
        return changed({ ...state, voting });
      }
      case 'voting.close': {
        const refusal = notFacilitator(state, actor);
        if (refusal) return refusal;
        const voting = openRound(state);
        if ('ok' in voting) return voting;
        return changed({
          ...state,
          voting: { ...voting, status: 'closed', closedAt: now, closedBy: actor.connection },
        });
      }
      case 'voting.recorded': {
        const refusal = notFacilitator(state, actor);
        if (refusal) return refusal;
        const voting = state.voting;
        if (voting?.status !== 'closed') return refused('voting_not_closed');
        return changed({ ...state, voting: { ...voting, recordedAt: now } });
      }
      case 'voting.clear':
        return notFacilitator(state, actor) ?? changed({ ...state, voting: null });
    }
  },
);
