import { type TestApi } from '@waymark/api';
import { applyCommand, restoreCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveTestServer, type LiveTestServer } from './testing/live-test-server';

/**
 * A restore is an ordinary edit on the live route (decision 0013, "History and restore"): one made by the
 * REST route reaches every open tab as applied commands, not a replaced document; one a tab submits is stored
 * like any edit and the history says which version it brought back.
 */
const WAIT = 30_000;
let f: LiveTestServer;
let api: TestApi;
let cookies: Record<string, string>;
let csrf: Record<string, string>;

beforeAll(async () => {
  f = await startLiveTestServer({ Ann: { ws: 'ws1', role: 'owner' }, Bob: { ws: 'ws1', role: 'editor' } });
  ({ api, cookies, csrf } = f);
}, 120_000);
afterAll(() => f.close());

const rest = async <T>(who: string, method: string, path: string, body?: unknown): Promise<T> => {
  const res = await api.app.request(`/api/workspaces/ws1/journeys/${path}`, {
    method,
    headers: { cookie: cookies[who]!, 'x-csrf-token': csrf[who]!, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};
type Stored = { version: number; journey: Journey };
const open = async (who: string, journey: string) => {
  const socket = await f.openLive(who, journey);
  const welcome = await socket.next('welcome', undefined, WAIT);
  return Object.assign(socket, { welcome });
};
/** A journey at version 2 (a card's words changed) and 3 (a step added). */
async function journeyWithLaterWork(id: string) {
  await f.storeJourney(sampleJourney(id), 'u-ann');
  const v2 = await rest<Stored>('Ann', 'POST', `${id}/commands`, {
    baseVersion: 1,
    commands: [{ type: 'card.update', id: 's1-step', patch: { text: 'Rings the council' } }],
  });
  const v3 = await rest<Stored>('Ann', 'POST', `${id}/commands`, {
    baseVersion: 2,
    commands: [{ type: 'column.add', item: { id: 's9', label: 'Waits for a letter' } }],
  });
  return { v2, v3 };
}

describe('restore on the live route', () => {
  it('given a tab open on the map, when an owner restores by the REST route, then the tab gets the restore as commands that make its map the restored one', async () => {
    const { v2, v3 } = await journeyWithLaterWork('rj1');
    const bob = await open('Bob', 'rj1');
    expect(bob.welcome.version).toBe(3);
    const restored = await rest<Stored>('Ann', 'POST', 'rj1/restore', { version: 2 });
    const applied = await bob.next('applied', (m) => m.version === restored.version, WAIT);
    expect(applied.commands.map((c) => [c.type, c.type === 'batch' ? c.label : null])).toEqual([
      ['batch', 'Restored the map as it was at version 2'],
    ]);
    let seen = v3.journey;
    for (const c of applied.commands) {
      const r = applyCommand(seen, c as JourneyCommand);
      if (!r.ok) throw new Error(r.error.message);
      seen = r.value.journey;
    }
    expect(seen).toEqual(v2.journey);
    expect(bob.messages.some((m) => m.type === 'replaced')).toBe(false);
    bob.close();
  }, 60_000);

  it('given a tab that submits a restore, then it is stored as the next version and the history says which version it brought back', async () => {
    const { v2, v3 } = await journeyWithLaterWork('rj2');
    const ann = await open('Ann', 'rj2');
    const bob = await open('Bob', 'rj2');
    ann.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: 3,
      commands: [restoreCommand(v3.journey, v2.journey, 2)],
    });
    const own = await ann.next('applied', (m) => m.clientSeq === 1, WAIT);
    const theirs = await bob.next('applied', (m) => m.version === own.version, WAIT);
    expect([own.version, theirs.commands]).toEqual([4, own.commands]);
    const current = await rest<Stored>('Ann', 'GET', 'rj2');
    expect(current.journey).toEqual(v2.journey);
    const history = await rest<{ items: { version: number; detail: Record<string, unknown> | null }[] }>(
      'Bob',
      'GET',
      'rj2/history?after=3',
    );
    expect(history.items.map((h) => [h.version, h.detail?.['restoredFrom']])).toEqual([[4, 2]]);
    ann.close();
    bob.close();
  }, 60_000);
});
