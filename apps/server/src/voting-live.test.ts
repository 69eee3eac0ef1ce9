import { type TestApi, type WorkshopAction, type WorkshopVoting } from '@waymark/api';
import { applyCommand, type Journey, type JourneyCommand, type JourneyId } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

/**
 * Dot-voting over the live route (decision 0014, "Dot-voting"), wired as the server wires it: who may vote,
 * the limit per person, and the closed round written to the map as one command everyone receives.
 */
const ws = 'ws1' as WorkspaceId;
const WAIT = 30_000;
let f: LiveTestServer;
let api: TestApi;

beforeAll(async () => {
  f = await startLiveTestServer({
    Ann: { ws: 'ws1', role: 'owner' },
    Bob: { ws: 'ws1', role: 'editor' },
    Dee: { ws: 'ws1', role: 'commenter' },
    Cat: { ws: 'ws1', role: 'viewer' },
    Dan: { ws: 'ws2', role: 'owner' },
  });
  ({ api } = f);
}, 120_000);
afterAll(() => f.close());

/** The sample journey with a pain-point lane and two pain points. */
function withPainPoints(id: string): Journey {
  const r = applyCommand(sampleJourney(id), {
    type: 'batch',
    commands: [
      { type: 'lane.add', item: { id: 'pain', kind: 'pain-point', label: 'Pain points' } },
      {
        type: 'card.add',
        item: {
          id: 'p1',
          kind: 'pain-point',
          laneId: 'pain',
          columnId: 's1',
          text: 'Had to phone three times',
        },
      },
      {
        type: 'card.add',
        item: { id: 'p2', kind: 'pain-point', laneId: 'pain', columnId: 's2', text: 'Letter never came' },
      },
    ],
  } as unknown as JourneyCommand);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.journey;
}

let jid: JourneyId;
let journeys = 0;
beforeEach(async () => {
  jid = `v${++journeys}` as JourneyId;
  await f.storeJourney(withPainPoints(jid), 'u-ann');
});

const open = async (who: string, journey: string = jid, workspace: string = ws) => {
  const socket = await f.openLive(who, journey, workspace);
  const welcome = await socket.next('welcome', undefined, WAIT);
  return Object.assign(socket, { welcome });
};
type Tab = Awaited<ReturnType<typeof open>>;
const act = (s: Tab, action: unknown) => s.send({ type: 'workshop', action: action as WorkshopAction });
const votingAt = (s: Tab, revision: number) =>
  s.next('workshop', (m) => m.state.revision >= revision, WAIT).then((m) => m.state.voting as WorkshopVoting);
const refusal = (s: Tab) => s.next('workshop-refused', undefined, WAIT);
const cast = (id: string) => ({ type: 'voting.cast', kind: 'pain-point', id });

