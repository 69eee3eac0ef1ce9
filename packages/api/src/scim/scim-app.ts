import type { Instant, ScimGroup, ScimStore, ScimStoreError, ScimUser, UserId } from '@waymark/store';
import { Hono, type Context } from 'hono';
import { hashToken } from '../auth/secrets';
import type { ApiDeps } from '../deps';
import { resourceTypes, schemaResources, serviceProviderConfig } from './scim-discovery';
import { parseFilter } from './scim-filter';
import { badRequest, SCIM_MEDIA_TYPE, ScimError, schemas } from './scim-protocol';
import {
  groupFieldsOf,
  groupResource,
  operationsOf,
  patchGroup,
  patchUser,
  userFieldsOf,
  userResource,
} from './scim-resources';
import { syncRoles } from './scim-roles';

/** Provisioning tokens carry their own prefix: an API token (wm_…) is never one, nor the other way round. */
export const SCIM_TOKEN_PREFIX = 'wmscim_';
export const SCIM_BASE = '/scim/v2';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_COUNT = 200;

const answer = (c: Context, body: unknown, status = 200) =>
  c.body(JSON.stringify(body), status as 200, { 'content-type': SCIM_MEDIA_TYPE });

const notFound = (what: string, id: string) => new ScimError(404, `no ${what} with id ${id}`);

const storeFailure = (e: ScimStoreError, what: string, id: string) =>
  e.code === 'not_found'
    ? badRequest('invalidValue', `a member named is not a provisioned user (${what} ${id})`)
    : new ScimError(409, `another ${what} already has this ${e.field}`, 'uniqueness');

async function readBody(c: Context): Promise<unknown> {
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new ScimError(413, 'the body is larger than 1 MB');
  const raw = await c.req.text();
  if (raw.length > MAX_BODY_BYTES) throw new ScimError(413, 'the body is larger than 1 MB');
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw badRequest('invalidSyntax', 'the body is not JSON');
  }
}

/** startIndex (1-based) and count of a list request (RFC 7644 §3.4.2.4). */
function pageOf(c: Context) {
  const number = (name: string, fallback: number) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n)) throw badRequest('invalidValue', `${name} must be a whole number`);
    return n;
  };
  const startIndex = Math.max(1, number('startIndex', 1));
  const count = Math.min(MAX_COUNT, Math.max(0, number('count', 100)));
  return { startIndex, count, offset: startIndex - 1, limit: count };
}

const listResponse = (resources: unknown[], total: number, startIndex: number) => ({
  schemas: [schemas.listResponse],
  totalResults: total,
  startIndex,
  itemsPerPage: resources.length,
  Resources: resources,
});

const userFilterFields = {
  id: 'id',
  username: 'userName',
  externalid: 'externalId',
  displayname: 'displayName',
  emails: 'email',
  'emails.value': 'email',
} as const;
const groupFilterFields = {
  id: 'id',
  displayname: 'displayName',
  externalid: 'externalId',
  members: 'members',
  'members.value': 'members',
} as const;

function whereOf<M extends Record<string, string>>(
  c: Context,
  fields: M,
): { field: M[keyof M]; value: string }[] {
  const filter = c.req.query('filter');
  if (!filter) return [];
  return parseFilter(filter).map((term) => {
    const attribute = term.attribute.replace(/\[[^\]]*\]/g, '');
    if (!(attribute in fields))
      throw badRequest('invalidFilter', `filtering on ${term.attribute} is not supported`);
    return { field: fields[attribute as keyof M]!, value: term.value };
  });
}

/**
 * `/scim/v2`: Users, Groups and the discovery endpoints, as Microsoft Entra ID calls them (issue 12, item 2,
 * decision 0026). Only the instance's provisioning token opens it: no session, no API token. Everything it
 * answers, refusals included, is SCIM's own JSON (application/scim+json).
 */
