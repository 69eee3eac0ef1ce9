import { hasRole, type Role } from '@waymark/store';
import type { Context } from 'hono';
import { fail } from '../api-error';
import type { ApiEnv, WorkspaceAccess } from '../auth/actor';
import type { RouteSpec } from '../route-spec';
import type { GuestActor } from './guest-session';

/**
 * The only routes a guest may call, each on the one map of their link, with the role it needs and the name
 * of the action in the audit trail. Everything else answers as if it did not exist (decision 0015).
 */
export const guestRoutes: Readonly<Record<string, { readonly role: Role; readonly action: string }>> = {
  'GET /api/workspaces/{ws}/journeys/{id}': { role: 'commenter', action: 'guest.journey.read' },
  'POST /api/workspaces/{ws}/journeys/{id}/commands': { role: 'editor', action: 'guest.journey.edit' },
  'GET /api/workspaces/{ws}/journeys/{id}/comments': { role: 'commenter', action: 'guest.comments.read' },
  'POST /api/workspaces/{ws}/journeys/{id}/comments': { role: 'commenter', action: 'guest.comment.add' },
  'PATCH /api/workspaces/{ws}/journeys/{id}/comments/{cid}': {
    role: 'commenter',
    action: 'guest.comment.resolve',
  },
  'POST /api/workspaces/{ws}/journeys/{id}/comments/{cid}/replies': {
    role: 'commenter',
    action: 'guest.comment.reply',
  },
};

export const guestRouteKey = (spec: Pick<RouteSpec, 'method' | 'path'>) =>
  `${spec.method.toUpperCase()} ${spec.path}`;

/**
 * What `authorize` does for a guest: a route for signed-in people answers as to anyone not signed in (401);
 * any other route, workspace or journey answers as one that does not exist (404); a route on their map that
 * needs more than their role is 403.
 */
export function authorizeGuest(spec: RouteSpec, c: Context<ApiEnv>, actor: GuestActor): WorkspaceAccess {
  if (spec.access === 'user')
    throw fail('unauthenticated', 'sign in first, or send an API token as "Authorization: Bearer wm_…"');
  const ws = c.req.param('ws') ?? '';
  const allowed = guestRoutes[guestRouteKey(spec)];
  if (!allowed || ws !== actor.link.workspaceId)
    throw fail('workspace_not_found', `no workspace "${ws}" that you can see`, null);
  const id = c.req.param('id') ?? '';
  if (id !== actor.link.journeyId) throw fail('journey_not_found', `no journey "${id}" in this workspace`);
  if (!hasRole(actor.link.role, allowed.role))
    throw fail(
      'forbidden',
      `this needs the ${allowed.role} role on this map; as a guest you are ${actor.link.role}`,
    );
  return { id: actor.link.workspaceId, role: actor.link.role };
}