describe('dot-voting over the live route', () => {
  it('given a round of 2 votes each, then commenters and owners vote within their limit, a viewer is refused, and the closed round is written to the map as one command everyone receives', async () => {
    const [bob, ann, dee, cat] = [await open('Bob'), await open('Ann'), await open('Dee'), await open('Cat')];
    act(bob, { type: 'workshop.start' });
    act(bob, { type: 'voting.start', kinds: ['pain-point'], votesEach: 2, showLive: true });
    expect(await votingAt(cat, 2)).toMatchObject({ status: 'open', votesEach: 2, ballots: {} });

    act(dee, cast('p1'));
    act(dee, cast('p1'));
    await votingAt(dee, 4);
    act(dee, cast('p2'));
    expect(await refusal(dee)).toMatchObject({
      code: 'no_votes_left',
      values: { votesEach: 2 },
    });
    act(cat, cast('p2'));
    const viewer = await refusal(cat);
    expect(viewer).toMatchObject({ code: 'vote_needs_commenter', values: { role: 'viewer' } });
    act(ann, cast('p2'));
    const afterAnn = await votingAt(bob, 5);
    expect(afterAnn.ballots).toEqual({
      'u-dee': [
        { kind: 'pain-point', id: 'p1' },
        { kind: 'pain-point', id: 'p1' },
      ],
      'u-ann': [{ kind: 'pain-point', id: 'p2' }],
    });
    // Only the facilitator closes it.
    act(dee, { type: 'voting.close' });
    expect((await refusal(dee)).code).toBe('not_facilitator');
    expect((await api.stores.workshops.get(ws, jid))!.revision).toBe(5);

    act(bob, { type: 'voting.close' });
    const closed = await votingAt(ann, 6);
    expect(closed).toMatchObject({ status: 'closed', closedBy: bob.welcome.you.connection });

    // The closing tab writes the tallies (as the browser's voting bar does) through the normal submit.
    const record = {
      type: 'votes.record',
      round: closed.round,
      kinds: ['pain-point'],
      cards: [
        { id: 'p1', votes: 2 },
        { id: 'p2', votes: 1 },
      ],
      ideas: [],
    };
    bob.send({ type: 'submit', clientSeq: 1, baseVersion: bob.welcome.version, commands: [record] });
    const seen = await dee.next('applied', undefined, WAIT);
    expect(seen.commands).toEqual([record]);
    expect(seen.by).toMatchObject({ name: 'Bob' });
    act(bob, { type: 'voting.recorded' });
    expect((await votingAt(cat, 7)).recordedAt).toEqual(expect.any(Number));

    const stored = await api.stores.journeys.getJourney(ws, jid);
    const votes = Object.fromEntries(
      stored!.journey.cards.filter((c) => c.kind === 'pain-point').map((c) => [c.id, c.votes]),
    );
    expect(votes).toEqual({ p1: 2, p2: 1 });
    const history = await api.stores.journeys.history(ws, jid);
    expect(history.at(-1)!.commands).toEqual([record]);
    for (const s of [bob, ann, dee, cat]) s.close();
  }, 120_000);

  it('given a round whose tallies show only at the end, then each participant is sent only their own dots while it is open, never who voted for what, and the facilitator every ballot', async () => {
    const [bob, ann, dee] = [await open('Bob'), await open('Ann'), await open('Dee')];
    act(bob, { type: 'workshop.start' });
    act(bob, { type: 'voting.start', kinds: ['pain-point'], votesEach: 2, showLive: false });
    await votingAt(dee, 2);
    act(dee, cast('p1'));
    await votingAt(dee, 3);
    act(ann, cast('p2'));
    const seenByDee = await votingAt(dee, 4);
    expect(seenByDee.ballots).toEqual({ 'u-dee': [{ kind: 'pain-point', id: 'p1' }], 'someone-1': [] });
    const seenByAnn = await votingAt(ann, 4);
    expect(seenByAnn.ballots).toEqual({ 'someone-1': [], 'u-ann': [{ kind: 'pain-point', id: 'p2' }] });
    expect((await votingAt(bob, 4)).ballots).toEqual({
      'u-dee': [{ kind: 'pain-point', id: 'p1' }],
      'u-ann': [{ kind: 'pain-point', id: 'p2' }],
    });
    // Closed: the dots are shown (the tallies), still under no one's name.
    act(bob, { type: 'voting.close' });
    expect((await votingAt(dee, 5)).ballots).toEqual({
      'u-dee': [{ kind: 'pain-point', id: 'p1' }],
      'someone-1': [{ kind: 'pain-point', id: 'p2' }],
    });
    // A tab joining later is welcomed with the same secret view.
    const late = await open('Dee');
    expect(JSON.stringify(late.welcome)).not.toContain('u-ann');
    for (const s of [bob, ann, dee, late]) s.close();
  }, 120_000);

  it('given a viewer, then a votes.record submit is refused like any edit and nothing is stored', async () => {
    const cat = await open('Cat');
    cat.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: cat.welcome.version,
      commands: [
        {
          type: 'votes.record',
          round: 'Mine',
          kinds: ['pain-point'],
          cards: [{ id: 'p1', votes: 99 }],
          ideas: [],
        },
      ],
    });
    expect(await cat.next('rejected', undefined, WAIT)).toMatchObject({ clientSeq: 1 });
    const stored = await api.stores.journeys.getJourney(ws, jid);
    expect(stored!.version).toBe(1);
    cat.close();
  }, 60_000);

  it('given another workspace’s owner, then they cannot open the map’s live route, so cannot vote or see the votes', async () => {
    const bob = await open('Bob');
    act(bob, { type: 'workshop.start' });
    act(bob, { type: 'voting.start', kinds: ['pain-point'], votesEach: 3, showLive: true });
    await votingAt(bob, 2);
    await expect(open('Dan')).rejects.toMatchObject({ status: 404 });
    await expect(open('Dan', jid, 'ws2')).rejects.toMatchObject({ status: 404 });
    expect((await api.stores.workshops.get(ws, jid))!.revision).toBe(2);
    bob.close();
  }, 60_000);
});