export function scimApp(deps: ApiDeps): Hono {
  const app = new Hono();
  const store = (): ScimStore => {
    if (!deps.scim) throw new ScimError(503, 'provisioning is not set up on this server');
    return deps.scim;
  };
  const now = (): Instant => deps.clock().toISOString();
  const baseOf = (c: Context) => `${new URL(c.req.url).origin}${SCIM_BASE}`;

  app.onError((error, c) => {
    if (error instanceof ScimError) {
      const res = answer(c, error.toBody(), error.status);
      if (error.status === 401) res.headers.set('www-authenticate', 'Bearer realm="waymark-scim"');
      return res;
    }
    console.error(error);
    return answer(c, new ScimError(500, 'something went wrong on the server; try again').toBody(), 500);
  });

  app.use('*', async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token?.startsWith(SCIM_TOKEN_PREFIX))
      throw new ScimError(
        401,
        `send the provisioning token as "Authorization: Bearer ${SCIM_TOKEN_PREFIX}…"`,
      );
    const found = await store().findToken(hashToken(token));
    if (!found) throw new ScimError(401, 'this provisioning token is not valid: it may have been replaced');
    await store().touchToken(found.id, now());
    await next();
  });

  /** Makes the account follow `active`: a person made inactive is suspended and signed out at once. */
  const follow = async (user: ScimUser, wasActive: boolean | null) => {
    if (user.active === wasActive) return;
    const account = await deps.accounts.getUser(user.id);
    if (!account) return;
    if (!user.active) {
      await deps.accounts.setSuspended(user.id, now());
      await deps.accounts.deleteSessionsOf(user.id);
    } else if (account.suspendedAt !== null) {
      await deps.accounts.setSuspended(user.id, null);
    }
  };
  const resync = async (people: readonly UserId[]) => {
    for (const id of new Set(people)) await syncRoles(deps, store(), id, now());
  };

  app.get('/ServiceProviderConfig', (c) => answer(c, serviceProviderConfig(baseOf(c))));
  app.get('/ResourceTypes', (c) => {
    const list = resourceTypes(baseOf(c));
    return answer(c, listResponse(list, list.length, 1));
  });
  app.get('/ResourceTypes/:id', (c) => {
    const found = resourceTypes(baseOf(c)).find((r) => r.id === c.req.param('id'));
    if (!found) throw notFound('resource type', c.req.param('id'));
    return answer(c, found);
  });
  app.get('/Schemas', (c) => {
    const list = schemaResources(baseOf(c));
    return answer(c, listResponse(list, list.length, 1));
  });
  app.get('/Schemas/:id', (c) => {
    const found = schemaResources(baseOf(c)).find((r) => r.id === c.req.param('id'));
    if (!found) throw notFound('schema', c.req.param('id'));
    return answer(c, found);
  });

  app.get('/Users', async (c) => {
    const page = pageOf(c);
    const { total, users } = await store().listUsers(whereOf(c, userFilterFields), page);
    const base = baseOf(c);
    return answer(
      c,
      listResponse(
        users.map((u) => userResource(u, base)),
        total,
        page.startIndex,
      ),
    );
  });
  app.post('/Users', async (c) => {
    const fields = userFieldsOf(await readBody(c));
    const made = await store().createUser({ ...fields, newId: deps.newId() as UserId, at: now() });
    if (!made.ok) throw storeFailure(made.error, 'user', fields.userName);
    await follow(made.value, null);
    return answer(c, userResource(made.value, baseOf(c)), 201);
  });
  const userOr404 = async (id: string) => {
    const user = await store().getUser(id as UserId);
    if (!user) throw notFound('user', id);
    return user;
  };
  app.get('/Users/:id', async (c) => answer(c, userResource(await userOr404(c.req.param('id')), baseOf(c))));
  const saveUser = async (c: Context, before: ScimUser, fields: ReturnType<typeof userFieldsOf>) => {
    const saved = await store().updateUser(before.id, fields, now());
    if (!saved.ok) throw storeFailure(saved.error, 'user', before.id);
    await follow(saved.value, before.active);
    return answer(c, userResource(saved.value, baseOf(c)));
  };
  app.put('/Users/:id', async (c) => {
    const before = await userOr404(c.req.param('id'));
    return saveUser(c, before, userFieldsOf(await readBody(c)));
  });
  app.patch('/Users/:id', async (c) => {
    const before = await userOr404(c.req.param('id'));
    return saveUser(c, before, patchUser(before, operationsOf(await readBody(c))));
  });
  app.delete('/Users/:id', async (c) => {
    const user = await userOr404(c.req.param('id'));
    // The account stays (its history names them) but is suspended; its memberships from groups end.
    await store().deleteUser(user.id);
    await deps.accounts.setSuspended(user.id, now());
    await deps.accounts.deleteSessionsOf(user.id);
    await resync([user.id]);
    return c.body(null, 204);
  });

  app.get('/Groups', async (c) => {
    const page = pageOf(c);
    const { total, groups } = await store().listGroups(whereOf(c, groupFilterFields), page);
    const withMembers = !/\bmembers\b/i.test(c.req.query('excludedAttributes') ?? '');
    const base = baseOf(c);
    return answer(
      c,
      listResponse(
        groups.map((g) => groupResource(g, base, withMembers)),
        total,
        page.startIndex,
      ),
    );
  });
  app.post('/Groups', async (c) => {
    const fields = groupFieldsOf(await readBody(c));
    const made = await store().createGroup({ ...fields, id: deps.newId(), at: now() });
    if (!made.ok) throw storeFailure(made.error, 'group', fields.displayName);
    await resync(fields.members);
    return answer(c, groupResource(made.value, baseOf(c)), 201);
  });
  const groupOr404 = async (id: string): Promise<ScimGroup> => {
    const group = await store().getGroup(id);
    if (!group) throw notFound('group', id);
    return group;
  };
  app.get('/Groups/:id', async (c) => {
    const withMembers = !/\bmembers\b/i.test(c.req.query('excludedAttributes') ?? '');
    return answer(c, groupResource(await groupOr404(c.req.param('id')), baseOf(c), withMembers));
  });
  app.put('/Groups/:id', async (c) => {
    const before = await groupOr404(c.req.param('id'));
    const { members, ...fields } = groupFieldsOf(await readBody(c));
    const saved = await store().updateGroup(before.id, { fields, members }, now());
    if (!saved.ok) throw storeFailure(saved.error, 'group', before.id);
    await resync(saved.changed);
    return answer(c, groupResource(saved.value, baseOf(c)));
  });
  app.patch('/Groups/:id', async (c) => {
    const before = await groupOr404(c.req.param('id'));
    const change = patchGroup(before, operationsOf(await readBody(c)));
    const members = change.members ?? (change.removeAll ? [] : undefined);
    const saved = await store().updateGroup(
      before.id,
      { fields: change.fields, ...(members ? { members } : {}), add: change.add, remove: change.remove },
      now(),
    );
    if (!saved.ok) throw storeFailure(saved.error, 'group', before.id);
    await resync(saved.changed);
    // Entra ID expects 204 No Content after a PATCH of a group.
    return c.body(null, 204);
  });
  app.delete('/Groups/:id', async (c) => {
    const members = await store().deleteGroup(c.req.param('id'));
    if (members === null) throw notFound('group', c.req.param('id'));
    await resync(members);
    return c.body(null, 204);
  });

  app.all('*', (c) => {
    throw new ScimError(404, `no SCIM endpoint ${c.req.method} ${new URL(c.req.url).pathname}`);
  });
  return app;
}
