import type { WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

/**
 * Comment threads over REST (decision 0018): replies, mentions of members by id, resolve and reopen on the
 * thread, and each person's things to look at.
 */
const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/journeys';

interface CommentBody {
  id: string;
  parentId: string | null;
  body: string;
  target: { cardId?: string };
  mentions: { id: string; name: string }[];
  resolvedAt: string | null;
  resolvedBy: { name: string } | null;
}
interface Thing {
  journeyId: string;
  threadId: string;
  reason: string;
  latest: { commentId: string; author: { name: string } };
  unread: boolean;
  unreadCount: number;
  resolved: boolean;
}

describe('comment threads over REST', () => {
  let t: TestApi;
  let ann: Client;
  let bob: Client;
  let vi: Client;
  beforeEach(async () => {
    // Given: Ann owns w1 (journeys j1, j2), Bob comments on it, Vi views it, Otto owns w2.
    t = await createTestApi();
    await t.addUser('Ann', { ws, role: 'owner' });
    await t.addUser('Bob', { ws, role: 'commenter' });
    await t.addUser('Vi', { ws, role: 'viewer' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    for (const id of ['j1', 'j2']) {
      await seedJourney(t, ws, id);
    }
    ann = await t.signIn('Ann');
    bob = await t.signIn('Bob');
    vi = await t.signIn('Vi');
  });
  afterEach(() => t.close());

  const post = async (client: Client, path: string, body: unknown, status = 201) => {
    const res = await client.request('POST', path, body);
    expect(res.status, await res.clone().text()).toBe(status);
    return res.status === 204 ? null : ((await res.json()) as CommentBody);
  };
  const things = async (client: Client) => {
    const res = await client.request('GET', '/api/workspaces/w1/things-to-look-at');
    expect(res.status).toBe(200);
    return ((await res.json()) as { items: Thing[] }).items;
  };
  const errorOf = async (res: Response) => [
    res.status,
    ((await res.json()) as { error: { code: string; path: string | null } }).error,
  ];
  const later = () => t.caps.advance(60_000);

  it('given Ann mentions Bob, when he opens it and replies, then his list goes from unread to seen and Ann sees his reply', async () => {
    const c1 = (await post(ann, `${base}/j1/comments`, {
      target: { cardId: 's1-step' },
      body: '@Bob is this step right?',
      mentions: ['u-bob'],
    }))!;
    expect(c1.mentions).toEqual([{ id: 'u-bob', name: 'Bob' }]);
    const [mention] = await things(bob);
    expect([mention?.reason, mention?.threadId, mention?.unread, mention?.latest.author.name]).toEqual([
      'mention',
      c1.id,
      true,
      'Ann',
    ]);
    later();
    await post(bob, `${base}/j1/comments/${c1.id}/seen`, undefined, 204);
    expect((await things(bob)).map((x) => x.unread)).toEqual([false]);
    later();
    const reply = (await post(bob, `${base}/j1/comments/${c1.id}/replies`, { body: 'Yes, checked.' }))!;
    expect([reply.parentId, reply.target]).toEqual([c1.id, { cardId: 's1-step' }]);
    const [forAnn] = await things(ann);
    expect([forAnn?.reason, forAnn?.latest.commentId, forAnn?.unread]).toEqual(['reply', reply.id, true]);
    const list = (await (await vi.request('GET', `${base}/j1/comments`)).json()) as { items: CommentBody[] };
    expect(list.items.map((c) => [c.id, c.parentId])).toEqual([
      [c1.id, null],
      [reply.id, c1.id],
    ]);
  });

  it('given a mention of someone outside the workspace or unknown, then 422 mention_not_member naming the item, and nothing is written', async () => {
    const first = await ann.request('POST', `${base}/j1/comments`, {
      target: { cardId: 's1-step' },
      body: 'hello',
      mentions: ['u-bob', 'u-otto'],
    });
    expect(await errorOf(first)).toEqual([
      422,
      expect.objectContaining({ code: 'mention_not_member', path: 'mentions[1]' }),
    ]);
    const c1 = (await post(ann, `${base}/j1/comments`, { target: { cardId: 's1-step' }, body: 'x' }))!;
    const reply = await bob.request('POST', `${base}/j1/comments/${c1.id}/replies`, {
      body: 'see @Nobody',
      mentions: ['u-nobody'],
    });
    expect(await errorOf(reply)).toEqual([
      422,
      expect.objectContaining({ code: 'mention_not_member', path: 'mentions[0]' }),
    ]);
    const empty = await bob.request('POST', `${base}/j1/comments/${c1.id}/replies`, { body: '   ' });
    expect(await errorOf(empty)).toEqual([400, expect.objectContaining({ path: 'body' })]);
    const list = (await (await ann.request('GET', `${base}/j1/comments`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(1);
    expect(await things(bob)).toEqual([]);
  });

  it('given a thread, when a reply names a comment of another journey, then 404 comment_not_found; a viewer may not reply', async () => {
    const c1 = (await post(ann, `${base}/j1/comments`, { target: { cardId: 's1-step' }, body: 'x' }))!;
    const wrong = await bob.request('POST', `${base}/j2/comments/${c1.id}/replies`, { body: 'y' });
    expect(await errorOf(wrong)).toEqual([404, expect.objectContaining({ code: 'comment_not_found' })]);
    const viewer = await vi.request('POST', `${base}/j1/comments/${c1.id}/replies`, { body: 'y' });
    expect(await errorOf(viewer)).toEqual([403, expect.objectContaining({ code: 'forbidden' })]);
  });

  it('given a thread with a reply, when Bob resolves it through the reply and Ann reopens it, then the thread holds the state', async () => {
    const c1 = (await post(ann, `${base}/j1/comments`, { target: { cardId: 's1-step' }, body: 'x' }))!;
    const r1 = (await post(bob, `${base}/j1/comments/${c1.id}/replies`, { body: 'y' }))!;
    const resolved = await bob.request('PATCH', `${base}/j1/comments/${r1.id}`, { resolved: true });
    const root = (await resolved.json()) as CommentBody;
    expect([root.id, root.resolvedBy?.name]).toEqual([c1.id, 'Bob']);
    expect((await things(ann)).map((x) => x.resolved)).toEqual([true]);
    const reopened = await ann.request('PATCH', `${base}/j1/comments/${c1.id}`, { resolved: false });
    expect(((await reopened.json()) as CommentBody).resolvedAt).toBeNull();
  });

  it('given a guest commenter on the map, then they may reply in a thread', async () => {
    const c1 = (await post(ann, `${base}/j1/comments`, { target: { cardId: 's1-step' }, body: 'x' }))!;
    const link = (await (
      await ann.request('POST', `${base}/j1/guest-links`, { role: 'commenter' })
    ).json()) as {
      token: string;
    };
    const joined = await t.app.request(`/api/guest-links/${link.token}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Gina', organisation: 'Borough Council' }),
    });
    const cookie = /waymark_guest=([^;]+)/.exec(joined.headers.get('set-cookie') ?? '')?.[1];
    const { csrfToken } = (await joined.json()) as { csrfToken: string };
    const gina = clientWith(t.app, { cookie: `waymark_guest=${cookie}`, 'x-csrf-token': csrfToken });
    const reply = (await post(gina, `${base}/j1/comments/${c1.id}/replies`, { body: 'From outside: yes.' }))!;
    expect(reply.parentId).toBe(c1.id);
    expect((await things(ann)).map((x) => x.latest.commentId)).toEqual([reply.id]);
  });
});
