import type { WorkspaceId } from '@waymark/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../testing/test-api';

// Administration (issue 12, item 3): workspaces by instance administrators, token expiry, the audit trail's
// filters and CSV, and each person's sessions.

type ErrorBody = { error: { code: string; path: string | null } };

describe('administration', () => {
  let t: TestApi;
  afterEach(() => t.close());

  it('given an instance administrator, when they create, rename and archive a workspace, then its owner sees it until archived, it is read-only after, and every step is audited', async () => {
    t = await createTestApi();
    await t.addUser('Ada', { ws: 'w1', role: 'owner' });
    await t.addUser('Bea');
    const admin = await t.signIn('Ada');
    const noOwner = await admin.request('POST', '/api/admin/workspaces', {
      name: 'Housing',
      ownerEmail: 'nobody@example.org',
    });
    expect([noOwner.status, ((await noOwner.json()) as ErrorBody).error.path]).toEqual([400, 'ownerEmail']);
    const made = await admin.request('POST', '/api/admin/workspaces', {
      name: 'Housing',
      ownerEmail: 'bea@example.org',
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const bea = await t.signIn('Bea');
    const mine = async () =>
      (
        (await (await bea.request('GET', '/api/workspaces')).json()) as {
          items: { id: string; name: string }[];
        }
      ).items;
    expect(await mine()).toEqual([expect.objectContaining({ id, name: 'Housing', role: 'owner' })]);

    expect(
      (await admin.request('PATCH', `/api/admin/workspaces/${id}`, { name: 'Housing services' })).status,
    ).toBe(200);
    const archived = await admin.request('PATCH', `/api/admin/workspaces/${id}`, { archived: true });
    expect(((await archived.json()) as { archivedAt: string | null }).archivedAt).not.toBeNull();
    expect(await mine()).toEqual([]);
    // Read-only: the owner cannot make a journey there any more.
    const write = await bea.request('POST', `/api/workspaces/${id}/journeys`, {
      template: 'blank-current',
      title: 'New',
    });
    expect(write.status).toBe(403);
    const list = (await (await admin.request('GET', '/api/admin/workspaces')).json()) as {
      items: { id: string; name: string; archivedAt: string | null; memberCount: number }[];
    };
    expect(list.items.find((w) => w.id === id)).toMatchObject({ name: 'Housing services', memberCount: 1 });
    const audit = await t.stores.accounts.listAudit(id as WorkspaceId, { filter: { action: 'workspace.' } });
    expect(audit.map((e) => e.action)).toEqual(['workspace.archive', 'workspace.rename', 'workspace.create']);
    expect(audit[1]?.detail).toEqual({ from: 'Housing', to: 'Housing services' });
    expect((await admin.request('PATCH', `/api/admin/workspaces/nope`, { name: 'x' })).status).toBe(404);
    expect((await admin.request('PATCH', `/api/admin/workspaces/${id}`, {})).status).toBe(400);
  });

  it('given an owner, when they make tokens with and without expiry, then an expiry in the past or beyond a year is refused naming the field, and the list shows expiry and last use', async () => {
    t = await createTestApi();
    await t.addUser('Ada', { ws: 'w1', role: 'owner' });
    const owner = await t.signIn('Ada');
    const now = t.caps.clock().getTime();
    const past = await owner.request('POST', '/api/workspaces/w1/tokens', {
      name: 'Old',
      expiresAt: new Date(now - 1000).toISOString(),
    });
    expect([past.status, ((await past.json()) as ErrorBody).error.path]).toEqual([400, 'expiresAt']);
    const far = await owner.request('POST', '/api/workspaces/w1/tokens', {
      name: 'Far',
      expiresAt: new Date(now + 400 * 86_400_000).toISOString(),
    });
    expect([far.status, ((await far.json()) as ErrorBody).error.path]).toEqual([400, 'expiresAt']);
    const bad = await owner.request('POST', '/api/workspaces/w1/tokens', { name: 'Bad', expiresAt: 'soon' });
    expect([
      bad.status,
      ((await bad.json()) as { problems?: { path: string }[] }).problems?.[0]?.path,
    ]).toEqual([400, 'expiresAt']);
    const expiresAt = new Date(now + 30 * 86_400_000).toISOString();
    const made = (await (
      await owner.request('POST', '/api/workspaces/w1/tokens', {
        name: 'Nightly',
        scopes: ['read'],
        expiresAt,
      })
    ).json()) as { id: string; token: string; expiresAt: string };
    expect(made.expiresAt).toBe(expiresAt);
    const { clientWith } = await import('../testing/test-api');
    await clientWith(t.app, { authorization: `Bearer ${made.token}` }).request(
      'GET',
      '/api/workspaces/w1/journeys',
    );
    const listed = (await (await owner.request('GET', '/api/workspaces/w1/tokens')).json()) as {
      items: { expiresAt: string | null; lastUsedAt: string | null }[];
    };
    expect(listed.items).toEqual([
      expect.objectContaining({ expiresAt, lastUsedAt: t.caps.clock().toISOString() }),
    ]);
    const audit = await t.stores.accounts.listAudit('w1' as WorkspaceId, {
      filter: { action: 'token.create' },
    });
    expect(audit[0]?.detail).toMatchObject({ expiresAt });
  });

  it('given an audit trail, when filtered and downloaded, then only matching entries come back, as CSV with formula-like cells made inert, and the download is itself audited', async () => {
    t = await createTestApi();
    const ada = await t.addUser('Ada', { ws: 'w1', role: 'owner' });
    await t.addUser('Bea', { ws: 'w1', role: 'editor' });
    const owner = await t.signIn('Ada');
    const event = (actorId: string, action: string, target: string, at: string) =>
      t.stores.accounts.appendAudit({
        workspaceId: 'w1' as WorkspaceId,
        actorId: actorId as never,
        action,
        target,
        detail: null,
        ip: '10.0.0.1',
        at,
      });
    await event('u-bea', 'journey.export', '=HYPERLINK("x")', '2026-02-10T10:00:00.000Z');
    await event(ada, 'token.create', 'token:t1', '2026-02-11T10:00:00.000Z');
    await event(ada, 'token.revoke', 'token:t1', '2026-02-12T10:00:00.000Z');
    const actions = async (query: string) =>
      (
        (await (await owner.request('GET', `/api/workspaces/w1/audit?${query}`)).json()) as {
          items: { action: string }[];
        }
      ).items.map((e) => e.action);
    expect(await actions('actor=u-bea')).toEqual(['journey.export']);
    expect(await actions('action=token.&from=2026-02-12&to=2026-02-12')).toEqual(['token.revoke']);
    expect(await actions('target=TOKEN:&to=2026-02-11')).toEqual(['token.create']);
    const wrongWay = await owner.request('GET', '/api/workspaces/w1/audit?from=2026-02-12&to=2026-02-11');
    expect([wrongWay.status, ((await wrongWay.json()) as ErrorBody).error.path]).toEqual([400, 'from']);
    const notDate = await owner.request('GET', '/api/workspaces/w1/audit?from=yesterday');
    expect(notDate.status).toBe(400);

    const csv = await owner.request('GET', '/api/workspaces/w1/audit.csv?to=2026-02-11');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="audit-w1-.*\.csv"/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor_id,actor_name,action,target,detail,ip');
    expect(lines.slice(1).map((l) => l.split(',')[4])).toEqual(['token.create', 'journey.export']);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(
      (await t.stores.accounts.listAudit('w1' as WorkspaceId, { filter: { action: 'audit.export' } }))[0]
        ?.detail,
    ).toMatchObject({ rows: 2 });
  });

  it('given a person signed in on two browsers, when they list sessions and sign one out, then only that one ends; sign out everywhere ends the rest', async () => {
    t = await createTestApi();
    await t.addUser('Ada', { ws: 'w1', role: 'owner' });
    await t.addUser('Bea', { ws: 'w1', role: 'editor' });
    const here = await t.signIn('Ada');
    const there = await t.signIn('Ada');
    const other = await t.signIn('Bea');
    const listed = (await (await here.request('GET', '/api/auth/sessions')).json()) as {
      items: { id: string; current: boolean }[];
    };
    expect(listed.items.map((s) => s.current).sort()).toEqual([false, true]);
    const elsewhere = listed.items.find((s) => !s.current)!;
    // Nobody ends another person's session: it is not theirs to name.
    expect((await other.request('DELETE', `/api/auth/sessions/${elsewhere.id}`)).status).toBe(404);
    expect((await here.request('DELETE', `/api/auth/sessions/${elsewhere.id}`)).status).toBe(200);
    expect((await there.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await here.request('GET', '/api/auth/me')).status).toBe(200);
    const all = await here.request('DELETE', '/api/auth/sessions');
    expect(await all.json()).toEqual({ ended: 1 });
    expect(all.headers.get('set-cookie')).toMatch(/waymark_session=;/);
    expect((await here.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await other.request('GET', '/api/auth/me')).status).toBe(200);
    const audit = await t.stores.accounts.listAudit('w1' as WorkspaceId, { filter: { action: 'session.' } });
    expect(audit.map((e) => e.action)).toEqual(['session.end_all', 'session.end']);
  });
});
