import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestApi, liveCloseCodes, openLiveSocket, type ApiDeps, type TestApi } from '@waymark/api';
import { createHash } from 'node:crypto';
import { applyCommand, type JourneyCommand } from '@waymark/core';
import { sampleJourney, type WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLive } from './live-server';

/**
 * Guests on the live route (decision 0015), on a real HTTP server wired as the server does (startLive): a guest
 * reaches only their map, their stored edits are audited, and removal, a withdrawn link or expiry end their
 * live access at once.
 */
const ws = 'ws1' as WorkspaceId;
let api: TestApi;
let base: string;
let live: { close(): Promise<void> };
let server: Server;
let ann: { cookie: string; csrf: string };
let tabs = 0;

beforeAll(async () => {
  api = await createTestApi();
  await api.addUser('Ann', { ws: 'ws1', role: 'owner' });
  await api.addUser('Dan', { ws: 'ws2', role: 'owner' });
  for (const [w, id] of [
    ['ws1', 'j1'],
    ['ws1', 'j2'],
    ['ws2', 'j9'],
  ] as const) {
    await api.stores.journeys.createJourney({
      workspaceId: w as WorkspaceId,
      journey: sampleJourney(id),
      kind: 'create',
      commands: [],
      by: null,
      at: api.caps.clock().toISOString(),
    });
  }
  const deps = {
    accounts: api.stores.accounts,
    journeys: api.stores.journeys,
    guests: api.stores.guests,
    applyCommand,
    clock: api.caps.clock,
    newId: api.caps.newId,
  } as unknown as ApiDeps;
  server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: api.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  live = await startLive(server, deps, api.stores.sql);
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const res = await api.app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'ann@example.org', password: 'correct horse battery' }),
  });
  ann = {
    cookie: /waymark_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0],
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}, 120_000);
afterAll(async () => {
  await live?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await api?.close();
});

