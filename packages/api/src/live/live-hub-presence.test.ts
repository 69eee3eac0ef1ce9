import { applyCommand, type JourneyId } from '@waymark/core';
import { sampleJourney, type UserId, type WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiDeps } from '../deps';
import { createTestApi, type TestApi } from '../testing/test-api';
import { createLiveHub, PRESENCE_CHANNEL, type LiveBus, type LiveClient } from './live-hub';
import type { Participant, ServerMessage } from './protocol';

/**
 * Presence between two server processes (decision 0013), each a hub on one database. The bus here is the one
 * part that is not PostgreSQL's: it holds every NOTIFY until the test delivers it, in the order the test
 * chooses, because two NOTIFYs sent on two pooled connections commit in whichever order their transactions
 * finish, and a loaded machine does finish them out of order.
 */
function heldBus() {
  const handlers = new Map<string, ((payload: string | null) => void)[]>();
  const held: { channel: string; payload: string }[] = [];
  const bus: LiveBus = {
    shared: true,
    schema: 'public',
    listen: async (channel, handler) => {
      handlers.set(channel, [...(handlers.get(channel) ?? []), handler]);
      return async () => undefined;
    },
    notify: async (channel, payload) => void held.push({ channel, payload }),
  };
  const deliver = (notices: { channel: string; payload: string }[]) => {
    for (const { channel, payload } of notices) for (const h of handlers.get(channel) ?? []) h(payload);
  };
  /** Every presence notice sent so far, taken out of the queue. */
  const takePresence = () => {
    const taken = held.filter((n) => n.channel === PRESENCE_CHANNEL);
    held.splice(0, held.length, ...held.filter((n) => n.channel !== PRESENCE_CHANNEL));
    return taken;
  };
  return { bus, deliver, takePresence };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

describe('presence across processes when notices arrive out of order', () => {
  let t: TestApi;
  const ws = 'ws1' as WorkspaceId;
  const jid = 'presence-order' as JourneyId;

  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ann', { ws, role: 'owner' });
    await t.addUser('Bob', { ws, role: 'editor' });
    const made = await t.stores.journeys.createJourney({
      workspaceId: ws,
      journey: sampleJourney(jid),
      kind: 'create',
      commands: [],
      by: 'u-ann' as UserId,
      at: t.caps.clock().toISOString(),
    });
    expect(made.ok).toBe(true);
  });
  afterEach(() => t.close());

  function participantOn(name: string, inbox: ServerMessage[]): LiveClient {
    return {
      connection: `c-${name}`,
      clientId: `tab-${name}`,
      user: { id: `u-${name.toLowerCase()}` as UserId, name },
      transport: {
        send: (text) => void inbox.push(JSON.parse(text) as ServerMessage),
        close: () => undefined,
      },
      reauthorise: async () => 'editor',
    };
  }

  it("given Bob's focus sent after an older notice of his, when the older one arrives last, then Ann still sees Bob's focus; and Bob gone stays gone whatever arrives after", async () => {
    const deps = {
      journeys: t.stores.journeys,
      workshops: t.stores.workshops,
      applyCommand,
      clock: t.caps.clock,
    } as unknown as ApiDeps;
    const { bus, deliver, takePresence } = heldBus();
    const onA = createLiveHub(deps, bus, 'process-a');
    const onB = createLiveHub(deps, bus, 'process-b');
    await onA.start();
    await onB.start();
    const annInbox: ServerMessage[] = [];
    const bobInbox: ServerMessage[] = [];
    const ann = participantOn('Ann', annInbox);
    const bob = participantOn('Bob', bobInbox);
    await onA.join(ann, ws, jid, 'owner');
    await onB.join(bob, ws, jid, 'editor');
    await settle();
    // Bob joins (no focus), then moves to a step: two notices from process B, in that order.
    await onB.receive(bob, ws, jid, { type: 'presence', focus: { columnId: 's2' }, typing: false });
    await settle();
    const fromB = takePresence().filter((n) => JSON.parse(n.payload).p === 'process-b');
    expect(fromB.map((n) => (JSON.parse(n.payload) as { list: Participant[] }).list[0]?.focus)).toEqual([
      null,
      { columnId: 's2' },
    ]);
    // They arrive at process A newest first.
    deliver([...fromB].reverse());
    await settle();
    const lastSeen = () => {
      const all = annInbox.filter((m) => m.type === 'presence');
      return (all.at(-1) as Extract<ServerMessage, { type: 'presence' }>).participants;
    };
    expect(lastSeen().map((p) => [p.user.name, p.focus])).toEqual([
      ['Ann', null],
      ['Bob', { columnId: 's2' }],
    ]);

    // Bob leaves; a notice from before he left arrives after the one saying so.
    await onB.receive(bob, ws, jid, { type: 'presence', focus: { columnId: 's3' }, typing: true });
    await settle();
    onB.leave(bob, ws, jid);
    await settle();
    deliver([...takePresence()].reverse());
    await settle();
    expect(lastSeen().map((p) => p.user.name)).toEqual(['Ann']);
    await onA.close();
    await onB.close();
  });
});
