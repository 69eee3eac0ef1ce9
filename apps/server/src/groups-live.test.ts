import { type TestApi, type WorkshopAction, type WorkshopGroups } from '@waymark/api';
import type { JourneyId } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

/**
 * Group work over the live route (decision 0014, "Groups"), wired as the server wires it: the facilitator's
 * groups reach every tab, people choose when allowed, others are refused in words, and a copy's work merged
 * by REST reaches the live tabs on the main map like any edit.
 */
const ws = 'ws1' as WorkspaceId;
const WAIT = 30_000;
let f: LiveTestServer;
let api: TestApi;
let cookies: Record<string, string>;
let csrf: Record<string, string>;

beforeAll(async () => {
  f = await startLiveTestServer({
    Fay: { ws: 'ws1', role: 'owner' },
    Bob: { ws: 'ws1', role: 'editor' },
    Cat: { ws: 'ws1', role: 'viewer' },
    Dan: { ws: 'ws2', role: 'owner' },
  });
  ({ api, cookies, csrf } = f);
}, 120_000);
afterAll(() => f.close());

let jid: JourneyId;
let journeys = 0;
beforeEach(async () => {
  jid = `gr${++journeys}` as JourneyId;
  await f.storeJourney(sampleJourney(jid, { steps: 4 }), 'u-fay');
});

const open = async (who: string, journey: string = jid, workspace: string = ws) => {
  const socket = await f.openLive(who, journey, workspace);
  const welcome = await socket.next('welcome', undefined, WAIT);
  return Object.assign(socket, { welcome });
};
type Tab = Awaited<ReturnType<typeof open>>;
const act = (s: Tab, action: unknown) => s.send({ type: 'workshop', action: action as WorkshopAction });
const groupsAt = (s: Tab, revision: number) =>
  s
    .next('workshop', (m) => m.state.revision >= revision, WAIT)
    .then((m) => m.state.groups as WorkshopGroups | null);
const refusal = (s: Tab) => s.next('workshop-refused', undefined, WAIT);
const rest = (who: string, method: string, path: string, body?: unknown) =>
  api.app.request(`/api/workspaces/ws1/journeys${path}`, {
    method,
    headers: { cookie: cookies[who]!, 'x-csrf-token': csrf[who]!, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('group work over the live route', () => {
  it('given a facilitator, then their groups reach every tab, others are refused in words, and people choose when allowed', async () => {
    const [fay, bob, cat] = [await open('Fay'), await open('Bob'), await open('Cat')];
    act(fay, { type: 'workshop.start' });
    act(fay, {
      type: 'groups.add',
      name: 'Group 1',
      place: { kind: 'steps', fromColumnId: 's1', toColumnId: 's2' },
    });
    expect((await groupsAt(cat, 2))?.groups).toEqual([
      {
        id: 'g1',
        name: 'Group 1',
        place: { kind: 'steps', fromColumnId: 's1', toColumnId: 's2' },
        members: [],
      },
    ]);
    // An editor who is not the facilitator cannot add groups; nobody can join while the facilitator assigns.
    act(bob, {
      type: 'groups.add',
      name: 'Mine',
      place: { kind: 'steps', fromColumnId: 's3', toColumnId: 's3' },
    });
    expect(await refusal(bob)).toMatchObject({ code: 'not_facilitator', values: { facilitator: 'Fay' } });
    act(cat, { type: 'groups.join', groupId: 'g1' });
    expect((await refusal(cat)).code).toBe('groups_assigned');

    act(fay, { type: 'groups.choosing', allowed: true });
    await groupsAt(cat, 3);
    act(cat, { type: 'groups.join', groupId: 'g1' });
    expect((await groupsAt(fay, 4))?.groups[0]?.members).toEqual([{ id: 'u-cat', name: 'Cat' }]);
    expect((await api.stores.workshops.get(ws, jid))!.revision).toBe(4);

    act(fay, { type: 'groups.end' });
    expect(await groupsAt(bob, 5)).toBeNull();
    for (const s of [fay, bob, cat]) s.close();
  }, 120_000);

  it('given a copy group, when the facilitator merges its work by REST, then the live tabs on the main map receive it as one applied edit by the facilitator', async () => {
    const [fay, cat] = [await open('Fay'), await open('Cat')];
    const made = await rest('Fay', 'POST', `/${jid}/group-copies`, { group: 'Group 2' });
    expect(made.status).toBe(201);
    const copyId = ((await made.json()) as { id: string }).id;
    act(fay, { type: 'workshop.start' });
    act(fay, { type: 'groups.add', name: 'Group 2', place: { kind: 'copy', journeyId: copyId } });
    await groupsAt(cat, 2);

    // Bob works in the copy over its own live route.
    const bob = await open('Bob', copyId);
    const card = { id: 'b-1', kind: 'step', laneId: 'steps', columnId: 's3', text: 'Waits for a letter' };
    bob.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: bob.welcome.version,
      commands: [{ type: 'card.add', item: card }],
    });
    await bob.next('applied', undefined, WAIT);

    const merged = await rest('Fay', 'POST', `/${copyId}/group-merge`, {});
    expect(merged.status).toBe(200);
    const seen = await cat.next('applied', undefined, WAIT);
    expect(seen.by).toMatchObject({ name: 'Fay' });
    expect(seen.commands).toEqual([
      {
        type: 'batch',
        label: 'Group 2’s work merged',
        commands: [{ type: 'card.add', item: card }],
      },
    ]);
    act(fay, {
      type: 'groups.merged',
      groupId: 'g1',
      version: seen.version,
      applied: 1,
      skipped: 0,
    });
    expect((await groupsAt(cat, 3))?.groups[0]?.merged).toMatchObject({ version: seen.version, applied: 1 });
    const stored = await api.stores.journeys.getJourney(ws, jid);
    expect(stored!.journey.cards.some((c) => c.id === 'b-1')).toBe(true);
    for (const s of [fay, cat, bob]) s.close();
  }, 120_000);

  it('given another workspace’s owner, then they can neither open the map’s live route nor make or merge its copies', async () => {
    await expect(open('Dan')).rejects.toMatchObject({ status: 404 });
    const made = await api.app.request(`/api/workspaces/ws1/journeys/${jid}/group-copies`, {
      method: 'POST',
      headers: { cookie: cookies['Dan']!, 'x-csrf-token': csrf['Dan']!, 'content-type': 'application/json' },
      body: JSON.stringify({ group: 'Mine' }),
    });
    expect(made.status).toBe(404);
  }, 60_000);
});