const asAnn = (method: string, path: string, body?: unknown) =>
  api.app.request(path, {
    method,
    headers: { cookie: ann.cookie, 'x-csrf-token': ann.csrf, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** Ann makes a link on ws1/j1 and a guest joins by it: their cookie and id. */
async function guestOnJ1(role: 'editor' | 'commenter' = 'editor', expiresAt?: string) {
  const made = await asAnn('POST', '/api/workspaces/ws1/journeys/j1/guest-links', { role, expiresAt });
  const link = (await made.json()) as { token: string; link: { id: string } };
  const joined = await api.app.request(`/api/guest-links/${link.token}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Gina', organisation: 'Borough Council' }),
  });
  expect(joined.status).toBe(201);
  const cookie = /waymark_guest=[^;]+/.exec(joined.headers.get('set-cookie') ?? '')![0];
  const { guest } = (await joined.json()) as { guest: { id: string } };
  return { cookie, id: guest.id, linkId: link.link.id };
}

const open = (cookie: string, path = `/api/workspaces/${ws}/journeys/j1/live`) =>
  openLiveSocket(`ws://${base}${path}?client=tab-guest-${++tabs}`, { cookie, origin: `http://${base}` });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'opened',
    (e: { status?: number; body?: string }) => `${e.status} ${JSON.parse(e.body ?? '{}').error?.code}`,
  );
/** As the API hashes tokens (auth/secrets.ts). */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const rename = (title: string): JourneyCommand => ({ type: 'meta.update', patch: { title } });

describe('guests on the live route', () => {
  it('given a guest editor, then they open their own map live and their edit is stored, named and audited with the link; another map or workspace is refused as if it did not exist', async () => {
    const gina = await guestOnJ1();
    expect(await refusal(open(gina.cookie, `/api/workspaces/${ws}/journeys/j2/live`))).toBe(
      '404 journey_not_found',
    );
    expect(await refusal(open(gina.cookie, '/api/workspaces/ws2/journeys/j9/live'))).toBe(
      '404 workspace_not_found',
    );
    const socket = await open(gina.cookie);
    const welcome = await socket.next('welcome');
    expect(welcome.you).toMatchObject({ user: { name: 'Gina (guest, Borough Council)' }, role: 'editor' });
    socket.send({
      type: 'submit',
      clientSeq: 1,
      baseVersion: welcome.version,
      commands: [rename('Live guest')],
    });
    const applied = await socket.next('applied', (m) => m.clientSeq === 1);
    expect(applied.by?.name).toBe('Gina (guest, Borough Council)');
    await expect
      .poll(async () =>
        (await api.stores.accounts.listAudit(ws)).some(
          (e) =>
            e.action === 'guest.journey.edit' &&
            e.detail?.['via'] === 'live' &&
            e.detail?.['guestLinkId'] === gina.linkId &&
            e.detail?.['version'] === applied.version,
        ),
      )
      .toBe(true);
    // Workshop actions (a vote, a timer) are recorded too, whatever the facilitation rules answer.
    socket.send({ type: 'workshop', action: { type: 'timer.start', label: 'Pains', minutes: 5 } });
    await expect
      .poll(async () =>
        (await api.stores.accounts.listAudit(ws))
          .filter((e) => e.actorId === gina.id && e.detail?.['guestLinkId'] === gina.linkId)
          .map((e) => `${e.action}${e.detail?.['action'] ? ` ${String(e.detail['action'])}` : ''}`)
          .filter((a) => a.startsWith('guest.live')),
      )
      .toEqual(['guest.live.workshop timer.start', 'guest.live.open']);
    socket.close();
  });

  it('given a guest on the map live, when the owner removes them, then their socket is told why and closed at once, and they cannot come back', async () => {
    const gina = await guestOnJ1();
    const socket = await open(gina.cookie);
    await socket.next('welcome');
    expect((await asAnn('DELETE', `/api/workspaces/ws1/journeys/j1/guests/${gina.id}`)).status).toBe(200);
    const error = await socket.next('error');
    expect(error.code).toBe('guest_removed');
    expect(error.message).toContain('removed you from the map');
    expect((await socket.closed).code).toBe(liveCloseCodes.unauthenticated);
    expect(await refusal(open(gina.cookie))).toBe('401 unauthenticated');
  });

  it('given a guest live, when their link is withdrawn, then their socket is told why and closed at once', async () => {
    const made = await guestOnJ1();
    const sockets = [await open(made.cookie)];
    for (const s of sockets) await s.next('welcome');
    expect((await asAnn('DELETE', `/api/workspaces/ws1/journeys/j1/guest-links/${made.linkId}`)).status).toBe(
      200,
    );
    const error = await sockets[0]!.next('error');
    expect(error.code).toBe('guest_link_ended');
    expect((await sockets[0]!.closed).code).toBe(liveCloseCodes.unauthenticated);
  });

  it('given a guest live, when their link expires, then their socket is closed at that moment without waiting for them to act', async () => {
    // A link made in the store ending 1.5 s from now (the API allows an hour at least).
    const now = api.caps.clock().getTime();
    await api.stores.guests.createLink({
      id: 'short-link',
      workspaceId: ws,
      journeyId: 'j1' as never,
      role: 'editor',
      tokenHash: hashToken('short-token'),
      createdBy: 'u-ann' as never,
      at: new Date(now).toISOString(),
      expiresAt: new Date(now + 1_500).toISOString(),
    });
    const joined = await api.app.request('/api/guest-links/short-token/join', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sam' }),
    });
    expect(joined.status).toBe(201);
    const socket = await open(/waymark_guest=[^;]+/.exec(joined.headers.get('set-cookie') ?? '')![0]);
    await socket.next('welcome');
    const error = await socket.next('error', undefined, 10_000);
    expect([error.code, error.message]).toEqual([
      'guest_link_ended',
      'The workshop link you joined by has expired, so your time on this map has ended. Your changes so far are kept.',
    ]);
    expect((await socket.closed).code).toBe(liveCloseCodes.unauthenticated);
  });

  it('given a guest commenter live, then their edits are refused in words; when the link has expired, their next submit ends the socket', async () => {
    const cam = await guestOnJ1('commenter');
    const socket = await open(cam.cookie);
    const welcome = await socket.next('welcome');
    socket.send({ type: 'submit', clientSeq: 1, baseVersion: welcome.version, commands: [rename('No')] });
    expect((await socket.next('rejected')).code).toBe('forbidden');
    socket.close();

    const now = api.caps.clock().getTime();
    const soon = await guestOnJ1('editor', new Date(now + 3_600_000).toISOString());
    const late = await open(soon.cookie);
    const hello = await late.next('welcome');
    api.caps.advance(3_600_000);
    late.send({ type: 'submit', clientSeq: 1, baseVersion: hello.version, commands: [rename('Too late')] });
    expect((await late.next('rejected')).code).toBe('unauthenticated');
    expect((await late.closed).code).toBe(liveCloseCodes.unauthenticated);
    expect(await refusal(open(soon.cookie))).toBe('401 unauthenticated');
  });
});
