import { describe, expect, it } from 'vitest';
import { clientWith, createTestApi, PASSWORD } from '../testing/test-api';

type ErrorBody = { error: { code: string; path: string | null } };

describe('people, managed by an instance administrator', () => {
  it('given a member, when suspended, then their session stops at once and sign-in is refused until restored; each change is audited', async () => {
    const t = await createTestApi();
    try {
      await t.addUser('Ada', { ws: 'w1', role: 'owner' }); // the first account: instance administrator
      const bob = await t.addUser('Bob', { ws: 'w1', role: 'editor' });
      const admin = await t.signIn('Ada');
      const session = await t.signIn('Bob');
      const list = (await (await admin.request('GET', '/api/admin/people')).json()) as {
        items: { id: string; instanceAdmin: boolean; suspendedAt: string | null }[];
      };
      expect(list.items.map((p) => [p.id, p.instanceAdmin, p.suspendedAt])).toEqual([
        ['u-ada', true, null],
        [bob, false, null],
      ]);

      const suspended = await admin.request('PATCH', `/api/admin/people/${bob}`, { suspended: true });
      expect(suspended.status).toBe(200);
      expect(((await suspended.json()) as { suspendedAt: string | null }).suspendedAt).not.toBeNull();
      expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
      const anon = clientWith(t.app, {});
      const refused = await anon.request('POST', '/api/auth/sign-in', {
        email: 'bob@example.org',
        password: PASSWORD,
      });
      expect(((await refused.json()) as ErrorBody).error.code).toBe('account_suspended');

      await admin.request('PATCH', `/api/admin/people/${bob}`, { suspended: false });
      expect((await (await t.signIn('Bob')).request('GET', '/api/auth/me')).status).toBe(200);

      const granted = await admin.request('PATCH', `/api/admin/people/${bob}`, { instanceAdmin: true });
      expect(((await granted.json()) as { instanceAdmin: boolean }).instanceAdmin).toBe(true);
      await admin.request('PATCH', `/api/admin/people/${bob}`, { instanceAdmin: false });

      const events = await t.stores.sql.query<{
        action: string;
        target: string;
        workspace_id: string | null;
      }>("SELECT action, target, workspace_id FROM audit_events WHERE action LIKE 'person.%' ORDER BY seq");
      expect(events.map((e) => [e.action, e.target, e.workspace_id])).toEqual([
        ['person.suspend', `user:${bob}`, null],
        ['person.restore', `user:${bob}`, null],
        ['person.instance_admin.grant', `user:${bob}`, null],
        ['person.instance_admin.remove', `user:${bob}`, null],
      ]);
    } finally {
      await t.close();
    }
  });

  it('never leaves the instance without an instance administrator who can sign in', async () => {
    const t = await createTestApi();
    try {
      await t.addUser('Ada', { ws: 'w1', role: 'owner' });
      const bob = await t.addUser('Bob', { ws: 'w1', role: 'editor' });
      const admin = await t.signIn('Ada');
      for (const change of [{ instanceAdmin: false }, { suspended: true }]) {
        const res = await admin.request('PATCH', '/api/admin/people/u-ada', change);
        expect([res.status, ((await res.json()) as ErrorBody).error]).toEqual([
          409,
          expect.objectContaining({ code: 'last_instance_admin', path: Object.keys(change)[0] }),
        ]);
      }
      // A suspended administrator does not count: Bob made one and suspended, Ada is still the last.
      await admin.request('PATCH', `/api/admin/people/${bob}`, { instanceAdmin: true });
      await admin.request('PATCH', `/api/admin/people/${bob}`, { suspended: true });
      expect((await admin.request('PATCH', '/api/admin/people/u-ada', { instanceAdmin: false })).status).toBe(
        409,
      );
      // Restored, Bob can sign in: now Ada may step down.
      await admin.request('PATCH', `/api/admin/people/${bob}`, { suspended: false });
      expect((await admin.request('PATCH', '/api/admin/people/u-ada', { instanceAdmin: false })).status).toBe(
        200,
      );
      const unknown = await (
        await t.signIn('Bob')
      ).request('PATCH', '/api/admin/people/u-nobody', { suspended: true });
      expect(unknown.status).toBe(404);
      const empty = await (await t.signIn('Bob')).request('PATCH', `/api/admin/people/${bob}`, {});
      expect(empty.status).toBe(400);
    } finally {
      await t.close();
    }
  });
});
