import type { Role } from '@waymark/store';
import { describe, expect, it } from 'vitest';
import {
  applyWorkshopAction,
  emptyWorkshop,
  workshopActionSchema,
  type WorkshopAction,
  type WorkshopState,
} from './workshop';
import { defaultRoundName, votingSeenBy, type WorkshopVoting } from './workshop-voting';

const T = 1_800_000_000_000;
const actor = (name: string, role: Role) => ({
  user: { id: `u-${name.toLowerCase()}`, name },
  role,
  connection: `c-${name}`,
});
const ann = actor('Ann', 'owner');
const bob = actor('Bob', 'editor');
const cat = actor('Cat', 'viewer');
const dee = actor('Dee', 'commenter');
type Who = typeof bob;

function run(state: WorkshopState, action: unknown, who: Who = bob, now = T): WorkshopState {
  const parsed = workshopActionSchema.parse(action) as WorkshopAction;
  const result = applyWorkshopAction(state, parsed, who, now);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}
function refusal(state: WorkshopState, action: unknown, who: Who, now = T) {
  const result = applyWorkshopAction(state, workshopActionSchema.parse(action) as WorkshopAction, who, now);
  if (result.ok) throw new Error(`expected ${JSON.stringify(action)} by ${who.user.name} to be refused`);
  return result;
}
const votingOf = (s: WorkshopState) => s.voting as WorkshopVoting;
const cast = (id: string, kind = 'pain-point') => ({ type: 'voting.cast', kind, id });
const retract = (id: string, kind = 'pain-point') => ({ type: 'voting.retract', kind, id });
const start = (over: Record<string, unknown> = {}) => ({
  type: 'voting.start',
  kinds: ['pain-point', 'idea'],
  votesEach: 3,
  showLive: false,
  ...over,
});
/** Bob facilitates and has opened a round: 3 votes each on pain points and ideas. */
const open = (over: Record<string, unknown> = {}) =>
  run(run(emptyWorkshop, { type: 'workshop.start' }), start(over));

describe('dot-voting: starting a round', () => {
  it('given the facilitator, when they start a round, then it is open with no dots and a name from its kinds', () => {
    const v = votingOf(open());
    expect(v).toMatchObject({ status: 'open', votesEach: 3, showLive: false, ballots: {}, startedAt: T });
    expect(v.round).toBe('Dot-voting: pain points and ideas');
    expect(defaultRoundName(['pain-point', 'moment-of-truth', 'idea'])).toBe(
      'Dot-voting: pain points, moments of truth and ideas',
    );
  });

  it('given someone who is not the facilitator, when they start a round, then it is refused', () => {
    const state = run(emptyWorkshop, { type: 'workshop.start' });
    for (const who of [ann, dee, cat]) expect(refusal(state, start(), who).code).toBe('not_facilitator');
  });

  it('given no workshop, when a round is started, then it is refused', () => {
    expect(refusal(emptyWorkshop, start(), bob).code).toBe('no_workshop');
  });

  it('given a round already open, when another is started, then it is refused', () => {
    expect(refusal(open(), start(), bob).code).toBe('voting_open');
  });

  it.each([
    [{ votesEach: 0 }],
    [{ votesEach: 21 }],
    [{ votesEach: 2.5 }],
    [{ kinds: [] }],
    [{ kinds: ['step'] }],
    [{ kinds: ['idea', 'idea'] }],
  ])('given %j, then the action is not valid', (over) => {
    expect(workshopActionSchema.safeParse(start(over)).success).toBe(false);
  });
});

