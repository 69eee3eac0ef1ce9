import { roles, type UserId, type WorkspaceId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { randomText, hashToken } from '../auth/secrets';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { route, type RouteInput } from '../route-spec';
import { nowIso, userOf } from '../routes/route-helpers';
import { SCIM_BASE, SCIM_TOKEN_PREFIX } from './scim-app';
import { syncRoles } from './scim-roles';

function scimFor(input: RouteInput<unknown>) {
  requireInstanceAdmin(input.actor, 'manage provisioning');
  if (!input.deps.scim) throw fail('not_found', 'provisioning is not set up on this server');
  return input.deps.scim;
}

const audit = (input: RouteInput<unknown>, action: string, target: string | null, detail: object | null) =>
  input.deps.accounts.appendAudit({
    workspaceId: null,
    actorId: userOf(input).id,
    action,
    target,
    detail: detail as Record<string, unknown> | null,
    ip: null,
    at: nowIso(input),
  });

const groupRolesBody = z.strictObject({
  roles: z.array(z.strictObject({ workspaceId: z.string().min(1).max(200), role: z.enum(roles) })).max(500),
});

/**
 * Provisioning as an instance administrator manages it (decision 0026): the instance's one SCIM token (made or
 * replaced, shown once, stored hashed; revoked) and which workspace role each provisioned group gives.
 */
export const scimAdminRoutes = () => [
  route({
    method: 'get',
    path: '/api/scim/token',
    tag: 'Provisioning',
    summary:
      'Whether provisioning has a working token, who made it, when it was last used (instance administrators)',
    access: 'user',
    scope: 'session',
    success: { description: '{endpoint, token: {id, createdAt, createdBy, lastUsedAt} | null}' },
    async handle(input) {
      const scim = scimFor(input);
      return input.c.json({ endpoint: SCIM_BASE, token: await scim.currentToken() });
    },
  }),
  route({
    method: 'post',
    path: '/api/scim/token',
    tag: 'Provisioning',
    summary: 'Make a new provisioning token, replacing any other; its secret is shown this once',
    access: 'user',
    scope: 'session',
    success: { status: 201, description: '{secret: "wmscim_…", endpoint, token}' },
    async handle(input) {
      const scim = scimFor(input);
      const secret = `${SCIM_TOKEN_PREFIX}${randomText(input.deps.randomBytes)}`;
      const token = await scim.replaceToken({
        id: input.deps.newId(),
        tokenHash: hashToken(secret),
        createdBy: userOf(input).id,
        at: nowIso(input),
      });
      await audit(input, 'scim.token.create', token.id, null);
      return input.c.json({ secret, endpoint: SCIM_BASE, token }, 201);
    },
  }),
  route({
    method: 'delete',
    path: '/api/scim/token',
    tag: 'Provisioning',
    summary: 'Revoke the provisioning token: the directory can no longer provision',
    access: 'user',
    scope: 'session',
    success: { status: 204, description: 'revoked (or there was none)' },
    async handle(input) {
      const scim = scimFor(input);
      if (await scim.revokeToken(nowIso(input))) await audit(input, 'scim.token.revoke', null, null);
      return input.c.body(null, 204);
    },
  }),
  route({
    method: 'get',
    path: '/api/scim/groups',
    tag: 'Provisioning',
    summary: 'The groups the directory provisioned, with their members and the workspace roles each gives',
    access: 'user',
    scope: 'session',
    success: {
      description: '{groups: [{id, displayName, externalId, memberCount, roles: [{workspaceId, role}]}]}',
    },
    async handle(input) {
      const scim = scimFor(input);
      const { groups } = await scim.listGroups([], { offset: 0, limit: 10_000 });
      const mapped = await scim.listGroupRoles();
      return input.c.json({
        groups: groups.map((g) => ({
          id: g.id,
          displayName: g.displayName,
          externalId: g.externalId,
          memberCount: g.members.length,
          roles: mapped
            .filter((m) => m.groupId === g.id)
            .map((m) => ({ workspaceId: m.workspaceId, role: m.role })),
        })),
      });
    },
  }),
  route({
    method: 'put',
    path: '/api/scim/groups/{groupId}/roles',
    tag: 'Provisioning',
    summary: "Set every workspace role a provisioned group gives its members; members' roles follow at once",
    access: 'user',
    scope: 'session',
    body: groupRolesBody,
    errors: ['workspace_not_found', 'not_found'],
    success: { description: '{groupId, roles}' },
    async handle(input) {
      const scim = scimFor(input);
      const { roles: wanted } = input.body as z.infer<typeof groupRolesBody>;
      for (const [i, r] of wanted.entries()) {
        if (!(await input.deps.accounts.getWorkspace(r.workspaceId as WorkspaceId)))
          throw fail('workspace_not_found', `no workspace "${r.workspaceId}"`, `roles[${i}].workspaceId`);
      }
      if (new Set(wanted.map((r) => r.workspaceId)).size !== wanted.length)
        throw fail('invalid_request', 'each workspace may appear once', 'roles');
      const groupId = input.params.groupId ?? '';
      const members = await scim.setGroupRoles(
        groupId,
        wanted.map((r) => ({ workspaceId: r.workspaceId as WorkspaceId, role: r.role })),
      );
      if (members === null) throw fail('not_found', `no provisioned group "${groupId}"`);
      const now = await scim.listGroupRoles();
      for (const member of members) await syncRoles(input.deps, scim, member as UserId, nowIso(input));
      await audit(input, 'scim.group.roles', groupId, { roles: wanted });
      return input.c.json({
        groupId,
        roles: now
          .filter((r) => r.groupId === groupId)
          .map((r) => ({ workspaceId: r.workspaceId, role: r.role })),
      });
    },
  }),
];
