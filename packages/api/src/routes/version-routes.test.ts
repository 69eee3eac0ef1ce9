import { applyCommand, restoreCommand, type Journey } from '@waymark/core';
import { sampleJourney } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from '../testing/test-api';

const base = '/api/workspaces/w1/journeys/j1';
type Stored = { version: number; journey: Journey; unchanged?: boolean };
type History = {
  items: {
    version: number;
    kind: string;
    by: { name: string } | null;
    commands: { type: string; label?: string }[];
    detail: Record<string, unknown> | null;
  }[];
  latest: number;
};

describe('history and restore at a moment', () => {
  let t: TestApi;
  let ed: Client;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    ed = await t.signIn('Ed');
    expect(
      (await ed.request('POST', '/api/workspaces/w1/journeys', { journey: sampleJourney('j1') })).status,
    ).toBe(201);
  });
  afterEach(() => t.close());

  const edit = async (baseVersion: number, ...commands: object[]): Promise<Stored> => {
    const res = await ed.request('POST', `${base}/commands`, { baseVersion, commands });
    expect(res.status).toBe(200);
    return (await res.json()) as Stored;
  };
  const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
  /** v2: a card's words changed; v3: a step added; v4: a card removed. */
  const threeEdits = async () => {
    const v2 = await edit(1, { type: 'card.update', id: 's1-step', patch: { text: 'Rings the council' } });
    const v3 = await edit(2, { type: 'column.add', item: { id: 's4', label: 'Waits for a letter' } });
    const v4 = await edit(3, { type: 'card.remove', id: 's2-call' });
    return { v2, v3, v4 };
  };

  it('given later work, when version 2 is restored, then it is a new ordinary edit, later versions stay, and restoring the version before it brings the work back', async () => {
    const { v2, v4 } = await threeEdits();
    const restored = await json<Stored>(ed.request('POST', `${base}/restore`, { version: 2 }));
    expect([restored.version, restored.unchanged]).toEqual([5, false]);
    expect(restored.journey).toEqual(v2.journey);

    const history = await json<History>(ed.request('GET', `${base}/history`));
    expect(history.items.map((h) => h.version)).toEqual([1, 2, 3, 4, 5]);
    const entry = history.items[4]!;
    expect([entry.kind, entry.by?.name, entry.detail]).toEqual(['commands', 'Ed', { restoredFrom: 2 }]);
    expect(entry.commands.map((c) => [c.type, c.label])).toEqual([
      ['batch', 'Restored the map as it was at version 2'],
    ]);

    const back = await json<Stored>(ed.request('POST', `${base}/restore`, { version: 4 }));
    expect([back.version, back.journey]).toEqual([6, v4.journey]);
    expect(back.journey.columns.map((c) => c.id)).toContain('s4');
  });

  it('given the map already as it was, when restored, then nothing is stored', async () => {
    const { v4 } = await threeEdits();
    const same = await json<Stored>(ed.request('POST', `${base}/restore`, { version: 4 }));
    expect([same.version, same.unchanged]).toEqual([4, true]);
    expect((await json<History>(ed.request('GET', `${base}/history`))).latest).toBe(v4.version);
  });

  it('given a restore sent by the editor as an ordinary edit, then the history shows it as a restore of its version', async () => {
    const { v2, v4 } = await threeEdits();
    const restore = restoreCommand(v4.journey, v2.journey, 2)!;
    const stored = await edit(4, restore);
    expect(stored.journey).toEqual(v2.journey);
    const history = await json<History>(ed.request('GET', `${base}/history?after=4`));
    expect(history.items.map((h) => [h.version, h.detail?.['restoredFrom']])).toEqual([[5, 2]]);
    // Undo is its inverse, another ordinary edit: the later work is back.
    const applied = applyCommand(v4.journey, restore);
    if (!applied.ok) throw new Error(applied.error.message);
    const undone = await edit(5, applied.value.inverse);
    expect([undone.version, undone.journey]).toEqual([6, v4.journey]);
  });

  it('given a long history, then it pages from the newest back with before and limit, and forwards with after', async () => {
    let version = 1;
    for (let i = 0; i < 12; i++)
      version = (await edit(version, { type: 'meta.update', patch: { title: `Title ${i}` } })).version;
    const newest = await json<History>(ed.request('GET', `${base}/history?before=${version + 1}&limit=5`));
    expect([newest.items.map((h) => h.version), newest.latest]).toEqual([[9, 10, 11, 12, 13], 13]);
    const older = await json<History>(ed.request('GET', `${base}/history?before=9&limit=5`));
    expect(older.items.map((h) => h.version)).toEqual([4, 5, 6, 7, 8]);
    const oldest = await json<History>(ed.request('GET', `${base}/history?before=4&limit=5`));
    expect(oldest.items.map((h) => h.version)).toEqual([1, 2, 3]);
    expect((await json<History>(ed.request('GET', `${base}/history?before=1`))).items).toEqual([]);
    const beyond = await json<History>(ed.request('GET', `${base}/history?before=999999&limit=2`));
    expect(beyond.items.map((h) => h.version)).toEqual([12, 13]);
    const after = await json<History>(ed.request('GET', `${base}/history?after=10&limit=2`));
    expect(after.items.map((h) => h.version)).toEqual([11, 12]);
    const both = await ed.request('GET', `${base}/history?after=1&before=5`);
    expect(both.status).toBe(400);
    expect((await ed.request('GET', `${base}/history?limit=501`)).status).toBe(400);
  });

  it('given a version number, then its document is rebuilt; one that does not exist is a 404 naming the range', async () => {
    const { v3 } = await threeEdits();
    const at3 = await json<Stored>(ed.request('GET', `${base}/versions/3`));
    expect(at3).toEqual({ version: 3, journey: v3.journey });
    for (const bad of ['5', '0', 'abc', '1e3']) {
      const res = await ed.request('GET', `${base}/versions/${bad}`);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, body.error.code, body.error.message]).toEqual([
        404,
        'version_not_found',
        'version: expected a version from 1 to 4',
      ]);
    }
  });

  describe('who may restore', () => {
    beforeEach(async () => {
      await threeEdits();
      await t.addUser('Vi', { ws: 'w1', role: 'viewer' });
      await t.addUser('Cam', { ws: 'w1', role: 'commenter' });
      await t.addUser('Ann', { ws: 'w1', role: 'editor' });
      await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    });

    it('given a viewer or a commenter, then restoring is refused and nothing changes; they can still read the history and a version', async () => {
      for (const name of ['Vi', 'Cam']) {
        const them = await t.signIn(name);
        const res = await them.request('POST', `${base}/restore`, { version: 2 });
        expect(res.status, name).toBe(403);
        expect((await them.request('GET', `${base}/history`)).status).toBe(200);
        expect((await them.request('GET', `${base}/versions/2`)).status).toBe(200);
      }
      expect((await json<History>(ed.request('GET', `${base}/history`))).latest).toBe(4);
    });

    it('given someone of another workspace, then the journey, its history and its versions are not found', async () => {
      const otto = await t.signIn('Otto');
      for (const [method, path, body] of [
        ['POST', `${base}/restore`, { version: 2 }],
        ['GET', `${base}/history`, undefined],
        ['GET', `${base}/versions/2`, undefined],
      ] as const) {
        expect((await otto.request(method, path, body)).status, path).toBe(404);
      }
      expect((await json<History>(ed.request('GET', `${base}/history`))).latest).toBe(4);
    });

    it('given an editor, then the restore is stored under their name', async () => {
      const ann = await t.signIn('Ann');
      const res = await ann.request('POST', `${base}/restore`, { version: 1 });
      expect(res.status).toBe(200);
      const history = await json<History>(ed.request('GET', `${base}/history?after=4`));
      expect(history.items.map((h) => [h.by?.name, h.detail])).toEqual([['Ann', { restoredFrom: 1 }]]);
    });
  });
});
