import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';
import type { ScimStore, ScimUserFields } from './scim-store';
import { seedOwner } from './test-database';

export interface ScimFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const T0 = '2026-01-01T09:00:00.000Z';
const T1 = '2026-01-01T09:00:30.000Z';
const T2 = '2026-01-01T09:05:00.000Z';
const ws = 'w1' as WorkspaceId;
const ann = 'ann' as UserId;
const fields = (userName: string, extra: Partial<ScimUserFields> = {}): ScimUserFields => ({
  userName,
  externalId: null,
  givenName: null,
  familyName: null,
  displayName: null,
  email: `${userName.toLowerCase()}@example.org`,
  active: true,
  ...extra,
});

/** The behaviour every ScimStore must have (migration 016); registered once per database. */
export function scimStoreContract(open: () => Promise<ScimFixture>): void {
  let fixture: ScimFixture;
  let scim: ScimStore;
  beforeEach(async () => {
    // Given: ann owns workspace w1.
    fixture = await open();
    await seedOwner(fixture.stores, ann, ws, T0);
    scim = fixture.stores.scim;
  });
  afterEach(() => fixture.dispose());

  const make = async (userName: string, extra: Partial<ScimUserFields> = {}) => {
    const made = await scim.createUser({
      ...fields(userName, extra),
      newId: `u-${userName}` as UserId,
      at: T0,
    });
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    return made.value;
  };

  it('keeps one working token: a new one replaces the old, revoking stops it, uses are noted once a minute', async () => {
    expect(await scim.currentToken()).toBeNull();
    await scim.replaceToken({ id: 't1', tokenHash: 'h1', createdBy: ann, at: T0 });
    await scim.replaceToken({ id: 't2', tokenHash: 'h2', createdBy: ann, at: T0 });
    expect(await scim.findToken('h1')).toBeNull();
    expect(await scim.findToken('h2')).toEqual({ id: 't2' });
    await scim.touchToken('t2', T0);
    await scim.touchToken('t2', T1);
    expect((await scim.currentToken())?.lastUsedAt).toBe(T0);
    await scim.touchToken('t2', T2);
    expect(await scim.currentToken()).toMatchObject({
      id: 't2',
      createdBy: { id: ann, name: 'Ann' },
      lastUsedAt: T2,
    });
    expect(await scim.revokeToken(T2)).toBe(true);
    expect([await scim.findToken('h2'), await scim.currentToken(), await scim.revokeToken(T2)]).toEqual([
      null,
      null,
      false,
    ]);
  });

  it('provisions people: userName unique in any case, externalId exactly, an existing email adopted once', async () => {
    const zoe = await make('Zoe', { externalId: 'ext-1', givenName: 'Zoe', familyName: 'Price' });
    expect(await fixture.stores.accounts.getUser(zoe.id)).toMatchObject({
      email: 'zoe@example.org',
      name: 'Zoe Price',
    });
    const clash = (f: ScimUserFields) => scim.createUser({ ...f, newId: 'u-x' as UserId, at: T0 });
    expect(await clash(fields('ZOE', { email: 'other@example.org' }))).toEqual({
      ok: false,
      error: { code: 'uniqueness', field: 'userName' },
    });
    expect(await clash(fields('yan', { externalId: 'ext-1' }))).toEqual({
      ok: false,
      error: { code: 'uniqueness', field: 'externalId' },
    });
    // Ann's account (made before provisioning) is adopted by her email, once.
    const adopted = await clash(fields('ann', { displayName: 'Ann Jones' }));
    expect(adopted).toMatchObject({ ok: true, value: { id: ann, displayName: 'Ann Jones' } });
    expect(await clash(fields('ann2', { email: 'ANN@example.org' }))).toEqual({
      ok: false,
      error: { code: 'uniqueness', field: 'email' },
    });
    expect(await scim.updateUser(zoe.id, fields('Zoe', { email: 'ann@example.org' }), T1)).toEqual({
      ok: false,
      error: { code: 'uniqueness', field: 'email' },
    });
    const updated = await scim.updateUser(zoe.id, fields('zoe.price', { active: false }), T1);
    expect(updated).toMatchObject({
      ok: true,
      value: { userName: 'zoe.price', active: false, version: 2, updatedAt: T1 },
    });
    expect((await fixture.stores.accounts.getUser(zoe.id))?.email).toBe('zoe.price@example.org');
  });

  it('lists people by equal attributes and pages, and forgets one while keeping the account', async () => {
    for (const name of ['a1', 'a2', 'a3']) await make(name, { externalId: `x-${name}` });
    const page = await scim.listUsers([], { offset: 1, limit: 1 });
    expect([page.total, page.users.map((u) => u.userName)]).toEqual([3, ['a2']]);
    expect((await scim.listUsers([{ field: 'userName', value: 'A3' }], { offset: 0, limit: 10 })).total).toBe(
      1,
    );
    expect(
      (await scim.listUsers([{ field: 'externalId', value: 'X-A3' }], { offset: 0, limit: 10 })).total,
    ).toBe(0);
    expect(await scim.deleteUser('u-a3' as UserId)).toBe(true);
    expect(await scim.getUser('u-a3' as UserId)).toBeNull();
    expect(await fixture.stores.accounts.getUser('u-a3' as UserId)).not.toBeNull();
    expect(await scim.deleteUser('u-a3' as UserId)).toBe(false);
  });

  it('keeps groups and members, says whose membership changed, and refuses people it did not provision', async () => {
    const [p, q] = [await make('p'), await make('q')];
    const made = await scim.createGroup({
      id: 'g1',
      displayName: 'Editors',
      externalId: 'gx',
      members: [p.id],
      at: T0,
    });
    expect(made).toMatchObject({ ok: true, value: { members: [{ id: p.id, display: 'p' }] } });
    expect(await scim.updateGroup('g1', { add: [ann] }, T1)).toEqual({
      ok: false,
      error: { code: 'not_found' },
    });
    const added = await scim.updateGroup('g1', { add: [q.id, p.id] }, T1);
    expect(added.ok && added.changed).toEqual([q.id]);
    const replaced = await scim.updateGroup(
      'g1',
      { members: [q.id], fields: { displayName: 'Eds', externalId: 'gx' } },
      T1,
    );
    expect(replaced.ok && [replaced.changed, replaced.value.displayName, replaced.value.version]).toEqual([
      [p.id],
      'Eds',
      3,
    ]);
    expect((await scim.listGroups([{ field: 'members', value: q.id }], { offset: 0, limit: 10 })).total).toBe(
      1,
    );
    expect(
      (await scim.listGroups([{ field: 'displayName', value: 'eds' }], { offset: 0, limit: 10 })).total,
    ).toBe(1);
    const removed = await scim.updateGroup('g1', { remove: [q.id] }, T1);
    expect(removed.ok && removed.changed).toEqual([q.id]);
    await scim.updateGroup('g1', { add: [p.id] }, T1);
    expect(await scim.deleteGroup('g1')).toEqual([p.id]);
    expect(await scim.deleteGroup('g1')).toBeNull();
  });

  it("gives each person the highest role their groups map to a workspace, and remembers provisioning's grants", async () => {
    const p = await make('p');
    await scim.createGroup({ id: 'lo', displayName: 'Lo', externalId: null, members: [p.id], at: T0 });
    await scim.createGroup({ id: 'hi', displayName: 'Hi', externalId: null, members: [p.id], at: T0 });
    expect(await scim.setGroupRoles('lo', [{ workspaceId: ws, role: 'viewer' }])).toEqual([p.id]);
    expect(await scim.rolesFromGroups(p.id)).toEqual(new Map([[ws, 'viewer']]));
    await scim.setGroupRoles('hi', [{ workspaceId: ws, role: 'editor' }]);
    expect(await scim.rolesFromGroups(p.id)).toEqual(new Map([[ws, 'editor']]));
    expect(await scim.setGroupRoles('none', [])).toBeNull();
    expect(await scim.listGroupRoles()).toEqual([
      { groupId: 'hi', workspaceId: ws, role: 'editor' },
      { groupId: 'lo', workspaceId: ws, role: 'viewer' },
    ]);
    await scim.setGrant(ws, p.id, 'editor');
    await scim.setGrant(ws, p.id, 'viewer');
    expect(await scim.grantsOf(p.id)).toEqual(new Map([[ws, 'viewer']]));
    await scim.setGrant(ws, p.id, null);
    expect(await scim.grantsOf(p.id)).toEqual(new Map());
  });
}
