import type { Instant, ScimStore, UserId } from '@waymark/store';
import type { ApiDeps } from '../deps';

/**
 * Brings the person's workspace memberships in line with their groups (decision 0026): a group mapped to a
 * workspace gives its members that role (the highest, where several groups do). Provisioning changes and removes
 * only the memberships it made; one an owner made by hand is left as it is. Through the AccountStore, so its
 * caches hear of it at once; each change is audited in its workspace.
 */
export async function syncRoles(deps: ApiDeps, scim: ScimStore, userId: UserId, at: Instant): Promise<void> {
  const wanted = await scim.rolesFromGroups(userId);
  const granted = await scim.grantsOf(userId);
  const note = (workspaceId: string, action: string, role: string | null) =>
    deps.accounts.appendAudit({
      workspaceId: workspaceId as never,
      actorId: null,
      action,
      target: userId,
      detail: { role, by: 'scim' },
      ip: null,
      at,
    });
  for (const ws of new Set([...wanted.keys(), ...granted.keys()])) {
    const role = wanted.get(ws);
    const held = await deps.accounts.roleOf(ws, userId);
    if (role) {
      if (held === null) {
        const added = await deps.accounts.addMember(ws, userId, role, at);
        if (added.ok) {
          await scim.setGrant(ws, userId, role);
          await note(ws, 'scim.member.add', role);
        }
      } else if (granted.has(ws) && granted.get(ws) !== role) {
        const changed = await deps.accounts.setMemberRole(ws, userId, role);
        if (changed.ok) {
          await scim.setGrant(ws, userId, role);
          await note(ws, 'scim.member.role', role);
        }
      }
    } else if (granted.has(ws)) {
      // A membership provisioning made that no group gives any more. The last owner stays (the store refuses).
      const removed = held === null ? { ok: true } : await deps.accounts.removeMember(ws, userId);
      if (removed.ok) {
        await scim.setGrant(ws, userId, null);
        if (held !== null) await note(ws, 'scim.member.remove', null);
      }
    }
  }
}
