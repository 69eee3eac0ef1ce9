import type { User, UserId } from '@waymark/store';
import { z } from 'zod';
import { fail } from '../api-error';
import { requireInstanceAdmin } from '../auth/instance-admin';
import { route, type RouteInput } from '../route-spec';
import { audit, nowIso } from '../routes/route-helpers';

/**
 * People, as an instance administrator manages them by hand (issue 12): suspend and restore a person (their
 * sessions end at once; their tokens stop working while suspended), and grant or remove instance administration.
 * The instance always keeps one instance administrator who can sign in. Each change is audited in the
 * instance's log (no workspace).
 */

const personBody = (u: User) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  createdAt: u.createdAt,
  instanceAdmin: u.instanceAdmin,
  suspendedAt: u.suspendedAt,
});

const changeBody = z
  .strictObject({ suspended: z.boolean().optional(), instanceAdmin: z.boolean().optional() })
  .refine((b) => b.suspended !== undefined || b.instanceAdmin !== undefined, {
    message: 'expected suspended or instanceAdmin',
    path: ['suspended'],
  });

/** An administrator who can sign in: granted and not suspended. */
const activeAdmin = (u: User) => u.instanceAdmin && u.suspendedAt === null;

export const peopleRoutes = () => [
  route({
    method: 'get',
    path: '/api/admin/people',
    tag: 'Administration',
    summary:
      'Everyone with an account: whether each is an instance administrator or suspended (instance administrators only)',
    access: 'user',
    scope: 'session',
    success: { description: '{items: [{id, email, name, createdAt, instanceAdmin, suspendedAt}]}' },
    async handle(input) {
      requireInstanceAdmin(input.actor, 'list people');
      const users = await input.deps.accounts.listUsers();
      return input.c.json({ items: users.map(personBody) });
    },
  }),
  route({
    method: 'patch',
    path: '/api/admin/people/{userId}',
    tag: 'Administration',
    summary:
      'Suspend or restore a person (suspending ends their sessions at once) and grant or remove instance administration; never leaves the instance without an instance administrator who can sign in (last_instance_admin)',
    access: 'user',
    scope: 'session',
    body: changeBody,
    errors: ['last_instance_admin'],
    success: { description: '{id, email, name, createdAt, instanceAdmin, suspendedAt}' },
    async handle(input: RouteInput<z.infer<typeof changeBody>>) {
      requireInstanceAdmin(input.actor, 'change people');
      const { accounts } = input.deps;
      const id = (input.params['userId'] ?? '') as UserId;
      const before = await accounts.getUser(id);
      if (!before) throw fail('not_found', `no person "${id}"`);
      const body = input.body;
      const after = {
        instanceAdmin: body.instanceAdmin ?? before.instanceAdmin,
        suspendedAt:
          body.suspended === undefined ? before.suspendedAt : body.suspended ? nowIso(input) : null,
      };
      if (activeAdmin(before) && !activeAdmin({ ...before, ...after })) {
        const others = (await accounts.listUsers()).filter((u) => u.id !== id && activeAdmin(u));
        if (others.length === 0)
          throw fail(
            'last_instance_admin',
            `${before.email} is the only instance administrator who can sign in: make someone else one first`,
            body.instanceAdmin === false ? 'instanceAdmin' : 'suspended',
          );
      }
      const target = `user:${id}`;
      if (body.instanceAdmin !== undefined && body.instanceAdmin !== before.instanceAdmin) {
        await accounts.setInstanceAdmin(id, body.instanceAdmin);
        await audit(
          input,
          body.instanceAdmin ? 'person.instance_admin.grant' : 'person.instance_admin.remove',
          target,
          { email: before.email },
          null,
        );
      }
      if (body.suspended !== undefined && body.suspended !== (before.suspendedAt !== null)) {
        await accounts.setSuspended(id, after.suspendedAt);
        if (body.suspended) await accounts.deleteSessionsOf(id);
        await audit(
          input,
          body.suspended ? 'person.suspend' : 'person.restore',
          target,
          { email: before.email },
          null,
        );
      }
      return input.c.json(personBody((await accounts.getUser(id)) ?? before));
    },
  }),
];
