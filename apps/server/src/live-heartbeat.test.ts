import { liveCloseCodes } from '@waymark/api';
import type { JourneyId } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

/**
 * The live route's heartbeat and a cell's presence (decision 0013, "Heartbeat" and "Presence of a cell"), wired
 * as the server wires it: a tab's `ping` is answered `pong` on its own socket only, whatever the role; a ping
 * with anything else in it is not understood; a focus naming a lane reaches the others as sent.
 */
let f: LiveTestServer;

beforeAll(async () => {
  f = await startLiveTestServer({
    Ann: { ws: 'ws1', role: 'owner' },
    Cat: { ws: 'ws1', role: 'viewer' },
    Dan: { ws: 'ws2', role: 'owner' },
  });
});
afterAll(() => f.close());

let jid: JourneyId;
let journeys = 0;
beforeEach(async () => {
  jid = `hb${++journeys}` as JourneyId;
  await f.storeJourney(sampleJourney(jid), 'u-ann');
});

const open = (who: string) => f.openLive(who, jid);

describe('the live heartbeat', () => {
  it('given a viewer and an owner on a map, when each sends ping, then each gets pong on its own socket only, and the socket stays open for more', async () => {
    const [ann, cat] = await Promise.all([open('Ann'), open('Cat')]);
    await Promise.all([ann.next('welcome'), cat.next('welcome')]);
    cat.send({ type: 'ping' });
    await cat.next('pong');
    ann.send({ type: 'ping' });
    await ann.next('pong');
    // Still live after the pongs: an edit of Ann's reaches Cat.
    ann.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 1,
      commands: [{ type: 'card.update', id: 's1-step' as never, patch: { text: 'After the ping' } }],
    });
    await cat.next('applied', (m) => m.version === 2);
    ann.send({ type: 'ping' });
    await ann.next('pong');
    // One pong each per ping, and none to the other tab.
    expect(cat.messages.filter((m) => m.type === 'pong')).toHaveLength(1);
    expect(ann.messages.filter((m) => m.type === 'pong')).toHaveLength(2);
    ann.close();
    cat.close();
  });

  it('given a ping with something else in it, then it is not understood: the tab is told in words and the socket closed', async () => {
    const ann = await open('Ann');
    await ann.next('welcome');
    ann.send({ type: 'ping', at: 1 });
    const error = await ann.next('error');
    expect(error.message).toMatch(/^a message from your browser was not understood/);
    expect((await ann.closed).code).toBe(liveCloseCodes.badMessage);
    expect(ann.messages.some((m) => m.type === 'pong')).toBe(false);
  });

  it('given someone of another workspace, then they cannot open the map to ping it', async () => {
    const refused = await open('Dan').then(
      () => 'opened',
      (e: { status?: number }) => e.status,
    );
    expect(refused).toBe(404);
  });
});

describe('presence of a cell', () => {
  it('given a viewer whose focus names a step and a lane, then the owner sees that cell as their focus; a lane id too long is not understood', async () => {
    const [ann, cat] = await Promise.all([open('Ann'), open('Cat')]);
    await Promise.all([ann.next('welcome'), cat.next('welcome')]);
    cat.send({ type: 'presence', focus: { columnId: 's2', laneId: 'contacts' }, typing: true });
    const seen = await ann.next('presence', (m) => m.participants.some((p) => p.typing));
    const catThere = seen.participants.find((p) => p.user.name === 'Cat');
    expect(catThere).toMatchObject({ focus: { columnId: 's2', laneId: 'contacts' }, typing: true });
    cat.send({ type: 'presence', focus: { columnId: 's2', laneId: 'x'.repeat(201) }, typing: false });
    expect((await cat.next('error')).message).toMatch(/focus\.laneId/);
    expect((await cat.closed).code).toBe(liveCloseCodes.badMessage);
    ann.close();
  });
});
