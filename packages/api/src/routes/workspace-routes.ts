import type { UserId, WorkspaceId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { issueOneTimePassword, type IssuedPassword } from '../auth/one-time-password';
import { route } from '../route-spec';
import { audit, nowIso, userOf, workspaceOf } from './route-helpers';
import { emailSchema, nameSchema, roleSchema } from './schemas';

const memberBody = (m: {
  user: { id: string; email: string; name: string };
  role: string;
  since: string;
}) => ({
  userId: m.user.id,
  email: m.user.email,
  name: m.user.name,
  role: m.role,
  since: m.since,
});

export const workspaceRoutes = () => [
  route({
    method: 'get',
    path: '/api/workspaces',
    tag: 'Workspaces',
    summary: 'The workspaces you belong to, with your role',
    access: 'user',
    success: { description: '{items:[{id,name,role}]}' },
    async handle(input) {
      const all = await input.deps.accounts.listWorkspacesOf(userOf(input).id);
      const actor = input.actor!;
      return input.c.json({
        items: actor.via === 'token' ? all.filter((w) => w.id === actor.token.workspaceId) : all,
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces',
    tag: 'Workspaces',
    summary: 'Create a workspace; you become its owner',
    access: 'user',
    body: z.strictObject({ name: nameSchema }),
    success: { status: 201, description: '{id, name, role}' },
    async handle(input) {
      const id = input.deps.newId() as WorkspaceId;
      const ws = await input.deps.accounts.createWorkspace({
        id,
        name: input.body.name,
        ownerId: userOf(input).id,
        at: nowIso(input),
      });
      await audit(input, 'workspace.create', ws.id, { name: ws.name }, ws.id);
      return input.c.json({ id: ws.id, name: ws.name, role: 'owner' }, 201);
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}',
    tag: 'Workspaces',
    summary: 'One workspace and your role in it',
    access: 'viewer',
    success: { description: '{id, name, createdAt, role}' },
    async handle(input) {
      const ws = await input.deps.accounts.getWorkspace(workspaceOf(input));
      if (!ws) throw fail('workspace_not_found', 'no such workspace');
      return input.c.json({ ...ws, role: input.workspace!.role });
    },
  }),
  route({
    method: 'get',
    path: '/api/workspaces/{ws}/members',
    tag: 'Members',
    summary: 'The members of the workspace and their roles',
    access: 'viewer',
    success: { description: '{items:[{userId,email,name,role,since}]}' },
    async handle(input) {
      return input.c.json({
        items: (await input.deps.accounts.listMembers(workspaceOf(input))).map(memberBody),
      });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/members',
    tag: 'Members',
    summary:
      'Add a member by email; a new email creates the account with a one-time password (works once, for a set time), shown once',
    access: 'owner',
    scope: 'session',
    body: z.strictObject({ email: emailSchema, role: roleSchema, name: nameSchema.optional() }),
    success: { status: 201, description: '{member, oneTimePassword?, oneTimePasswordExpiresAt?}' },
    errors: ['already_member'],
    async handle(input) {
      const { deps, body } = input;
      const ws = workspaceOf(input);
      let user = await deps.accounts.findUserByEmail(body.email);
      let issued: IssuedPassword | undefined;
      if (!user) {
        const created = await deps.accounts.createUser({
          id: deps.newId() as UserId,
          email: body.email,
          name: body.name ?? body.email.split('@')[0]!,
          at: nowIso(input),
        });
        if (!created.ok) throw fail('email_taken', created.error.message, 'email');
        user = created.value;
        issued = await issueOneTimePassword(deps, input.limits, user.id);
      }
      const added = await deps.accounts.addMember(ws, user.id, body.role, nowIso(input));
      if (!added.ok) throw fail('already_member', added.error.message, 'email');
      await audit(input, 'member.add', user.id, {
        email: user.email,
        role: body.role,
        newAccount: issued !== undefined,
      });
      return input.c.json({ member: memberBody(added.value), ...issued }, 201);
    },
  }),
  route({
    method: 'patch',
    path: '/api/workspaces/{ws}/members/{userId}',
    tag: 'Members',
    summary: "Change a member's role",
    access: 'owner',
    scope: 'session',
    body: z.strictObject({ role: roleSchema }),
    success: { description: '{member}' },
    errors: ['member_not_found', 'last_owner'],
    async handle(input) {
      const userId = input.params['userId'] as UserId;
      const changed = await input.deps.accounts.setMemberRole(workspaceOf(input), userId, input.body.role);
      if (!changed.ok)
        throw fail(
          changed.error.code as 'last_owner',
          changed.error.message,
          changed.error.code === 'last_owner' ? 'role' : null,
        );
      await audit(input, 'member.role', userId, { role: input.body.role });
      return input.c.json({ member: memberBody(changed.value) });
    },
  }),
  route({
    method: 'delete',
    path: '/api/workspaces/{ws}/members/{userId}',
    tag: 'Members',
    summary: 'Remove a member from the workspace',
    access: 'owner',
    scope: 'session',
    success: { description: '{removed: true}' },
    errors: ['member_not_found', 'last_owner'],
    async handle(input) {
      const userId = input.params['userId'] as UserId;
      const removed = await input.deps.accounts.removeMember(workspaceOf(input), userId);
      if (!removed.ok) throw fail(removed.error.code as 'last_owner', removed.error.message);
      await audit(input, 'member.remove', userId);
      return input.c.json({ removed: true });
    },
  }),
  route({
    method: 'post',
    path: '/api/workspaces/{ws}/members/{userId}/password-reset',
    tag: 'Members',
    summary:
      "Reset a member's password: a new one-time password, shown once; their sessions end. Only for someone every one of whose workspaces you own",
    access: 'owner',
    scope: 'session',
    success: { description: '{oneTimePassword, oneTimePasswordExpiresAt}' },
    errors: ['member_not_found', 'reset_not_allowed'],
    async handle(input) {
      const { deps } = input;
      const ws = workspaceOf(input);
      const me = userOf(input);
      const userId = input.params['userId'] as UserId;
      const theirs = await deps.accounts.listWorkspacesOf(userId);
      const member = await deps.accounts.getUser(userId);
      if (!member || !theirs.some((w) => w.id === ws))
        throw fail('member_not_found', `no member "${userId}" in this workspace`);
      if (userId === me.id)
        throw fail('forbidden', 'To change your own password, use Change your password in the account menu.');
      // Resetting gives the owner the account: only if it reaches nothing the owner does not already control.
      for (const w of theirs) {
        if ((await deps.accounts.roleOf(w.id, me.id)) !== 'owner')
          throw fail(
            'reset_not_allowed',
            `${member.name} also belongs to a workspace you do not own, so you cannot reset their password. They can change it themselves; if they have forgotten it, an owner of every workspace they belong to can reset it.`,
          );
      }
      const issued = await issueOneTimePassword(deps, input.limits, userId);
      await deps.accounts.deleteSessionsOf(userId);
      await audit(input, 'member.password_reset', userId, {
        email: member.email,
        expiresAt: issued.oneTimePasswordExpiresAt,
      });
      return input.c.json(issued);
    },
  }),
];
