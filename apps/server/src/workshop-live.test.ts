import { type Client, type TestApi, type WorkshopAction } from '@waymark/api';
import { type JourneyCommand, type JourneyId } from '@waymark/core';
import { sampleJourney, type UserId, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

/**
 * Workshop facilitation over the live route (decision 0014), wired as the server wires it: who may change the
 * workshop, that every tab hears it, and the structure lock on both the live and the REST path.
 */
const ws = 'ws1' as WorkspaceId;
let f: LiveTestServer;
let api: TestApi;
let cookies: Record<string, string>;
const rest: Record<string, Client> = {};

beforeAll(async () => {
  f = await startLiveTestServer({
    Ann: { ws: 'ws1', role: 'owner' },
    Bob: { ws: 'ws1', role: 'editor' },
    Eve: { ws: 'ws1', role: 'editor' },
    Cat: { ws: 'ws1', role: 'viewer' },
    Dan: { ws: 'ws2', role: 'owner' },
    Gil: { ws: 'ws1', role: 'commenter' },
    Hal: { ws: 'ws1', role: 'editor' },
  });
  ({ api, cookies } = f);
  for (const name of Object.keys(cookies)) rest[name] = await api.signIn(name);
});
afterAll(() => f.close());

let jid: JourneyId;
let journeys = 0;
beforeEach(async () => {
  jid = `w${++journeys}` as JourneyId;
  await f.storeJourney(sampleJourney(jid), 'u-ann');
});

const open = async (who: string, journey: string = jid, workspace: string = ws) => {
  const socket = await f.openLive(who, journey, workspace);
  const welcome = await socket.next('welcome');
  return Object.assign(socket, { welcome });
};
const act = (s: { send(m: unknown): void }, action: WorkshopAction) => s.send({ type: 'workshop', action });
const addStep: JourneyCommand = {
  type: 'column.add',
  item: { id: 's9', label: 'Step 9' },
} as unknown as JourneyCommand;
const addCard: JourneyCommand = {
  type: 'card.add',
  item: { id: 'new-card', kind: 'step', laneId: 'steps', columnId: 's1', text: 'Waits for a letter' },
} as unknown as JourneyCommand;

describe('workshop over the live route', () => {
  it('given a map with no workshop, then the welcome carries the empty workshop and the server clock; when an editor starts one, then every tab on the map (viewers too) gets the new state', async () => {
    const [bob, ann, cat] = [await open('Bob'), await open('Ann'), await open('Cat')];
    expect(bob.welcome.workshop).toMatchObject({ revision: 0, facilitator: null, structureLocked: false });
    expect(typeof bob.welcome.now).toBe('number');
    act(bob, { type: 'workshop.start' });
    for (const s of [bob, ann, cat]) {
      const m = await s.next('workshop');
      expect(m.state).toMatchObject({ revision: 1, facilitator: { id: 'u-bob', name: 'Bob' } });
      expect(m.now).toBe(api.caps.clock().getTime());
    }
    act(bob, { type: 'timer.start', label: 'Pain points', minutes: 5 });
    const timed = await cat.next('workshop', (m) => m.state.revision === 2);
    expect(timed.state.timer).toEqual({
      label: 'Pain points',
      startedAt: timed.now,
      endsAt: timed.now + 300_000,
    });
    // A tab that arrives later is told the workshop in its welcome.
    const late = await open('Eve');
    expect(late.welcome.workshop).toMatchObject({ revision: 2, timer: { label: 'Pain points' } });
    for (const s of [bob, ann, cat, late]) s.close();
  });

  it('given Bob facilitating, when a viewer, another editor or the owner (without taking over) change it, then each is refused in words and nobody else hears of it; the owner can take over', async () => {
    const [bob, ann, eve, cat] = [await open('Bob'), await open('Ann'), await open('Eve'), await open('Cat')];
    act(bob, { type: 'workshop.start' });
    await cat.next('workshop');
    act(cat, { type: 'lock.set', locked: true });
    // The code and values are what the tab says it with; the English stays for logs and older tabs.
    expect(await cat.next('workshop-refused')).toMatchObject({
      code: 'not_facilitator',
      values: { facilitator: 'Bob' },
      message: expect.stringContaining('Only the facilitator, Bob'),
    });
    act(cat, { type: 'workshop.start' });
    expect(await cat.next('workshop-refused')).toMatchObject({
      code: 'run_needs_editor',
      values: { role: 'viewer' },
    });
    act(eve, { type: 'timer.start', label: 'Mine', minutes: 1 });
    expect((await eve.next('workshop-refused')).code).toBe('not_facilitator');
    act(eve, { type: 'workshop.takeOver' });
    expect((await eve.next('workshop-refused')).code).toBe('take_over_needs_owner');
    act(ann, { type: 'follow.start', view: { mode: 'map' } });
    expect((await ann.next('workshop-refused')).code).toBe('not_facilitator');
    expect((await api.stores.workshops.get(ws, jid))!.revision).toBe(1);
    expect(bob.messages.filter((m) => m.type === 'workshop')).toHaveLength(1);

    act(ann, { type: 'workshop.takeOver' });
    const taken = await bob.next('workshop', (m) => m.state.revision === 2);
    expect(taken.state.facilitator).toEqual({ id: 'u-ann', name: 'Ann' });
    act(bob, { type: 'lock.set', locked: true });
    expect(await bob.next('workshop-refused')).toMatchObject({
      code: 'not_facilitator',
      values: { facilitator: 'Ann' },
    });
    for (const s of [bob, ann, eve, cat]) s.close();
  });

  it('given another workspace’s owner, then they cannot open the map’s live route at all, so cannot see or change its workshop', async () => {
    await expect(open('Dan')).rejects.toMatchObject({ status: 404 });
    await expect(open('Dan', jid, 'ws2')).rejects.toMatchObject({ status: 404 });
  });

  it('given the structure locked by Bob, then Eve’s new step is refused on the live route in plain words while her card is stored; Bob can still change steps; unlocked, Eve can', async () => {
    const [bob, eve] = [await open('Bob'), await open('Eve')];
    act(bob, { type: 'workshop.start' });
    act(bob, { type: 'lock.set', locked: true });
    await eve.next('workshop', (m) => m.state.structureLocked);

    eve.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [addStep] });
    const refused = await eve.next('rejected');
    expect(refused).toMatchObject({ clientSeq: 1, code: 'structure_locked' });
    expect(refused.message).toBe(
      'The facilitator has locked the steps, stages and lanes for this exercise, so that change was not saved. You can still add and change cards.',
    );
    // A batch that hides a lane change among card edits is refused too.
    eve.send({
      type: 'submit',
      clientSeq: 2,
      baseVersion: 1,
      commands: [{ type: 'batch', commands: [addCard, { type: 'lane.remove', id: 'contacts' }] }],
    });
    expect((await eve.next('rejected')).code).toBe('structure_locked');
    eve.send({ type: 'submit', clientSeq: 3, baseVersion: 1, commands: [addCard] });
    expect(await eve.next('applied')).toMatchObject({ version: 2, clientSeq: 3 });

    bob.send({ type: 'submit', clientSeq: 1, baseVersion: 2, commands: [addStep] });
    expect(await bob.next('applied', (m) => m.clientSeq === 1)).toMatchObject({ version: 3 });

    act(bob, { type: 'lock.set', locked: false });
    await eve.next('workshop', (m) => !m.state.structureLocked);
    eve.send({
      type: 'submit',
      clientSeq: 4,
      baseVersion: 3,
      commands: [{ type: 'column.remove', id: 's9' }],
    });
    expect(await eve.next('applied', (m) => m.clientSeq === 4)).toMatchObject({ version: 4 });
    const stored = await api.stores.journeys.getJourney(ws, jid);
    expect(stored!.journey.columns.map((c) => c.id)).toEqual(['s1', 's2', 's3']);
    expect(stored!.journey.cards.some((c) => c.id === 'new-card')).toBe(true);
    bob.close();
    eve.close();
  });

  it('given the structure locked, then the REST commands route refuses a participant’s step change (422 structure_locked) but stores their card and the facilitator’s step', async () => {
    const bob = await open('Bob');
    act(bob, { type: 'workshop.start' });
    act(bob, { type: 'lock.set', locked: true });
    await bob.next('workshop', (m) => m.state.structureLocked);
    const path = `/api/workspaces/${ws}/journeys/${jid}/commands`;
    const refused = await rest['Ann']!.request('POST', path, { baseVersion: 1, commands: [addStep] });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('structure_locked');
    expect(body.error.message).toContain('The facilitator has locked the steps, stages and lanes');
    const card = await rest['Ann']!.request('POST', path, { baseVersion: 1, commands: [addCard] });
    expect(card.status).toBe(200);
    const step = await rest['Bob']!.request('POST', path, { baseVersion: 2, commands: [addStep] });
    expect(step.status).toBe(200);
    expect(((await step.json()) as { version: number }).version).toBe(3);
    bob.close();
  });

  it('given a commenter, then they cannot start a workshop; given the facilitator removed from the workspace mid-workshop, then their next action is refused in words, their socket closed, and the workshop left as it was', async () => {
    const gil = await open('Gil');
    act(gil, { type: 'workshop.start' });
    expect(await gil.next('workshop-refused')).toMatchObject({
      code: 'run_needs_editor',
      values: { role: 'commenter' },
    });
    const [hal, ann] = [await open('Hal'), await open('Ann')];
    act(hal, { type: 'workshop.start' });
    await ann.next('workshop', (m) => m.state.facilitator?.name === 'Hal');
    expect((await api.stores.accounts.removeMember(ws, 'u-hal' as UserId)).ok).toBe(true);
    act(hal, { type: 'lock.set', locked: true });
    expect((await hal.next('workshop-refused')).code).toBe('workspace_not_found');
    expect((await hal.closed).code).toBe(4404);
    const stored = await api.stores.workshops.get(ws, jid);
    expect(stored).toMatchObject({ revision: 1, state: { structureLocked: false } });
    // The owner takes the workshop over from the person who left.
    act(ann, { type: 'workshop.takeOver' });
    expect((await ann.next('workshop', (m) => m.state.revision === 2)).state.facilitator?.name).toBe('Ann');
    gil.close();
    ann.close();
  });
});
