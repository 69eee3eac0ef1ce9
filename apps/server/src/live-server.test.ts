import { liveCloseCodes, openLiveSocket } from '@waymark/api';
import { applyCommand, type JourneyCommand, type JourneyId } from '@waymark/core';
import { sampleJourney, type UserId, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

const ws = 'ws1' as WorkspaceId;

type Fixture = LiveTestServer;

/** The test API on a real HTTP server with the live route wired exactly as the server does (startLive). */
const liveServer = () =>
  startLiveTestServer({
    Ann: { ws: 'ws1', role: 'owner' },
    Bob: { ws: 'ws1', role: 'editor' },
    Cat: { ws: 'ws1', role: 'viewer' },
    Dan: { ws: 'ws2', role: 'owner' },
  });

let f: Fixture;
let jid: JourneyId;
let journeys = 0;
beforeAll(async () => {
  f = await liveServer();
});
afterAll(() => f.close());
beforeEach(async () => {
  jid = `j${++journeys}` as JourneyId;
  await f.storeJourney(sampleJourney(jid), 'u-ann');
});

let clients = 0;
const open = (
  who: string,
  options: { path?: string; since?: number; origin?: string; client?: string } = {},
) =>
  openLiveSocket(
    `ws://${f.base}${options.path ?? `/api/workspaces/${ws}/journeys/${jid}/live`}?client=${options.client ?? `tab-${who}-${++clients}`}${options.since ? `&since=${options.since}` : ''}`,
    { ...(f.cookies[who] ? { cookie: f.cookies[who] } : {}), origin: options.origin ?? `http://${f.base}` },
  );
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: { status?: number; body?: string }) => `${e.status} ${JSON.parse(e.body ?? '{}').error?.code}`,
  );
const retext = (id: string, text: string): JourneyCommand => ({
  type: 'card.update',
  id: id as never,
  patch: { text },
});

