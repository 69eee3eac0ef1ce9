import type { JourneyId } from '@waymark/core';
import type { StoredJourney, WorkspaceId } from '@waymark/store';
import type { Context } from 'hono';
import { fail } from '../api-error';
import type { RouteInput } from '../route-spec';

export const nowIso = (input: Pick<RouteInput<unknown>, 'deps'>): string => input.deps.clock().toISOString();

export const clientIp = (input: Pick<RouteInput<unknown>, 'deps' | 'c'>): string =>
  input.deps.clientIp?.(input.c as Context) ?? 'unknown';

/** The workspace of a role-checked route (set by `authorize`). */
export function workspaceOf(input: RouteInput<unknown>): WorkspaceId {
  if (!input.workspace) throw new Error('route has no workspace access: its access must be a role');
  return input.workspace.id;
}

/** The signed-in user of a non-public route. */
export function userOf(input: RouteInput<unknown>) {
  if (!input.actor) throw new Error('route has no actor: its access must not be public');
  return input.actor.user;
}

export async function journeyOr404(
  input: RouteInput<unknown>,
  options: { includeDeleted?: boolean } = {},
): Promise<StoredJourney> {
  const id = input.params['id'] as JourneyId;
  const found = await input.deps.journeys.getJourney(workspaceOf(input), id, options);
  if (!found) throw fail('journey_not_found', `no journey "${id}" in this workspace`);
  return found;
}

/** Writes one audit event for the workspace of the route (or none), with the caller and their address. */
export async function audit(
  input: RouteInput<unknown>,
  action: string,
  target: string | null,
  detail: Record<string, unknown> | null = null,
  workspaceId: WorkspaceId | null = input.workspace?.id ?? null,
): Promise<void> {
  const actor = input.actor;
  await input.deps.accounts.appendAudit({
    workspaceId,
    actorId: actor?.user.id ?? null,
    action,
    target,
    detail: actor?.via === 'token' ? { ...detail, tokenId: actor.token.id } : detail,
    ip: clientIp(input),
    at: nowIso(input),
  });
}

/** The shape lists and pages show of a journey. */
export const journeyBody = (j: StoredJourney) => ({
  id: j.id,
  version: j.version,
  journey: j.journey,
  updatedAt: j.updatedAt,
});
