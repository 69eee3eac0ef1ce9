import { sampleJourney } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type Client, type TestApi } from './testing/test-api';

type ErrorBody = {
  error: { code: string; message: string; path: string | null };
  current?: { version: number };
};
const base = '/api/workspaces/w1/journeys';

describe('journeys', () => {
  let t: TestApi;
  let ed: Client;
  beforeEach(async () => {
    t = await createTestApi();
    await t.addUser('Ed', { ws: 'w1', role: 'owner' });
    ed = await t.signIn('Ed');
  });
  afterEach(() => t.close());
  const create = async (id = 'j1') => {
    const res = await ed.request('POST', base, { journey: sampleJourney(id) });
    expect(res.status).toBe(201);
  };
  const retitle = (baseVersion: number, title: string, id = 'j1') =>
    ed.request('POST', `${base}/${id}/commands`, {
      baseVersion,
      commands: [{ type: 'meta.update', patch: { title } }],
    });
  const count = async () => (await t.stores.journeys.listJourneys('w1' as never)).length;

  describe('bad input is refused with a code, a message and a path, and nothing is stored', () => {
    const cases: [string, () => Promise<Response>, number, string, string | null][] = [
      [
        'malformed JSON',
        () => ed.request('POST', base, '{"journey": ', { 'content-type': 'application/json' }),
        400,
        'invalid_json',
        null,
      ],
      [
        'not JSON at all',
        () => ed.request('POST', base, 'journey: x', { 'content-type': 'text/plain' }),
        415,
        'unsupported_media_type',
        null,
      ],
      [
        'an unknown field',
        () => ed.request('POST', base, { journey: sampleJourney('x'), extra: 1 }),
        400,
        'invalid_request',
        null,
      ],
      [
        'a wrong type in the journey',
        () => ed.request('POST', base, { journey: { ...sampleJourney('x'), columns: 'many' } }),
        422,
        'invalid_journey',
        'journey.columns',
      ],
      [
        'an unknown template',
        () => ed.request('POST', base, { template: 'nope' }),
        400,
        'invalid_request',
        'template',
      ],
      [
        'an oversized body',
        () =>
          ed.request('POST', base, { journey: { ...sampleJourney('x'), padding: 'x'.repeat(1_100_000) } }),
        413,
        'payload_too_large',
        null,
      ],
      [
        'a bad query parameter',
        () => ed.request('GET', `${base}?status=nonsense`),
        400,
        'invalid_request',
        'status',
      ],
    ];
    for (const [what, send, status, code, path] of cases) {
      it(`given ${what}, then ${status} ${code}`, async () => {
        const res = await send();
        const body = (await res.json()) as ErrorBody;
        expect([res.status, body.error.code]).toEqual([status, code]);
        expect(body.error.message.length).toBeGreaterThan(10);
        if (path !== null) expect(body.error.path).toBe(path);
        expect(await count()).toBe(0);
      });
    }

    it('given an invalid command, then 400 naming the command, and the version does not move', async () => {
      await create();
      const res = await ed.request('POST', `${base}/j1/commands`, {
        baseVersion: 1,
        commands: [{ type: 'meta.update', patch: { title: 'ok' } }, { type: 'step.fly' }],
      });
      const body = (await res.json()) as ErrorBody;
      expect([res.status, body.error.code, body.error.path?.startsWith('commands[1]')]).toEqual([
        400,
        'invalid_request',
        true,
      ]);
      expect((await t.stores.journeys.getJourney('w1' as never, 'j1' as never))?.version).toBe(1);
    });

    it('given a command the reducer refuses, then 422 naming it and nothing of the batch is applied', async () => {
      await create();
      const res = await ed.request('POST', `${base}/j1/commands`, {
        baseVersion: 1,
        commands: [
          { type: 'meta.update', patch: { title: 'first' } },
          { type: 'card.remove', id: 'no-such-card' },
        ],
      });
      const body = (await res.json()) as ErrorBody;
      expect(res.status).toBe(422);
      expect(body.error.path?.startsWith('commands[1]')).toBe(true);
      expect(body.error.message).toContain('command 2 (card.remove)');
      const stored = await t.stores.journeys.getJourney('w1' as never, 'j1' as never);
      expect([stored?.version, stored?.journey.meta.title]).toEqual([1, 'Journey j1']);
    });

    it('given unknown ids, then 404 with the kind of thing not found', async () => {
      const res = await ed.request('GET', `${base}/nope`);
      expect([res.status, ((await res.json()) as ErrorBody).error.code]).toEqual([404, 'journey_not_found']);
      const route = await ed.request('GET', '/api/nothing-here');
      expect([route.status, ((await route.json()) as ErrorBody).error.code]).toEqual([404, 'not_found']);
    });
  });

  it('given a journey, when commands arrive on a stale version, then 409 with the current version, never an overwrite', async () => {
    await create();
    expect((await retitle(1, 'Mine')).status).toBe(200);
    const stale = await retitle(1, 'Theirs');
    const body = (await stale.json()) as ErrorBody & {
      current: { version: number; journey: { meta: { title: string } } };
    };
    expect([stale.status, body.error.code, body.current.version, body.current.journey.meta.title]).toEqual([
      409,
      'version_conflict',
      2,
      'Mine',
    ]);
  });

  it('given several versions, then history says who did what, and restore brings an old version back as a new one', async () => {
    await create();
    await retitle(1, 'Second');
    await retitle(2, 'Third');
    const history = (await (await ed.request('GET', `${base}/j1/history`)).json()) as {
      items: { version: number; kind: string; by: { name: string } }[];
    };
    expect(history.items.map((h) => [h.version, h.kind, h.by.name])).toEqual([
      [1, 'create', 'Ed'],
      [2, 'commands', 'Ed'],
      [3, 'commands', 'Ed'],
    ]);
    const restored = await ed.request('POST', `${base}/j1/restore`, { version: 2 });
    const body = (await restored.json()) as { version: number; journey: { meta: { title: string } } };
    expect([body.version, body.journey.meta.title]).toEqual([4, 'Second']);
    const missing = await ed.request('POST', `${base}/j1/restore`, { version: 9 });
    expect([missing.status, ((await missing.json()) as ErrorBody).error.path]).toEqual([404, 'version']);
  });

  it('given edits with the reducer of @waymark/core, when an old version is restored, then it is rebuilt by replaying them', async () => {
    await create();
    const edit = await ed.request('POST', `${base}/j1/commands`, {
      baseVersion: 1,
      commands: [
        { type: 'card.update', id: 's1-step', patch: { text: 'Rings 101' } },
        { type: 'column.add', item: { id: 's4', label: 'Step 4' } },
      ],
    });
    const v2 = (await edit.json()) as {
      version: number;
      journey: { columns: unknown[]; cards: { id: string; text?: string }[] };
    };
    expect([
      v2.version,
      v2.journey.columns.length,
      v2.journey.cards.find((c) => c.id === 's1-step')?.text,
    ]).toEqual([2, 4, 'Rings 101']);
    await ed.request('POST', `${base}/j1/commands`, {
      baseVersion: 2,
      commands: [{ type: 'column.remove', id: 's4' }],
    });
    const restored = (await (
      await ed.request('POST', `${base}/j1/restore`, { version: 2 })
    ).json()) as typeof v2;
    expect([restored.version, restored.journey]).toEqual([4, v2.journey]);
  });

  it('given a whole new document on the current version, then it replaces the journey as a new version; on a stale one, 409', async () => {
    await create();
    const next = { ...sampleJourney('j1'), meta: { ...sampleJourney('j1').meta, title: 'From git' } };
    const res = await ed.request('PUT', `${base}/j1`, { baseVersion: 1, journey: next });
    expect((await res.json()) as { version: number; unchanged: boolean }).toMatchObject({
      version: 2,
      unchanged: false,
    });
    const same = await ed.request('PUT', `${base}/j1`, { baseVersion: 2, journey: next });
    expect((await same.json()) as { version: number; unchanged: boolean }).toMatchObject({
      version: 2,
      unchanged: true,
    });
    expect((await ed.request('PUT', `${base}/j1`, { baseVersion: 1, journey: next })).status).toBe(409);
    const wrongId = await ed.request('PUT', `${base}/j1`, {
      baseVersion: 2,
      journey: sampleJourney('other'),
    });
    expect([wrongId.status, ((await wrongId.json()) as ErrorBody).error.path]).toEqual([422, 'journey.id']);
  });

  it('given a current journey, when duplicated as desired, then the copy is a draft based on it', async () => {
    await create('housing');
    const res = await ed.request('POST', `${base}/housing/duplicate`, { journeyType: 'desired' });
    const body = (await res.json()) as {
      id: string;
      journey: { meta: { journeyType: string; basedOn: string; status: string } };
    };
    expect([
      res.status,
      body.id,
      body.journey.meta.journeyType,
      body.journey.meta.basedOn,
      body.journey.meta.status,
    ]).toEqual([201, 'housing-desired', 'desired', 'housing', 'draft']);
    const again = await ed.request('POST', `${base}/housing/duplicate`, { journeyType: 'desired' });
    expect(((await again.json()) as { id: string }).id).toBe('housing-desired-2');
    const taken = await ed.request('POST', `${base}/housing/duplicate`, { id: 'housing' });
    expect(taken.status).toBe(409);
  });

  it('given a deleted journey, then it is in the bin for 30 days and can be brought back, not after', async () => {
    await create('a');
    await create('b');
    expect((await ed.request('DELETE', `${base}/a`)).status).toBe(200);
    const live = (await (await ed.request('GET', base)).json()) as { items: { id: string }[] };
    const bin = (await (await ed.request('GET', `${base}?deleted=true`)).json()) as {
      items: { id: string }[];
    };
    expect([live.items.map((i) => i.id), bin.items.map((i) => i.id)]).toEqual([['b'], ['a']]);
    expect((await ed.request('POST', `${base}/a/undelete`)).status).toBe(200);
    await ed.request('DELETE', `${base}/b`);
    t.caps.advance(31 * 86_400_000);
    const late = await (await t.signIn('Ed')).request('POST', `${base}/b/undelete`);
    expect([late.status, ((await late.json()) as ErrorBody).error.code]).toEqual([410, 'undelete_expired']);
  });

  it('given journeys, when listed with a search and filters, then only matches', async () => {
    await ed.request('POST', base, { journey: sampleJourney('repairs', { title: 'Housing repairs' }) });
    await ed.request('POST', base, {
      journey: sampleJourney('asb', { title: 'Reporting ASB', journeyType: 'desired' }),
    });
    const ids = async (query: string) =>
      ((await (await ed.request('GET', `${base}?${query}`)).json()) as { items: { id: string }[] }).items.map(
        (i) => i.id,
      );
    expect(await ids('q=repair')).toEqual(['repairs']);
    expect(await ids('type=desired')).toEqual(['asb']);
    expect(await ids('owner=Customer%20services')).toEqual(['repairs', 'asb']);
  });

  it('given a template, when created without an id, then the id comes from the title and does not collide', async () => {
    const first = await ed.request('POST', base, { template: 'blank-desired', title: 'Report a Pothole!' });
    const second = await ed.request('POST', base, { template: 'blank-desired', title: 'Report a Pothole!' });
    expect([
      ((await first.json()) as { id: string }).id,
      ((await second.json()) as { id: string }).id,
    ]).toEqual(['report-a-pothole', 'report-a-pothole-2']);
  });
});
