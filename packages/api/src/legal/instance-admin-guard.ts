import { fail } from '../api-error';
import type { Actor } from '../auth/actor';
import type { ApiDeps } from '../deps';

/**
 * Whether the caller is an instance administrator: a person signed in (never an API token or a guest) whose account
 * has `instanceAdmin` (`users.instance_admin`, migration 014). On a store without that flag yet, the account made
 * at first start (created at the moment the `instance` setting records) stands in for it, as migration 014 makes
 * it the instance administrator.
 */
export async function isInstanceAdmin(deps: ApiDeps, actor: Actor | null): Promise<boolean> {
  if (!actor || actor.via !== 'session') return false;
  const user = actor.user as typeof actor.user & { readonly instanceAdmin?: boolean };
  if ('instanceAdmin' in user) return user.instanceAdmin === true;
  const instance = await deps.accounts.getSetting<{ createdAt?: string }>('instance');
  return instance?.createdAt !== undefined && instance.createdAt === user.createdAt;
}

/** Refuses anyone but an instance administrator (403). */
export async function requireInstanceAdmin(deps: ApiDeps, actor: Actor | null): Promise<void> {
  if (!(await isInstanceAdmin(deps, actor)))
    throw fail('forbidden', 'only an instance administrator may change the legal pages');
}
