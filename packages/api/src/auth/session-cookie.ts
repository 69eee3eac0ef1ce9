import type { UserId } from '@waymark/store';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { fail } from '../api-error';
import type { ApiDeps, Limits } from '../deps';
import { isHttps } from '../security-headers';
import { hashToken, randomText } from './secrets';

export const SESSION_COOKIE = 'waymark_session';
/**
 * Says that the session beside it was begun through the organisation's provider (so signing out can offer the
 * provider's sign-out too): a hash of that session's token, so it says nothing once the session is another.
 */
export const SSO_SESSION_COOKIE = 'waymark_sso_session';
/** The value SSO_SESSION_COOKIE holds for a session token. */
export const ssoSessionMark = (sessionToken: string): string => hashToken(`sso:${sessionToken}`);

/**
 * Starts a session: stores the token's hash and the browser's User-Agent (for "Your sessions"), sets the
 * httpOnly cookie, returns the CSRF token. A suspended person gets no session, however they signed in.
 */
export async function startSession(
  c: Context,
  deps: ApiDeps,
  limits: Limits,
  userId: UserId,
  options: { mustChangePassword?: boolean; throughProvider?: boolean } = {},
): Promise<string> {
  const user = await deps.accounts.getUser(userId);
  if (user?.suspendedAt) throw fail('account_suspended', 'this account is suspended: it cannot sign in');
  const token = randomText(deps.randomBytes);
  const csrfToken = randomText(deps.randomBytes, 24);
  const now = deps.clock();
  const expires = new Date(now.getTime() + limits.sessionHours * 3_600_000);
  await deps.accounts.createSession({
    tokenHash: hashToken(token),
    userId,
    csrfToken,
    at: now.toISOString(),
    expiresAt: expires.toISOString(),
    mustChangePassword: options.mustChangePassword ?? false,
    userAgent: c.req.header('user-agent')?.slice(0, 300) ?? null,
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
    path: '/',
    expires,
  });
  if (options.throughProvider)
    setCookie(c, SSO_SESSION_COOKIE, ssoSessionMark(token), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
      path: '/',
      expires,
    });
  return csrfToken;
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
