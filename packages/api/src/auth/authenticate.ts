import { minRole, type Role } from '@waymark/store';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { fail } from '../api-error';
import { GUEST_COOKIE, guestActor } from '../guests/guest-session';
import type { ApiDeps } from '../deps';
import type { ApiEnv } from './actor';
import { hashToken, API_TOKEN_PREFIX } from './secrets';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Works out who is calling, from `Authorization: Bearer wm_…` or the session cookie, and puts it in
 * `c.var.actor` (null when anonymous). A bearer token that is not valid is refused at once rather than
 * silently treated as anonymous.
 */
export const authenticate =
  (deps: ApiDeps): MiddlewareHandler<ApiEnv> =>
  async (c, next) => {
    c.set('actor', null);
    const authorization = c.req.header('authorization');
    if (authorization !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      if (!token?.startsWith(API_TOKEN_PREFIX)) {
        throw fail(
          'invalid_token',
          `expected "Authorization: Bearer ${API_TOKEN_PREFIX}…" with an API token`,
        );
      }
      const record = await deps.accounts.findApiToken(hashToken(token));
      const creator = record && (await deps.accounts.getUser(record.createdBy));
      const now = deps.clock().toISOString();
      if (!record || !creator)
        throw fail('invalid_token', 'this API token is not valid: it may have been revoked');
      if (record.expiresAt !== null && record.expiresAt <= now)
        throw fail('invalid_token', `this API token expired at ${record.expiresAt}`);
      // A suspended person's tokens stop working at once (issue 12: suspension by an administrator or SCIM).
      if (creator.suspendedAt !== null)
        throw fail('invalid_token', 'this API token is not valid: the person who made it is suspended');
      await deps.accounts.touchApiToken(record.id, now);
      c.set('actor', { via: 'token', user: creator, token: record });
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const sessionHash = hashToken(cookie);
      const session = await deps.accounts.findSession(sessionHash, deps.clock().toISOString());
      if (session && session.user.suspendedAt === null)
        c.set('actor', {
          via: 'session',
          user: session.user,
          csrfToken: session.csrfToken,
          sessionHash,
          sessionId: session.id,
          mustChangePassword: session.mustChangePassword,
        });
    }
    // A guest of one map (decision 0015), unless the browser is also signed in as a member.
    const guestCookie = c.get('actor') ? undefined : getCookie(c, GUEST_COOKIE);
    if (guestCookie) c.set('actor', await guestActor(deps, guestCookie));
    return next();
  };

/**
 * The caller's role in a workspace: a member's role; for a token, the token's role, never more than its
 * creator still has there. Null when the caller is not in that workspace.
 */
export async function roleIn(
  deps: ApiDeps,
  actor: NonNullable<ApiEnv['Variables']['actor']>,
  workspaceId: string,
): Promise<Role | null> {
  const ws = workspaceId as Parameters<ApiDeps['accounts']['roleOf']>[0];
  const own = await deps.accounts.roleOf(ws, actor.user.id);
  if (actor.via === 'guest') return null;
  if (actor.via === 'session') return own;
  if (actor.token.workspaceId !== ws || own === null) return null;
  return minRole(own, actor.token.role);
}
