import type { Context } from 'hono';
import type { ApiDeps } from '../deps';
import type { RouteSpec } from '../route-spec';
import { guestRouteKey, guestRoutes } from './guest-access';
import type { GuestActor } from './guest-session';

/** One audit event for something a guest did, always with the link they came by. */
export async function auditGuest(
  deps: ApiDeps,
  actor: GuestActor,
  action: string,
  detail: Record<string, unknown>,
  ip: string | null,
): Promise<void> {
  await deps.accounts.appendAudit({
    workspaceId: actor.link.workspaceId,
    actorId: actor.user.id,
    action,
    target: actor.link.journeyId,
    detail: { ...detail, guestLinkId: actor.link.id, guest: actor.user.name },
    ip,
    at: deps.clock().toISOString(),
  });
}

/** Records a guest's request to one of their routes once it has been answered (reads as well as changes). */
export async function auditGuestRequest(
  deps: ApiDeps,
  c: Context,
  spec: RouteSpec,
  actor: GuestActor,
  status: number,
  body: unknown,
): Promise<void> {
  const action = guestRoutes[guestRouteKey(spec)]?.action ?? 'guest.request';
  const detail: Record<string, unknown> = { status };
  if (spec.method !== 'get') detail['route'] = guestRouteKey(spec);
  const cid = c.req.param('cid');
  if (cid) detail['commentId'] = cid;
  const commands = (body as { commands?: { type?: unknown }[] } | undefined)?.commands;
  if (Array.isArray(commands)) detail['commands'] = commands.map((command) => command.type);
  await auditGuest(deps, actor, action, detail, deps.clientIp?.(c) ?? null);
}
