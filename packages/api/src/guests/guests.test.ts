import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientWith, createTestApi, seedJourney, type Client, type TestApi } from '../testing/test-api';

/**
 * Guests from other organisations (decision 0015): a workshop link lets a named guest without an account reach
 * one map, and nothing else, until the link expires or they are removed.
 */
const ws = 'w1' as WorkspaceId;
const base = '/api/workspaces/w1/journeys';

describe('workshop guests over REST', () => {
  let t: TestApi;
  let owner: Client;
  beforeEach(async () => {
    // Given: Olive owns w1 (journeys j1, j2), Vi views it, Cam comments on it, Otto owns w2 (journey j9).
    t = await createTestApi();
    await t.addUser('Olive', { ws, role: 'owner' });
    await t.addUser('Vi', { ws, role: 'viewer' });
    await t.addUser('Cam', { ws, role: 'commenter' });
    await t.addUser('Otto', { ws: 'w2', role: 'owner' });
    for (const [w, id] of [
      ['w1', 'j1'],
      ['w1', 'j2'],
      ['w2', 'j9'],
    ] as const) {
      await seedJourney(t, w, id);
    }
    owner = await t.signIn('Olive');
  });
  afterEach(() => t.close());

  const makeLink = async (body: unknown = {}) => {
    const res = await owner.request('POST', `${base}/j1/guest-links`, body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as {
      link: { id: string; expiresAt: string; role: string };
      token: string;
      url: string;
    };
  };
  const join = async (token: string, body: unknown = { name: 'Gina', organisation: 'Borough Council' }) => {
    const res = await t.app.request(`/api/guest-links/${token}/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res;
  };
  const joinAsGuest = async (token: string) => {
    const res = await join(token);
    expect(res.status, await res.clone().text()).toBe(201);
    const cookie = /waymark_guest=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    const body = (await res.json()) as { csrfToken: string; guest: { id: string } };
    return {
      id: body.guest.id,
      client: clientWith(t.app, { cookie: `waymark_guest=${cookie}`, 'x-csrf-token': body.csrfToken }),
    };
  };
  const code = async (res: Response) => [
    res.status,
    ((await res.json()) as { error: { code: string } }).error.code,
  ];
  const edit = (title: string, baseVersion = 1) => ({
    baseVersion,
    commands: [{ type: 'meta.update', patch: { title } }],
  });

  it('given an owner, when they make a link without a time, then it ends at the end of tomorrow, UK time, and its address is /join/<token>; a viewer or commenter cannot make one, another workspace cannot see the map', async () => {
    // The test clock is 2026-03-02 09:00 UTC (GMT): tomorrow ends at 2026-03-03 23:59.
    const made = await makeLink();
    expect(made.link).toMatchObject({ role: 'editor', expiresAt: '2026-03-03T23:59:00.000Z' });
    expect(made.url).toBe(`http://localhost/join/${made.token}`);
    for (const name of ['Vi', 'Cam']) {
      const res = await (await t.signIn(name)).request('POST', `${base}/j1/guest-links`, {});
      expect(await code(res)).toEqual([403, 'forbidden']);
    }
    const outsider = await (await t.signIn('Otto')).request('POST', `${base}/j1/guest-links`, {});
    expect(await code(outsider)).toEqual([404, 'workspace_not_found']);
    const tooShort = await owner.request('POST', `${base}/j1/guest-links`, {
      expiresAt: '2026-03-02T09:30:00Z',
    });
    expect(await code(tooShort)).toEqual([400, 'invalid_request']);
    const tooLong = await owner.request('POST', `${base}/j1/guest-links`, {
      expiresAt: '2026-03-10T09:00:00Z',
    });
    expect(await code(tooLong)).toEqual([400, 'invalid_request']);
    // The token itself is never stored.
    const rows = await t.stores.sql.query<{ token_hash: string }>('SELECT token_hash FROM guest_links');
    expect(rows.map((r) => r.token_hash)).not.toContain(made.token);
  });

  it('given a guest who joined as an editor, then they can read, edit and comment on their map, and the history and comments name them "Gina (guest, Borough Council)"', async () => {
    const { token } = await makeLink();
    const info = (await (await t.app.request(`/api/guest-links/${token}`)).json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      state: 'active',
      title: sampleJourney('j1').meta.title,
      role: 'editor',
      invitedBy: 'Olive',
    });
    const { client } = await joinAsGuest(token);
    expect((await client.request('GET', `${base}/j1`)).status).toBe(200);
    const edited = await client.request('POST', `${base}/j1/commands`, edit('Renamed by a guest'));
    expect(edited.status, await edited.clone().text()).toBe(200);
    const commented = await client.request('POST', `${base}/j1/comments`, {
      target: { cardId: 's1-step' },
      body: 'Our residents ring first',
    });
    expect(commented.status, await commented.clone().text()).toBe(201);
    const history = (await (await owner.request('GET', `${base}/j1/history`)).json()) as {
      items: { by: { name: string } | null }[];
    };
    expect(history.items.map((v) => v.by?.name)).toContain('Gina (guest, Borough Council)');
    const comments = (await (await owner.request('GET', `${base}/j1/comments`)).json()) as {
      items: { author: { name: string } }[];
    };
    expect(comments.items.map((c) => c.author.name)).toEqual(['Gina (guest, Borough Council)']);
    // Without the CSRF token a change is refused, as for members.
    const noCsrf = await client.request('POST', `${base}/j1/commands`, edit('x', 2), {
      'x-csrf-token': 'wrong',
    });
    expect(await code(noCsrf)).toEqual([403, 'csrf_failed']);
  });

  it('given a guest, then everything else answers as if it did not exist: another map in the workspace, another workspace, lists, members, datasets, tokens, history, exports, the account routes', async () => {
    const { token } = await makeLink();
    const { client } = await joinAsGuest(token);
    const refused: [string, string, number, string][] = [
      ['GET', `${base}/j2`, 404, 'journey_not_found'],
      ['POST', `${base}/j2/commands`, 404, 'journey_not_found'],
      ['GET', `${base}/j2/comments`, 404, 'journey_not_found'],
      ['GET', '/api/workspaces/w2/journeys/j9', 404, 'workspace_not_found'],
      ['GET', base, 404, 'workspace_not_found'],
      ['GET', '/api/workspaces/w1', 404, 'workspace_not_found'],
      ['GET', '/api/workspaces/w1/members', 404, 'workspace_not_found'],
      ['GET', '/api/workspaces/w1/datasets', 404, 'workspace_not_found'],
      ['GET', '/api/workspaces/w1/tokens', 404, 'workspace_not_found'],
      ['GET', `${base}/j1/history`, 404, 'workspace_not_found'],
      ['GET', `${base}/j1/export?format=yaml`, 404, 'workspace_not_found'],
      ['GET', `${base}/j1/guest-links`, 404, 'workspace_not_found'],
      ['POST', `${base}/j1/guest-links`, 404, 'workspace_not_found'],
      ['POST', `${base}/j1/shares`, 404, 'workspace_not_found'],
      ['DELETE', `${base}/j1`, 404, 'workspace_not_found'],
      ['GET', '/api/workspaces', 401, 'unauthenticated'],
      ['GET', '/api/auth/me', 401, 'unauthenticated'],
      ['POST', '/api/workspaces', 401, 'unauthenticated'],
    ];
    for (const [method, path, status, errorCode] of refused) {
      const body =
        method === 'POST'
          ? path.endsWith('commands')
            ? edit('x')
            : { name: 'x', expiresAt: '2026-03-03T00:00:00Z' }
          : undefined;
      const res = await client.request(method, path, body);
      expect([method, path, ...(await code(res))]).toEqual([method, path, status, errorCode]);
    }
  });

  it('given a guest who joined as a commenter, then they can comment but not edit', async () => {
    const { token } = await makeLink({ role: 'commenter' });
    const { client } = await joinAsGuest(token);
    expect(await code(await client.request('POST', `${base}/j1/commands`, edit('x')))).toEqual([
      403,
      'forbidden',
    ]);
    const res = await client.request('POST', `${base}/j1/comments`, {
      target: { cardId: 's1-step' },
      body: 'Hm',
    });
    expect(res.status).toBe(201);
  });

  it('given a guest, when the owner removes them, then their very next request is refused and their page says why and whom to ask; the list shows them removed', async () => {
    const { token } = await makeLink();
    const gina = await joinAsGuest(token);
    const listed = (await (await owner.request('GET', `${base}/j1/guest-links`)).json()) as {
      items: {
        guests: { id: string; name: string; organisation: string; here: boolean; removedAt: string | null }[];
      }[];
    };
    expect(listed.items[0]?.guests).toEqual([
      expect.objectContaining({
        id: gina.id,
        name: 'Gina',
        organisation: 'Borough Council',
        here: true,
        removedAt: null,
      }),
    ]);
    // A viewer cannot remove a guest.
    const byViewer = await (await t.signIn('Vi')).request('DELETE', `${base}/j1/guests/${gina.id}`);
    expect(await code(byViewer)).toEqual([403, 'forbidden']);
    expect((await owner.request('DELETE', `${base}/j1/guests/${gina.id}`)).status).toBe(200);
    expect(await code(await gina.client.request('GET', `${base}/j1`))).toEqual([401, 'unauthenticated']);
    const me = (await (await gina.client.request('GET', '/api/guest/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ state: 'removed', invitedBy: 'Olive' });
    expect(me['message']).toContain('Ask Olive, who invited you, for a new link.');
    expect(me['csrfToken']).toBeUndefined();
    const after = (await (await owner.request('GET', `${base}/j1/guest-links`)).json()) as typeof listed;
    expect(after.items[0]?.guests[0]).toMatchObject({ here: false, removedAt: expect.any(String) });
  });

  it('given a guest, when the link expires, then their access ends at that moment and nobody can join; a withdrawn link ends its guests at once and says so', async () => {
    const { token, link } = await makeLink({ expiresAt: '2026-03-02T12:00:00Z' });
    const gina = await joinAsGuest(token);
    expect(
      ((await (await gina.client.request('GET', '/api/guest/me')).json()) as { state: string }).state,
    ).toBe('active');
    t.caps.advance(3 * 3_600_000 - 1);
    expect((await gina.client.request('GET', `${base}/j1`)).status).toBe(200);
    t.caps.advance(1);
    expect(await code(await gina.client.request('GET', `${base}/j1`))).toEqual([401, 'unauthenticated']);
    expect(
      ((await (await gina.client.request('GET', '/api/guest/me')).json()) as { state: string }).state,
    ).toBe('expired');
    const late = await join(token);
    expect(await code(late.clone())).toEqual([410, 'guest_link_ended']);
    expect(((await late.json()) as { error: { message: string } }).error.message).toBe(
      'This workshop link has expired, so it no longer opens the map. Ask Olive, who invited you, for a new link.',
    );
    expect(link.expiresAt).toBe('2026-03-02T12:00:00.000Z');

    const second = await makeLink();
    const sam = await joinAsGuest(second.token);
    expect((await owner.request('DELETE', `${base}/j1/guest-links/${second.link.id}`)).status).toBe(200);
    expect(await code(await sam.client.request('GET', `${base}/j1`))).toEqual([401, 'unauthenticated']);
    const info = (await (await t.app.request(`/api/guest-links/${second.token}`)).json()) as Record<
      string,
      unknown
    >;
    expect(info).toMatchObject({ state: 'revoked', title: null });
    expect(info['message']).toBe(
      'This workshop link was withdrawn, so it no longer opens the map. Ask Olive, who invited you, for a new link.',
    );
    expect(await code(await t.app.request('/api/guest-links/not-a-token'))).toEqual([
      404,
      'guest_link_not_found',
    ]);
  });

  it('given a guest on a shared computer, when they leave, then their session ends at once, the owner sees they left, and the link lets them join again', async () => {
    const { token } = await makeLink();
    const gina = await joinAsGuest(token);
    const noCsrf = await gina.client.request('POST', '/api/guest/leave', undefined, {
      'x-csrf-token': 'wrong',
    });
    expect(await code(noCsrf)).toEqual([403, 'csrf_failed']);
    const left = await gina.client.request('POST', '/api/guest/leave');
    expect(await left.json()).toEqual({ left: true });
    expect(left.headers.get('set-cookie')).toMatch(/waymark_guest=;/);
    expect(await code(await gina.client.request('GET', `${base}/j1`))).toEqual([401, 'unauthenticated']);
    const listed = (await (await owner.request('GET', `${base}/j1/guest-links`)).json()) as {
      items: { guests: { left: boolean; here: boolean }[] }[];
    };
    expect(listed.items[0]?.guests[0]).toMatchObject({ left: true, here: false });
    expect((await join(token)).status).toBe(201);
    const events = await t.stores.accounts.listAudit(ws);
    expect(events.some((e) => e.action === 'guest.leave' && e.actorId === gina.id)).toBe(true);
  });

  it('given a person signed in as a member, when they open a workshop link, then they are told to use their own account', async () => {
    const { token } = await makeLink();
    const res = await (
      await t.signIn('Vi')
    ).request('POST', `/api/guest-links/${token}/join`, { name: 'Vi' });
    expect(await code(res)).toEqual([409, 'already_signed_in']);
    expect(await code(await join(token, { name: '   ' }))).toEqual([400, 'invalid_request']);
  });

  it('given a guest who read, edited, commented and was removed, then the audit trail has each step with the link id', async () => {
    const { token, link } = await makeLink();
    const gina = await joinAsGuest(token);
    await gina.client.request('GET', `${base}/j1`);
    await gina.client.request('POST', `${base}/j1/commands`, edit('Renamed'));
    await gina.client.request('POST', `${base}/j1/comments`, { target: { cardId: 's1-step' }, body: 'Hm' });
    await gina.client.request('GET', `${base}/j2`);
    await owner.request('DELETE', `${base}/j1/guests/${gina.id}`);
    const events = (await t.stores.accounts.listAudit(ws)).reverse();
    const guestEvents = events.filter((e) => e.action.startsWith('guest'));
    expect(guestEvents.map((e) => [e.action, e.actorId, e.detail?.['guestLinkId']])).toEqual([
      ['guest_link.create', 'u-olive', link.id],
      ['guest.join', gina.id, link.id],
      ['guest.journey.read', gina.id, link.id],
      ['guest.journey.edit', gina.id, link.id],
      ['guest.comment.add', gina.id, link.id],
      ['guest.remove', 'u-olive', link.id],
    ]);
    expect(guestEvents[3]?.detail).toMatchObject({
      commands: ['meta.update'],
      guest: 'Gina (guest, Borough Council)',
    });
    expect(guestEvents.every((e) => e.target === 'j1' || e.action === 'guest.remove')).toBe(true);
  });
});
