import type { GuestSession, User } from '@waymark/store';
import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { Actor } from '../auth/actor';
import { hashToken } from '../auth/secrets';
import type { ApiDeps } from '../deps';
import { isHttps } from '../security-headers';

/** The guest's own cookie, apart from members' sessions: a signed-in person's session always wins. */
export const GUEST_COOKIE = 'waymark_guest';
/** Guests' `users` rows get an address here: `.invalid` can never receive mail (RFC 2606). */
export const GUEST_EMAIL_DOMAIN = 'guest.invalid';
/** Last seen is written at most this often per guest. */
const TOUCH_MS = 60_000;

export type GuestActor = Extract<Actor, { via: 'guest' }>;

/** How a guest is named in the history, the comments and the audit trail. */
export const guestDisplayName = (name: string, organisation: string | null): string =>
  organisation ? `${name} (guest, ${organisation})` : `${name} (guest)`;

const userOf = (session: GuestSession): User => ({
  id: session.guest.id,
  email: `${session.guest.id}@${GUEST_EMAIL_DOMAIN}`,
  name: guestDisplayName(session.guest.name, session.guest.organisation),
  createdAt: session.guest.joinedAt,
  instanceAdmin: false,
  suspendedAt: null,
});

/** The guest session of this cookie's value with its state now, or null (no such guest, or no guest store). */
export async function findGuestSession(deps: ApiDeps, cookie: string): Promise<GuestSession | null> {
  if (!deps.guests || cookie === '') return null;
  return deps.guests.findSession(hashToken(cookie), deps.clock().toISOString());
}

/** The caller as a guest, while their link works and they were not removed; notes that they were seen. */
export async function guestActor(deps: ApiDeps, cookie: string): Promise<GuestActor | null> {
  const session = await findGuestSession(deps, cookie);
  if (!session || session.state !== 'active') return null;
  const now = deps.clock();
  if (now.getTime() - Date.parse(session.guest.lastSeenAt) >= TOUCH_MS)
    await deps.guests!.touch(session.guest.id, now.toISOString());
  return {
    via: 'guest',
    user: userOf(session),
    csrfToken: session.csrfToken,
    guest: session.guest,
    link: session.link,
  };
}

/** The guest's cookie: httpOnly, ends when the link does. */
export function setGuestCookie(c: Context, token: string, expiresAt: string): void {
  setCookie(c, GUEST_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
    path: '/',
    expires: new Date(expiresAt),
  });
}