describe('the live route', () => {
  it('given an owner, an editor and a viewer on one map, when the owner edits, then all three see it with the new version and only the owner gets the acknowledgement', async () => {
    const [ann, bob, cat] = await Promise.all([open('Ann'), open('Bob'), open('Cat')]);
    for (const s of [ann, bob, cat]) {
      const welcome = await s.next('welcome');
      expect(welcome.version).toBe(1);
      expect(welcome.journey?.id).toBe(jid);
    }
    ann.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 1,
      commands: [retext('s1-step', 'Fills in the form')],
    });
    const seen = await Promise.all([ann, bob, cat].map((s) => s.next('applied')));
    expect(seen.map((m) => [m.version, m.by?.name, m.clientSeq])).toEqual([
      [2, 'Ann', 1],
      [2, 'Ann', undefined],
      [2, 'Ann', undefined],
    ]);
    expect(seen[1]!.commands).toEqual([retext('s1-step', 'Fills in the form')]);
    const history = await f.api.stores.journeys.history(ws, jid);
    expect(history.map((v) => [v.version, v.by?.name, v.detail])).toEqual([
      [1, 'Ann', null],
      [2, 'Ann', { client: expect.stringMatching(/^u-ann\/tab-Ann-/), seq: 1 }],
    ]);
  });

  it('given two editors editing different things from the same version, then neither is refused: the server orders them and both see both', async () => {
    const [ann, bob] = await Promise.all([open('Ann'), open('Bob')]);
    await Promise.all([ann.next('welcome'), bob.next('welcome')]);
    ann.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'From Ann')] });
    bob.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s2-step', 'From Bob')] });
    for (const s of [ann, bob]) {
      const two = [await s.next('applied'), await s.next('applied')];
      expect(two.map((m) => m.version)).toEqual([2, 3]);
    }
    expect(
      ann.messages.some((m) => m.type === 'rejected') || bob.messages.some((m) => m.type === 'rejected'),
    ).toBe(false);
    const stored = await f.api.stores.journeys.getJourney(ws, jid);
    const text = (id: string) => stored!.journey.cards.find((c) => c.id === id) as { text: string };
    expect([stored!.version, text('s1-step').text, text('s2-step').text]).toEqual([
      3,
      'From Ann',
      'From Bob',
    ]);
  });

  it("given a step deleted by one editor, when another sends an edit of a card in it, then that edit is refused with the reducer's reason and path, and nothing is stored for it", async () => {
    const [ann, bob] = await Promise.all([open('Ann'), open('Bob')]);
    await Promise.all([ann.next('welcome'), bob.next('welcome')]);
    ann.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 1,
      commands: [{ type: 'column.remove', id: 's1' }],
    });
    await bob.next('applied');
    bob.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Too late')] });
    const rejected = await bob.next('rejected');
    expect(rejected).toMatchObject({ clientSeq: 1, code: expect.stringMatching(/not_found/) });
    expect(rejected.message).toMatch(/^your change was not saved: card.update was refused: .*s1-step/);
    expect((await f.api.stores.journeys.getJourney(ws, jid))!.version).toBe(2);
  });

  it('given a viewer, when they send a change, then it is refused as needing the editor role and nothing is stored', async () => {
    const cat = await open('Cat');
    await cat.next('welcome');
    cat.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Viewer edit')] });
    const rejected = await cat.next('rejected');
    expect(rejected.code).toBe('forbidden');
    expect(rejected.message).toMatch(/needs the editor role; you are viewer/);
    expect((await f.api.stores.journeys.getJourney(ws, jid))!.version).toBe(1);
  });

  it('given callers who may not open the map, then the upgrade is refused like the REST route would: no session 401, another workspace 404, another site 403, a missing journey 404', async () => {
    expect(await refusal(open('Nobody'))).toBe('401 unauthenticated');
    expect(await refusal(open('Dan'))).toBe('404 workspace_not_found');
    expect(await refusal(open('Ann', { origin: 'https://evil.example' }))).toBe('403 csrf_failed');
    expect(await refusal(open('Ann', { path: `/api/workspaces/${ws}/journeys/nope/live` }))).toBe(
      '404 journey_not_found',
    );
    expect(await refusal(open('Ann', { client: 'x' }))).toBe('400 invalid_request');
    // Dan's own workspace has no such journey either: the workspace in the path decides, not the journey id.
    expect(await refusal(open('Dan', { path: `/api/workspaces/ws2/journeys/${jid}/live` }))).toBe(
      '404 journey_not_found',
    );
  });

  it('given a REST edit of the map, then the live participants see it too', async () => {
    const bob = await open('Bob');
    await bob.next('welcome');
    const rest = await f.api.signIn('Ann');
    const res = await rest.request('POST', `/api/workspaces/${ws}/journeys/${jid}/commands`, {
      baseVersion: 1,
      commands: [retext('s3-step', 'Typed in the REST client')],
    });
    expect(res.status).toBe(200);
    const applied = await bob.next('applied');
    expect([applied.version, applied.by?.name, applied.commands]).toEqual([
      2,
      'Ann',
      [retext('s3-step', 'Typed in the REST client')],
    ]);
  });

  it('given a tab that reconnects with the version it had, then the welcome carries only what it missed, its own acknowledged submits marked, and a resent submit is not applied twice', async () => {
    const ann = await open('Ann', { client: 'tab-ann-fixed' });
    await ann.next('welcome');
    ann.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Once')] });
    await ann.next('applied');
    ann.close();
    await ann.closed;
    const bob = await open('Bob');
    await bob.next('welcome');
    bob.send({ type: 'submit', clientSeq: 1, baseVersion: 2, commands: [retext('s2-step', 'Meanwhile')] });
    await bob.next('applied');
    const again = await open('Ann', { client: 'tab-ann-fixed', since: 1 });
    const welcome = await again.next('welcome');
    expect(welcome.journey).toBeUndefined();
    expect(welcome.missed?.map((m) => [m.version, m.by?.name, m.clientSeq])).toEqual([
      [2, 'Ann', 1],
      [3, 'Bob', undefined],
    ]);
    again.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Once')] });
    again.send({ type: 'submit', clientSeq: 2, baseVersion: 3, commands: [retext('s3-step', 'Twice?')] });
    expect(await again.next('duplicate')).toEqual({ type: 'duplicate', clientSeq: 1 });
    expect((await again.next('applied')).clientSeq).toBe(2);
    expect((await f.api.stores.journeys.history(ws, jid)).length).toBe(4);
  });

  it('given a message that is not of the protocol, then the socket says so in words and is closed', async () => {
    const ann = await open('Ann');
    await ann.next('welcome');
    ann.send({ type: 'submit', clientSeq: 0, baseVersion: 1, commands: [] });
    const error = await ann.next('error');
    expect(error.message).toMatch(/^a message from your browser was not understood \(clientSeq: /);
    expect((await ann.closed).code).toBe(liveCloseCodes.badMessage);
  });

  it('given two people on the map, then each sees both in the presence list with names, colours and where they are', async () => {
    const [ann, bob] = await Promise.all([open('Ann'), open('Bob')]);
    await Promise.all([ann.next('welcome'), bob.next('welcome')]);
    bob.send({ type: 'presence', focus: { cardId: 's2-step' }, typing: true });
    const seen = await ann.next('presence', (m) => m.participants.some((p) => p.typing));
    const byName = Object.fromEntries(seen.participants.map((p) => [p.user.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['Ann', 'Bob']);
    expect(byName['Bob']).toMatchObject({ focus: { cardId: 's2-step' }, typing: true, role: 'editor' });
    expect(byName['Ann']!.colour).toMatch(/^#[0-9a-f]{6}$/);
    bob.close();
    const after = await ann.next('presence', (m) => m.participants.length === 1);
    expect(after.participants[0]!.user.name).toBe('Ann');
  });

  it('given a tab more than 500 versions behind whose change was stored but never acknowledged, when it comes back, then the welcome says that change is stored, so it is not sent again', async () => {
    const client = `tab-far-${++clients}`;
    const ann = await open('Ann', { client });
    await ann.next('welcome');
    ann.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Ann was here')] });
    await ann.next('applied');
    ann.close();
    const bob = await open('Bob');
    await bob.next('welcome');
    for (let i = 1; i <= 505; i++)
      bob.send({ type: 'submit', clientSeq: i, baseVersion: 2, commands: [retext('s2-step', `Bob ${i}`)] });
    await bob.next('applied', (m) => m.clientSeq === 505, 120_000);
    bob.close();
    // Ann's tab thinks it is at version 1 with its change 1 unconfirmed (the acknowledgement was lost).
    const back = await open('Ann', { client, since: 1 });
    const welcome = await back.next('welcome');
    expect(welcome.version).toBe(507);
    expect(welcome.missed).toBeUndefined();
    expect(welcome.acked).toEqual([1]);
    back.close();
  }, 180_000);

  it('given a restore of an earlier version through REST, then live participants get it as an ordinary edit whose commands bring the document back', async () => {
    const ann = await open('Ann');
    await ann.next('welcome');
    ann.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Changed')] });
    const first = await ann.next('applied');
    const changed = first.commands.reduce((j, c) => {
      const r = applyCommand(j, c);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.journey;
    }, sampleJourney(jid));
    const rest = await f.api.signIn('Ann');
    const res = await rest.request('POST', `/api/workspaces/${ws}/journeys/${jid}/restore`, { version: 1 });
    expect(res.status).toBe(200);
    const restored = await ann.next('applied');
    expect(restored.version).toBe(3);
    const after = restored.commands.reduce((j, c) => {
      const r = applyCommand(j, c);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.journey;
    }, changed);
    expect(after).toEqual(sampleJourney(jid));
  });

  it('given a whole document pushed through REST (a file kept in git), then live participants get the whole document', async () => {
    const ann = await open('Ann');
    await ann.next('welcome');
    const pushed = sampleJourney(jid, { title: 'Pushed from git' });
    const rest = await f.api.signIn('Ann');
    const res = await rest.request('PUT', `/api/workspaces/${ws}/journeys/${jid}`, {
      baseVersion: 1,
      journey: pushed,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const replaced = await ann.next('replaced');
    expect(replaced.version).toBe(2);
    expect(replaced.journey.meta.title).toBe('Pushed from git');
  });

  it('given a member removed or signed out during the workshop, when they next send a change, then it is refused in words and their socket is closed', async () => {
    await f.api.addUser('Eve', { ws: 'ws1', role: 'editor' });
    await f.api.addUser('Fay', { ws: 'ws1', role: 'editor' });
    await f.signIn('Eve');
    await f.signIn('Fay');
    const [eve, fay] = await Promise.all([open('Eve'), open('Fay')]);
    await Promise.all([eve.next('welcome'), fay.next('welcome')]);
    expect((await f.api.stores.accounts.removeMember(ws, 'u-eve' as UserId)).ok).toBe(true);
    eve.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 1,
      commands: [retext('s1-step', 'After removal')],
    });
    expect((await eve.next('rejected')).message).toMatch(/no longer a member of this workspace/);
    expect((await eve.closed).code).toBe(liveCloseCodes.gone);
    const out = await f.api.app.request('/api/auth/sign-out', {
      method: 'POST',
      headers: { cookie: f.cookies['Fay']!, 'x-csrf-token': f.csrf['Fay']! },
    });
    expect(out.status).toBeLessThan(300);
    fay.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 1,
      commands: [retext('s1-step', 'After sign-out')],
    });
    expect((await fay.next('rejected')).message).toMatch(/your session has ended: sign in again/);
    expect((await fay.closed).code).toBe(liveCloseCodes.unauthenticated);
    expect((await f.api.stores.journeys.getJourney(ws, jid))!.version).toBe(1);
  });

  it('given someone else using my tab id, then their edits are not taken for mine, and presence does not show tab ids', async () => {
    const ann = await open('Ann', { client: 'tab-shared-id' });
    const bob = await open('Bob', { client: 'tab-shared-id' });
    await Promise.all([ann.next('welcome'), bob.next('welcome')]);
    bob.send({ type: 'submit', clientSeq: 1, baseVersion: 1, commands: [retext('s1-step', 'Bob, not Ann')] });
    expect((await bob.next('applied')).clientSeq).toBe(1);
    const seenByAnn = await ann.next('applied');
    expect([seenByAnn.by?.name, seenByAnn.clientSeq]).toEqual(['Bob', undefined]);
    const presence = await ann.next('presence', (m) => m.participants.length === 2);
    for (const p of presence.participants) expect(p.connection).not.toContain('tab-shared-id');
  });
});
