import { fail } from '../api-error';
import type { Actor } from './actor';

/**
 * Whether the caller is an instance administrator (`users.instance_admin`, migration 014): a person signed in
 * with a browser session, not suspended. Never an API token (tokens belong to one workspace) nor a guest.
 */
export const isInstanceAdmin = (actor: Actor | null): boolean =>
  actor?.via === 'session' && actor.user.instanceAdmin && actor.user.suspendedAt === null;

/** Refuses (403 `forbidden`) anyone but an instance administrator; `what` says what they tried to do. */
export function requireInstanceAdmin(actor: Actor | null, what = 'do this'): void {
  if (!actor) throw fail('unauthenticated', 'sign in first');
  if (!isInstanceAdmin(actor)) throw fail('forbidden', `only an instance administrator may ${what}`);
}