describe('dot-voting: casting dots', () => {
  it('given 3 votes each, when Dee casts 3 (two on one item), then the 4th is refused and Bob still has his own 3', () => {
    let s = open();
    s = run(s, cast('p1'), dee);
    s = run(s, cast('p1'), dee);
    s = run(s, cast('big-idea', 'idea'), dee);
    const r = refusal(s, cast('p2'), dee);
    expect(r).toMatchObject({ code: 'no_votes_left', values: { votesEach: 3 } });
    s = run(s, cast('p2'), bob);
    expect(votingOf(s).ballots).toEqual({
      'u-dee': [
        { kind: 'pain-point', id: 'p1' },
        { kind: 'pain-point', id: 'p1' },
        { kind: 'idea', id: 'big-idea' },
      ],
      'u-bob': [{ kind: 'pain-point', id: 'p2' }],
    });
  });

  it('given two tabs of one person, then they share that person’s votes', () => {
    const deeOtherTab = { ...dee, connection: 'c-Dee-2' };
    let s = open({ votesEach: 1 });
    s = run(s, cast('p1'), dee);
    expect(refusal(s, cast('p2'), deeOtherTab).code).toBe('no_votes_left');
  });

  it('given a dot taken back, then it can be placed elsewhere; taking back one that is not there is refused', () => {
    let s = open({ votesEach: 1 });
    s = run(s, cast('p1'), dee);
    s = run(s, retract('p1'), dee);
    expect(votingOf(s).ballots).toEqual({});
    expect(refusal(s, retract('p1'), dee).code).toBe('no_vote_here');
    s = run(s, cast('p2'), dee);
    expect(votingOf(s).ballots['u-dee']).toEqual([{ kind: 'pain-point', id: 'p2' }]);
  });

  it('given a viewer, when they vote, then it is refused naming their role; commenters, editors and owners can', () => {
    const r = refusal(open(), cast('p1'), cat);
    expect(r).toMatchObject({ code: 'vote_needs_commenter', values: { role: 'viewer' } });
    let s = open();
    for (const who of [dee, bob, ann]) s = run(s, cast('p1'), who);
    expect(Object.keys(votingOf(s).ballots)).toEqual(['u-dee', 'u-bob', 'u-ann']);
  });

  it('given a round on pain points, when someone votes for a moment of truth, then it is refused', () => {
    expect(refusal(open(), cast('m1', 'moment-of-truth'), dee)).toMatchObject({
      code: 'not_in_vote',
      values: { kind: 'moment-of-truth' },
    });
  });

  it('given no round, or a closed one, then votes are refused', () => {
    const workshop = run(emptyWorkshop, { type: 'workshop.start' });
    expect(refusal(workshop, cast('p1'), dee).code).toBe('no_voting');
    const closed = run(open(), { type: 'voting.close' });
    expect(refusal(closed, cast('p1'), dee).code).toBe('voting_closed');
    expect(refusal(closed, retract('p1'), dee).code).toBe('voting_closed');
  });
});

describe('dot-voting: closing and writing the results', () => {
  it('given an open round, when the facilitator closes it, then it is closed with the dots kept and the closing tab named', () => {
    let s = run(open(), cast('p1'), dee);
    s = run(s, { type: 'voting.close' }, bob, T + 60_000);
    expect(votingOf(s)).toMatchObject({ status: 'closed', closedAt: T + 60_000, closedBy: 'c-Bob' });
    expect(votingOf(s).ballots['u-dee']).toHaveLength(1);
    s = run(s, { type: 'voting.recorded' }, bob, T + 61_000);
    expect(votingOf(s).recordedAt).toBe(T + 61_000);
    expect(run(s, { type: 'voting.clear' }).voting).toBeNull();
  });

  it('given a participant, when they close, record or clear, then it is refused', () => {
    const s = open();
    for (const action of [{ type: 'voting.close' }, { type: 'voting.clear' }])
      expect(refusal(s, action, dee).code).toBe('not_facilitator');
    const closed = run(s, { type: 'voting.close' });
    expect(refusal(closed, { type: 'voting.recorded' }, ann).code).toBe('not_facilitator');
  });

  it('given a round still open, when results are said to be written, then it is refused', () => {
    expect(refusal(open(), { type: 'voting.recorded' }, bob).code).toBe('voting_not_closed');
  });

  it('given a closed round, then a new round can start and starts empty', () => {
    const s = run(run(run(open(), cast('p1'), dee), { type: 'voting.close' }), start({ kinds: ['idea'] }));
    expect(votingOf(s)).toMatchObject({ status: 'open', kinds: ['idea'], ballots: {} });
  });
});

describe('a secret ballot (votingSeenBy)', () => {
  const round = (over: Partial<WorkshopVoting>): WorkshopVoting => ({
    round: 'Dot-voting: pain points',
    kinds: ['pain-point'],
    votesEach: 3,
    showLive: false,
    status: 'open',
    startedAt: T,
    ballots: {
      'u-ann': [{ kind: 'pain-point', id: 'p1' }],
      'u-bob': [
        { kind: 'pain-point', id: 'p2' },
        { kind: 'pain-point', id: 'p2' },
      ],
    },
    ...over,
  });
  it('given an open round shown at the end, then a participant sees their own dots and only how many others voted', () => {
    expect(votingSeenBy(round({}), 'u-bob', false).ballots).toEqual({
      'someone-1': [],
      'u-bob': round({}).ballots['u-bob'],
    });
  });
  it('given a live or closed round, then others dots are shown under no name; the facilitator sees every ballot', () => {
    for (const over of [{ showLive: true }, { status: 'closed' as const }]) {
      const seen = votingSeenBy(round(over), 'u-dee', false);
      expect(Object.keys(seen.ballots)).toEqual(['someone-1', 'someone-2']);
      expect(Object.values(seen.ballots).flat()).toHaveLength(3);
    }
    expect(votingSeenBy(round({}), 'u-ann', true)).toEqual(round({}));
  });
});
