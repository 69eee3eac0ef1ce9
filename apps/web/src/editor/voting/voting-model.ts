import type { VoteDot, WorkshopVoting } from '@waymark/api';
import type { Journey, RecordVotesCommand, VotableKind } from '@waymark/core';
import { t, type MessageId } from '../../i18n';

/**
 * Dot-voting in the browser (decision 0014, "Dot-voting"): what a person may do and sees, from the round in
 * the workshop state. Pure; the server's reducer (packages/api/src/live/workshop-voting.ts) decides.
 */

const keyOf = (kind: VotableKind, id: string) => `${kind === 'idea' ? 'idea' : 'card'}:${id}`;

export const canVoteAs = (role: string | undefined): boolean =>
  role === 'commenter' || role === 'editor' || role === 'owner';

export const dotsOf = (voting: WorkshopVoting, userId: string): readonly VoteDot[] =>
  voting.ballots[userId] ?? [];

export const votesLeft = (voting: WorkshopVoting, userId: string): number =>
  Math.max(0, voting.votesEach - dotsOf(voting, userId).length);

/** How many of this person's dots are on one item. */
export const myDotsOn = (voting: WorkshopVoting, userId: string, kind: VotableKind, id: string): number =>
  dotsOf(voting, userId).filter((d) => d.kind === kind && d.id === id).length;

/** Every dot of everyone, counted per item (`card:<id>` or `idea:<id>`). */
export function tallyVotes(voting: WorkshopVoting): Map<string, number> {
  const out = new Map<string, number>();
  for (const dots of Object.values(voting.ballots))
    for (const d of dots) out.set(keyOf(d.kind, d.id), (out.get(keyOf(d.kind, d.id)) ?? 0) + 1);
  return out;
}

/**
 * The number shown on an item's badge: the running tally while a round that shows results live is open, the
 * final tally once it is closed (until written to the map), else the votes kept in the journey.
 */
export function shownVotes(
  voting: WorkshopVoting | null,
  kind: VotableKind,
  id: string,
  kept: number | undefined,
): number | undefined {
  const inRound = voting?.kinds.includes(kind);
  if (voting && inRound && voting.recordedAt === undefined && (voting.status === 'closed' || voting.showLive))
    return tallyVotes(voting).get(keyOf(kind, id)) ?? 0;
  if (voting?.status === 'open' && inRound) return undefined;
  return kept;
}

/**
 * The one edit that writes a closed round's tallies to the map: every item of the round's kinds that is still
 * on the map (a card deleted during the vote is left out), in the journey's order.
 */
export function recordVotesCommand(voting: WorkshopVoting, journey: Journey): RecordVotesCommand {
  const tally = tallyVotes(voting);
  const counted = <T extends { id: string }>(items: readonly T[], kind: (item: T) => VotableKind) =>
    items
      .filter((item) => voting.kinds.includes(kind(item)))
      .map((item) => ({ id: item.id, votes: tally.get(keyOf(kind(item), item.id)) ?? 0 }))
      .filter((t) => t.votes > 0);
  return {
    type: 'votes.record',
    round: voting.round,
    kinds: [...voting.kinds],
    cards: counted(journey.cards, (c) => c.kind as VotableKind) as RecordVotesCommand['cards'],
    ideas: counted(journey.ideas, () => 'idea') as RecordVotesCommand['ideas'],
  };
}

/** Whether the map holds exactly the tallies of `command` (every item of its kinds, none left over). */
export function holdsVotes(journey: Journey, command: RecordVotesCommand): boolean {
  const want = new Map<string, number>([
    ...command.cards.map((t) => [keyOf('pain-point', t.id), t.votes] as const),
    ...command.ideas.map((t) => [keyOf('idea', t.id), t.votes] as const),
  ]);
  const kinds = new Set<string>(command.kinds);
  const items = [
    ...journey.cards.filter((c) => kinds.has(c.kind)).map((c) => [keyOf('pain-point', c.id), c] as const),
    ...(kinds.has('idea') ? journey.ideas.map((i) => [keyOf('idea', i.id), i] as const) : []),
  ];
  return items.every(([key, item]) => (item as { votes?: number }).votes === want.get(key));
}

/** "3 of 5 votes left". */
export const votesLeftText = (left: number, each: number): string => t('voting.left', { left, each });

/** A thing people vote on, named in the chosen language: "pain point" / "pain points". */
export const votableKindName = (kind: VotableKind, many = false): string =>
  t(many ? kindIds[kind].many : kindIds[kind].one);
const kindIds = {
  'pain-point': { one: 'voting.kind.painPoint', many: 'voting.kind.painPoints' },
  'moment-of-truth': { one: 'voting.kind.momentOfTruth', many: 'voting.kind.momentsOfTruth' },
  idea: { one: 'voting.kind.idea', many: 'voting.kind.ideas' },
} as const satisfies Record<VotableKind, { one: MessageId; many: MessageId }>;

/** The vote button's name: "Vote for pain point: Had to phone three times, 2 of your votes here". */
export const voteButtonName = (kind: VotableKind, text: string, mine: number): string =>
  t('voting.voteFor', { kind: votableKindName(kind), text, mine });

/** The take-back button's name: "Take back a vote from pain point: Had to phone three times". */
export const retractButtonName = (kind: VotableKind, text: string): string =>
  t('voting.takeBackFrom', { kind: votableKindName(kind), text });

/** "1 vote", "4 votes". */
export const votesText = (n: number): string => t('voting.votes', { count: n });

export const isVotable = (kind: string): kind is VotableKind =>
  kind === 'pain-point' || kind === 'moment-of-truth' || kind === 'idea';
