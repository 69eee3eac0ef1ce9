import type { WorkshopVoting } from '@waymark/api';
import { applyCommand, parseJourney, type Journey } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import {
  canVoteAs,
  holdsVotes,
  myDotsOn,
  recordVotesCommand,
  retractButtonName,
  shownVotes,
  tallyVotes,
  voteButtonName,
  votesLeft,
  votesLeftText,
} from './voting-model';

const journey = (): Journey => {
  const r = parseJourney({
    schemaVersion: 2,
    id: 'moving-home',
    meta: { title: 'Moving home', journeyType: 'current' },
    columns: [{ id: 'move', label: 'Moves home' }],
    lanes: [
      { id: 'pain', kind: 'pain-point', label: 'Pain points' },
      { id: 'mot', kind: 'moment-of-truth', label: 'Moments of truth' },
    ],
    cards: [
      { id: 'p1', kind: 'pain-point', laneId: 'pain', columnId: 'move', text: 'Had to phone three times' },
      { id: 'p2', kind: 'pain-point', laneId: 'pain', columnId: 'move', text: 'Bill to the old address' },
      { id: 'm1', kind: 'moment-of-truth', laneId: 'mot', columnId: 'move', text: 'First bill', votes: 3 },
    ],
    ideas: [{ id: 'one-form', title: 'One form for moving home' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

const round = (over: Partial<WorkshopVoting> = {}): WorkshopVoting => ({
  round: 'Dot-voting: pain points and ideas',
  kinds: ['pain-point', 'idea'],
  votesEach: 5,
  showLive: false,
  status: 'open',
  startedAt: 1,
  ballots: {
    'u-ann': [
      { kind: 'pain-point', id: 'p1' },
      { kind: 'pain-point', id: 'p1' },
      { kind: 'idea', id: 'one-form' },
    ],
    'u-bob': [
      { kind: 'pain-point', id: 'p1' },
      { kind: 'pain-point', id: 'gone' },
    ],
  },
  ...over,
});

describe('dot-voting in the browser', () => {
  it('counts each person’s votes left and their dots on one item', () => {
    const v = round();
    expect([votesLeft(v, 'u-ann'), votesLeft(v, 'u-bob'), votesLeft(v, 'u-new')]).toEqual([2, 3, 5]);
    expect(myDotsOn(v, 'u-ann', 'pain-point', 'p1')).toBe(2);
    expect(votesLeftText(2, 5)).toBe('2 of 5 votes left');
  });

  it('tallies everyone’s dots per item, cards and ideas apart', () => {
    expect([...tallyVotes(round()).entries()]).toEqual([
      ['card:p1', 3],
      ['idea:one-form', 1],
      ['card:gone', 1],
    ]);
  });

  it('shows tallies live only when chosen, the final tally once closed, else the votes kept on the map', () => {
    expect(shownVotes(round(), 'pain-point', 'p1', undefined)).toBeUndefined();
    expect(shownVotes(round({ showLive: true }), 'pain-point', 'p1', undefined)).toBe(3);
    expect(shownVotes(round({ status: 'closed' }), 'pain-point', 'p1', undefined)).toBe(3);
    expect(shownVotes(round({ status: 'closed', recordedAt: 2 }), 'pain-point', 'p1', 3)).toBe(3);
    // Moments of truth are not in this round: their kept votes stay on show.
    expect(shownVotes(round(), 'moment-of-truth', 'm1', 3)).toBe(3);
    expect(shownVotes(null, 'moment-of-truth', 'm1', 3)).toBe(3);
  });

  it('writes a closed round as one votes.record that applies, leaving out items no longer on the map', () => {
    const command = recordVotesCommand(round({ status: 'closed' }), journey());
    expect(command).toEqual({
      type: 'votes.record',
      round: 'Dot-voting: pain points and ideas',
      kinds: ['pain-point', 'idea'],
      cards: [{ id: 'p1', votes: 3 }],
      ideas: [{ id: 'one-form', votes: 1 }],
    });
    const r = applyCommand(journey(), command);
    expect(r.ok && r.value.journey.cards.map((c) => (c as { votes?: number }).votes)).toEqual([
      3,
      undefined,
      3,
    ]);
  });

  it('tells whether the map holds a round’s tallies: after the command yes, before it or after another edit no', () => {
    const command = recordVotesCommand(round({ status: 'closed' }), journey());
    expect(holdsVotes(journey(), command)).toBe(false);
    const r = applyCommand(journey(), command);
    if (!r.ok) throw new Error(r.error.message);
    expect(holdsVotes(r.value.journey, command)).toBe(true);
    const changed = applyCommand(r.value.journey, {
      type: 'card.update',
      id: 'p2' as never,
      patch: { votes: 1 },
    });
    expect(changed.ok && holdsVotes(changed.value.journey, command)).toBe(false);
  });

  it('names the buttons for screen readers with the kind, the words and the person’s own votes', () => {
    expect(voteButtonName('pain-point', 'Had to phone three times', 2)).toBe(
      'Vote for pain point: Had to phone three times, 2 of your votes here',
    );
    expect(retractButtonName('idea', 'One form')).toBe('Take back a vote from idea: One form');
  });

  it('lets commenters, editors and owners vote, not viewers', () => {
    expect(['viewer', 'commenter', 'editor', 'owner'].map(canVoteAs)).toEqual([false, true, true, true]);
  });
});
