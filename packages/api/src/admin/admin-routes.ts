import type { UserId, WorkspaceId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { clearSessionCookie } from '../auth/session-cookie';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso, userOf } from '../routes/route-helpers';
import { emailSchema, nameSchema } from '../routes/schemas';

/**
 * Administration (issue 12, item 3; decision 0025): instance administrators create, rename and archive
 * workspaces; each person lists their own sessions and ends one or all of them. Tokens and the audit trail are
 * in token-routes.ts. None of these is for API tokens.
 */

const workspaceBody = (w: {
  id: string;
  name: string;
  createdAt: string;
  archivedAt: string | null;
  memberCount?: number;
}) => ({
  id: w.id,
  name: w.name,
  createdAt: w.createdAt,
  archivedAt: w.archivedAt,
  ...(w.memberCount === undefined ? {} : { memberCount: w.memberCount }),
});

/** Audits to every workspace the person belongs to (or the instance's log if none), like sign-in. */
async function auditForPerson(input: RouteInput<unknown>, action: string, detail: Record<string, unknown>) {
  const user = userOf(input);
  const workspaces = await input.deps.accounts.listWorkspacesOf(user.id);
  for (const ws of workspaces.length > 0 ? workspaces.map((w) => w.id) : [null])
    await audit(input, action, `user:${user.id}`, detail, ws);
}

const sessionOf = (input: RouteInput<unknown>) => (input.actor?.via === 'session' ? input.actor : null);

export const adminRoutes = () => [
  route({
    method: 'get',
    path: '/api/admin/workspaces',
    tag: 'Administration',
    summary: 'Every workspace, archived ones too, with its number of members (instance administrators only)',
    access: 'user',
    scope: 'session',
    success: { description: '{items:[{id, name, createdAt, archivedAt, memberCount}]}' },
    async handle(input) {
      requireInstanceAdmin(input.actor, 'list every workspace');
      const items = await input.deps.accounts.listAllWorkspaces();
      return input.c.json({ items: items.map(workspaceBody) });
    },
  }),
  route({
    method: 'post',
    path: '/api/admin/workspaces',
    tag: 'Administration',
    summary:
      'Create a workspace (instance administrators only); its first owner is the person with ownerEmail, or the administrator',
    access: 'user',
    scope: 'session',
    body: z.strictObject({ name: nameSchema, ownerEmail: emailSchema.optional() }),
    success: { status: 201, description: '{id, name, createdAt, archivedAt, owner: {id, name}}' },
    async handle(input) {
      requireInstanceAdmin(input.actor, 'create workspaces');
      const owner = input.body.ownerEmail
        ? await input.deps.accounts.findUserByEmail(input.body.ownerEmail)
        : userOf(input);
      if (!owner)
        throw fail(
          'invalid_request',
          'no one has an account with that email: they must sign in once first',
          'ownerEmail',
        );
      const ws = await input.deps.accounts.createWorkspace({
        id: input.deps.newId() as WorkspaceId,
        name: input.body.name,
        ownerId: owner.id as UserId,
        at: nowIso(input),
      });
      await audit(
        input,
        'workspace.create',
        `workspace:${ws.id}`,
        { name: ws.name, owner: owner.email },
        ws.id,
      );
      return input.c.json({ ...workspaceBody(ws), owner: { id: owner.id, name: owner.name } }, 201);
    },
  }),
  route({
    method: 'patch',
    path: '/api/admin/workspaces/{workspaceId}',
    tag: 'Administration',
    summary:
      'Rename a workspace, archive it (hidden from its members and read-only) or bring it back (instance administrators only)',
    access: 'user',
    scope: 'session',
    body: z
      .strictObject({ name: nameSchema.optional(), archived: z.boolean().optional() })
      .refine((b) => b.name !== undefined || b.archived !== undefined, {
        message: 'expected a new name or archived',
      }),
    success: { description: '{id, name, createdAt, archivedAt}' },
    errors: ['workspace_not_found'],
    async handle(input) {
      requireInstanceAdmin(input.actor, 'rename or archive workspaces');
      const id = input.params['workspaceId'] as WorkspaceId;
      const before = await input.deps.accounts.getWorkspace(id);
      if (!before) throw fail('workspace_not_found', `no workspace ${id}`);
      let after = before;
      if (input.body.name !== undefined && input.body.name !== before.name) {
        const renamed = await input.deps.accounts.renameWorkspace(id, input.body.name);
        if (!renamed.ok) throw fail('workspace_not_found', renamed.error.message);
        after = renamed.value;
        await audit(input, 'workspace.rename', `workspace:${id}`, { from: before.name, to: after.name }, id);
      }
      if (input.body.archived !== undefined && input.body.archived !== (before.archivedAt !== null)) {
        const changed = await input.deps.accounts.setWorkspaceArchived(
          id,
          input.body.archived ? nowIso(input) : null,
        );
        if (!changed.ok) throw fail('workspace_not_found', changed.error.message);
        after = changed.value;
        await audit(
          input,
          input.body.archived ? 'workspace.archive' : 'workspace.unarchive',
          `workspace:${id}`,
          {
            name: after.name,
          },
          id,
        );
      }
      return input.c.json(workspaceBody(after));
    },
  }),
  route({
    method: 'get',
    path: '/api/auth/sessions',
    tag: 'Accounts',
    summary:
      'Your sessions that have not ended: when each began, when it ends, its browser, and which is this one',
    access: 'user',
    scope: 'session',
    success: { description: '{items:[{id, createdAt, expiresAt, userAgent, current}]}' },
    async handle(input) {
      const items = await input.deps.accounts.listSessionsOf(userOf(input).id, nowIso(input));
      const current = sessionOf(input)?.sessionId;
      return input.c.json({ items: items.map((s) => ({ ...s, current: s.id === current })) });
    },
  }),
  route({
    method: 'delete',
    path: '/api/auth/sessions/{sessionId}',
    tag: 'Accounts',
    summary: 'End one of your sessions (this one signs you out here)',
    access: 'user',
    scope: 'session',
    success: { description: '{ended: true, current}' },
    errors: ['session_not_found'],
    async handle(input) {
      const id = input.params['sessionId']!;
      if (!(await input.deps.accounts.deleteSessionById(userOf(input).id, id)))
        throw fail('session_not_found', 'you have no session with that id: it may have ended already');
      const current = sessionOf(input)?.sessionId === id;
      if (current) clearSessionCookie(input.c);
      await auditForPerson(input, 'session.end', { current });
      return input.c.json({ ended: true, current });
    },
  }),
  route({
    method: 'delete',
    path: '/api/auth/sessions',
    tag: 'Accounts',
    summary: 'Sign out everywhere: end every one of your sessions, this one too',
    access: 'user',
    scope: 'session',
    success: { description: '{ended: number}' },
    async handle(input) {
      const ended = await input.deps.accounts.deleteSessionsOf(userOf(input).id);
      clearSessionCookie(input.c);
      await auditForPerson(input, 'session.end_all', { ended });
      return input.c.json({ ended });
    },
  }),
];
