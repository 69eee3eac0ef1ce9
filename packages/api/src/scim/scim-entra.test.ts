import type { UserId, WorkspaceId } from '@waymark/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entra } from './entra-requests.fixture';
import { q, scimTestApi } from './scim-test-kit';

type Kit = Awaited<ReturnType<typeof scimTestApi>>;
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

describe('SCIM Users as Entra ID provisions them', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await scimTestApi();
  });
  afterAll(() => k.t.close());

  it('matches by userName, creates, reads, updates with Operations and deletes, in SCIM shapes', async () => {
    const { userName, externalId } = entra.createUser;
    // Entra ID first looks the person up: nobody yet, as an empty ListResponse.
    const none = await k.get(`/scim/v2/Users?filter=${q(entra.filterByUserName(userName))}`);
    expect(none).toEqual({
      status: 200,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: 0,
        startIndex: 1,
        itemsPerPage: 0,
        Resources: [],
      },
    });

    const made = await k.send('POST', '/scim/v2/Users', entra.createUser);
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect(made.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName,
      externalId,
      active: true,
      name: { givenName: 'givenName', familyName: 'familyName' },
      emails: [
        { value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com', type: 'work', primary: true },
      ],
      meta: { resourceType: 'User', location: `http://localhost/scim/v2/Users/${id}` },
    });
    // The person has a Waymark account under that email, named from the directory.
    expect(await k.t.stores.accounts.getUser(id as UserId)).toMatchObject({
      email: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com',
      name: 'givenName familyName',
    });

    // userName matches without regard to case (RFC 7643: caseExact false); externalId exactly.
    const byName = await k.get(`/scim/v2/Users?filter=${q(entra.filterByUserName(userName.toUpperCase()))}`);
    expect([byName.body.totalResults, (byName.body.Resources as { id: string }[])[0]?.id]).toEqual([1, id]);
    const byExternal = await k.get(`/scim/v2/Users?filter=${q(entra.filterByExternalId(externalId))}`);
    expect(byExternal.body.totalResults).toBe(1);
    const wrongCase = await k.get(
      `/scim/v2/Users?filter=${q(entra.filterByExternalId(externalId.toUpperCase()))}`,
    );
    expect(wrongCase.body.totalResults).toBe(0);

    // Creating the same userName again is a uniqueness conflict in SCIM's error shape.
    const again = await k.send('POST', '/scim/v2/Users', { ...entra.createUser, externalId: 'other' });
    expect(again).toMatchObject({
      status: 409,
      body: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '409',
        scimType: 'uniqueness',
      },
    });

    const multi = await k.send('PATCH', `/scim/v2/Users/${id}`, entra.updateUserMultiValued);
    expect(multi.status).toBe(200);
    expect(multi.body).toMatchObject({
      emails: [{ value: 'updatedEmail@microsoft.com' }],
      name: { familyName: 'updatedFamilyName', givenName: 'givenName' },
    });
    expect((await k.t.stores.accounts.getUser(id as UserId))?.email).toBe('updatedEmail@microsoft.com');

    const single = await k.send('PATCH', `/scim/v2/Users/${id}`, entra.updateUserSingleValued);
    expect(single.body.userName).toBe('5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com');

    const noPath = await k.send('PATCH', `/scim/v2/Users/${id}`, entra.replaceWithoutPath);
    expect(noPath.body).toMatchObject({
      displayName: 'Alex Wilber',
      name: { givenName: 'Alex' },
      active: true,
    });
    expect((await k.t.stores.accounts.getUser(id as UserId))?.name).toBe('Alex Wilber');

    // Attributes Waymark does not keep (the enterprise extension, title) are accepted, not refused.
    expect((await k.send('PATCH', `/scim/v2/Users/${id}`, entra.addEnterpriseAttribute)).status).toBe(200);

    const read = await k.get(`/scim/v2/Users/${id}`);
    expect(read.body).toMatchObject({ id, userName: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' });
    expect((read.body.meta as { version: string }).version).toBe('W/"5"');

    const replaced = await k.send('PUT', `/scim/v2/Users/${id}`, {
      ...entra.createUser,
      userName: 'replaced@testuser.com',
      emails: [{ primary: true, type: 'work', value: 'replaced@testuser.com' }],
    });
    expect(replaced.body.userName).toBe('replaced@testuser.com');
    // PUT replaces: the displayName the PATCH set is gone.
    expect(replaced.body).not.toHaveProperty('displayName');

    expect((await k.send('DELETE', `/scim/v2/Users/${id}`)).status).toBe(204);
    const gone = await k.get(`/scim/v2/Users/${id}`);
    expect(gone).toMatchObject({ status: 404, body: { status: '404', detail: `no user with id ${id}` } });
    // The account and its history stay, suspended.
    expect((await k.t.stores.accounts.getUser(id as UserId))?.suspendedAt).not.toBeNull();
  });

  it('pages with startIndex and count', async () => {
    for (const n of [1, 2, 3])
      await k.send('POST', '/scim/v2/Users', {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `page${n}@example.org`,
      });
    const all = await k.get('/scim/v2/Users');
    const total = all.body.totalResults as number;
    const page = await k.get('/scim/v2/Users?startIndex=2&count=2');
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 2, itemsPerPage: 2 });
    expect((page.body.Resources as { id: string }[]).map((r) => r.id)).toEqual(
      (all.body.Resources as { id: string }[]).slice(1, 3).map((r) => r.id),
    );
    expect((await k.get('/scim/v2/Users?count=0')).body).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });

  it('adopts an account that already has the email, rather than making a second one', async () => {
    const existing = await k.t.addUser('Bea');
    const made = await k.send('POST', '/scim/v2/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'bea@example.org',
      externalId: 'bea-object-id',
      emails: [{ primary: true, type: 'work', value: 'bea@example.org' }],
    });
    expect([made.status, made.body.id]).toEqual([201, existing]);
  });

  it('refuses what it cannot do with SCIM errors that name the problem', async () => {
    const cases: [string, string, unknown, number, string | undefined, string][] = [
      [
        'GET',
        `/scim/v2/Users?filter=${q('userName co "x"')}`,
        undefined,
        400,
        'invalidFilter',
        'only the eq operator',
      ],
      [
        'GET',
        `/scim/v2/Users?filter=${q('title eq "x"')}`,
        undefined,
        400,
        'invalidFilter',
        'filtering on title',
      ],
      [
        'GET',
        `/scim/v2/Users?filter=${q('userName eq')}`,
        undefined,
        400,
        'invalidFilter',
        'attribute eq value',
      ],
      ['GET', '/scim/v2/Users?count=ten', undefined, 400, 'invalidValue', 'count must be a whole number'],
      ['POST', '/scim/v2/Users', { emails: [] }, 400, 'invalidValue', 'userName is required'],
      ['POST', '/scim/v2/Users', { userName: 'no-email' }, 400, 'invalidValue', 'emails'],
      [
        'POST',
        '/scim/v2/Users',
        { userName: 'x@example.org', active: 'perhaps' },
        400,
        'invalidValue',
        'active must be true or false',
      ],
      [
        'PATCH',
        '/scim/v2/Users/nobody',
        { schemas: [PATCH_OP], Operations: [] },
        404,
        undefined,
        'no user with id nobody',
      ],
      ['GET', '/scim/v2/Nothing', undefined, 404, undefined, 'no SCIM endpoint GET /scim/v2/Nothing'],
    ];
    for (const [method, path, body, status, scimType, detail] of cases) {
      const res = await k.scim.request(method, path, body);
      expect(res.headers.get('content-type')).toBe('application/scim+json');
      const json = (await res.json()) as { status: string; scimType?: string; detail: string };
      expect([path, res.status, json.status, json.scimType]).toEqual([
        path,
        status,
        String(status),
        scimType,
      ]);
      expect(json.detail).toContain(detail);
    }
    const someone = await k.send('POST', '/scim/v2/Users', { userName: 'op@example.org' });
    const badOp = await k.send('PATCH', `/scim/v2/Users/${someone.body.id as string}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Move', path: 'active', value: false }],
    });
    expect(badOp.body).toMatchObject({
      scimType: 'invalidSyntax',
      detail: 'Operations[0].op must be add, replace or remove',
    });
  });

  it('answers the discovery endpoints', async () => {
    const config = await k.get('/scim/v2/ServiceProviderConfig');
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    const types = await k.get('/scim/v2/ResourceTypes');
    expect((types.body.Resources as { id: string }[]).map((r) => r.id)).toEqual(['User', 'Group']);
    const schemaList = await k.get('/scim/v2/Schemas');
    expect((schemaList.body.Resources as { id: string }[]).map((r) => r.id)).toEqual([
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:core:2.0:Group',
    ]);
    expect((await k.get('/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:Group')).body.name).toBe(
      'Group',
    );
  });
});

describe('SCIM Groups and the workspace roles they give', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await scimTestApi();
  });
  afterAll(() => k.t.close());
  const w1 = 'w1' as WorkspaceId;

  it('provisions a group, its members by PATCH, and members get the role its mapping gives, then lose it', async () => {
    const person = await k.send('POST', '/scim/v2/Users', entra.createUser);
    const userId = person.body.id as UserId;
    const group = await k.send('POST', '/scim/v2/Groups', entra.createGroup);
    expect(group.status).toBe(201);
    const groupId = group.body.id as string;
    expect(group.body).toMatchObject({
      displayName: 'displayName',
      externalId: entra.createGroup.externalId,
      members: [],
    });

    const found = await k.get(
      `/scim/v2/Groups?excludedAttributes=members&filter=${q(entra.filterGroupByDisplayName)}`,
    );
    expect(found.body.totalResults).toBe(1);
    expect((found.body.Resources as Record<string, unknown>[])[0]).not.toHaveProperty('members');

    // An instance administrator says what the group gives: editor in w1.
    const mapped = await k.ada.request('PUT', `/api/scim/groups/${groupId}/roles`, {
      roles: [{ workspaceId: 'w1', role: 'editor' }],
    });
    expect(mapped.status).toBe(200);
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBeNull();

    expect((await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.addMember(userId))).status).toBe(204);
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBe('editor');
    const member = await k.get(`/scim/v2/Groups?filter=${q(entra.filterGroupMember(groupId, userId))}`);
    expect(member.body.totalResults).toBe(1);
    expect((await k.get(`/scim/v2/Groups/${groupId}`)).body.members).toEqual([
      { value: userId, display: 'givenName familyName', $ref: `http://localhost/scim/v2/Users/${userId}` },
    ]);

    // A change of mapping reaches members at once.
    await k.ada.request('PUT', `/api/scim/groups/${groupId}/roles`, {
      roles: [{ workspaceId: 'w1', role: 'viewer' }],
    });
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBe('viewer');
    const listed = (await (await k.ada.request('GET', '/api/scim/groups')).json()) as { groups: unknown[] };
    expect(listed.groups).toEqual([
      {
        id: groupId,
        displayName: 'displayName',
        externalId: entra.createGroup.externalId,
        memberCount: 1,
        roles: [{ workspaceId: 'w1', role: 'viewer' }],
      },
    ]);

    expect((await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.updateGroupDisplayName)).status).toBe(
      204,
    );
    expect((await k.get(`/scim/v2/Groups/${groupId}`)).body.displayName).toBe(
      '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName',
    );

    expect(
      (await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.removeMemberByPath(userId))).status,
    ).toBe(204);
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBeNull();
    const audit = await k.t.stores.accounts.listAudit(w1);
    expect(audit.map((e) => e.action).filter((a) => a.startsWith('scim.'))).toEqual([
      'scim.member.remove',
      'scim.member.role',
      'scim.member.add',
    ]);

    // Remove with a value list, as Entra ID also sends it; then the group goes.
    await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.addMember(userId));
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBe('viewer');
    await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.removeMember(userId));
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBeNull();
    await k.send('PATCH', `/scim/v2/Groups/${groupId}`, entra.addMember(userId));
    expect((await k.send('DELETE', `/scim/v2/Groups/${groupId}`)).status).toBe(204);
    expect(await k.t.stores.accounts.roleOf(w1, userId)).toBeNull();
    expect((await k.get(`/scim/v2/Groups/${groupId}`)).status).toBe(404);
  });

  it('leaves a membership an owner made by hand, and gives the highest role of several groups', async () => {
    const hand = await k.t.addUser('Hal', { ws: 'w1', role: 'commenter' });
    await k.send('POST', '/scim/v2/Users', { userName: 'hal@example.org' });
    const g1 = (
      await k.send('POST', '/scim/v2/Groups', { displayName: 'Viewers', members: [{ value: hand }] })
    ).body;
    await k.ada.request('PUT', `/api/scim/groups/${g1.id as string}/roles`, {
      roles: [{ workspaceId: 'w1', role: 'viewer' }],
    });
    await k.send('DELETE', `/scim/v2/Groups/${g1.id as string}`);
    expect(await k.t.stores.accounts.roleOf(w1, hand)).toBe('commenter');

    const other = (await k.send('POST', '/scim/v2/Users', { userName: 'olu@example.org' })).body.id as UserId;
    const low = (await k.send('POST', '/scim/v2/Groups', { displayName: 'Low', members: [{ value: other }] }))
      .body;
    const high = (await k.send('POST', '/scim/v2/Groups', { displayName: 'High' })).body;
    await k.ada.request('PUT', `/api/scim/groups/${low.id as string}/roles`, {
      roles: [{ workspaceId: 'w1', role: 'viewer' }],
    });
    await k.ada.request('PUT', `/api/scim/groups/${high.id as string}/roles`, {
      roles: [{ workspaceId: 'w1', role: 'owner' }],
    });
    expect(await k.t.stores.accounts.roleOf(w1, other)).toBe('viewer');
    await k.send('PATCH', `/scim/v2/Groups/${high.id as string}`, entra.addMember(other));
    expect(await k.t.stores.accounts.roleOf(w1, other)).toBe('owner');
  });

  it('refuses a member who is not provisioned and a mapping to a workspace that does not exist', async () => {
    const g = (await k.send('POST', '/scim/v2/Groups', { displayName: 'Strays' })).body.id as string;
    const stray = await k.send('PATCH', `/scim/v2/Groups/${g}`, entra.addMember('nobody'));
    expect(stray).toMatchObject({ status: 400, body: { scimType: 'invalidValue' } });
    const res = await k.ada.request('PUT', `/api/scim/groups/${g}/roles`, {
      roles: [{ workspaceId: 'w9', role: 'viewer' }],
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { path: string } }).error.path).toBe('roles[0].workspaceId');
  });
});
