import { fail } from '../api-error';
import type { Actor } from '../auth/actor';
import type { ApiDeps } from '../deps';
import { isInstanceAdmin as isAdmin } from '../auth/instance-admin';

/**
 * Whether the caller is an instance administrator: a person signed in (never an API token or a guest) whose account
 * has `instanceAdmin` (`users.instance_admin`, migration 014); see auth/instance-admin.ts.
 */
export async function isInstanceAdmin(_deps: ApiDeps, actor: Actor | null): Promise<boolean> {
  return Promise.resolve(isAdmin(actor));
}

/** Refuses anyone but an instance administrator (403). */
export async function requireInstanceAdmin(deps: ApiDeps, actor: Actor | null): Promise<void> {
  if (!(await isInstanceAdmin(deps, actor)))
    throw fail('forbidden', 'only an instance administrator may change the legal pages');
}
