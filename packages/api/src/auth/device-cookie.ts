import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ApiDeps } from '../deps';
import { isHttps } from '../security-headers';
import { randomText } from './secrets';

/**
 * OWASP's "device cookies": a browser that has signed in as someone gets a signed cookie naming that email and
 * a random device id. Sign-in attempts carrying a valid one are counted against that device's own budget, so
 * an attacker guessing passwords for the email (and slowed down for it) does not keep its owner out.
 */
export const DEVICE_COOKIE = 'waymark_device';
const KEY_SETTING = 'device_cookie_key';

const mac = (key: Uint8Array, payload: string) =>
  createHmac('sha256', key).update(payload).digest('base64url');

/** The signing key, kept in the settings table so cookies outlive a restart; made on first use. */
export function deviceKeyOf(deps: ApiDeps): Promise<Uint8Array> {
  return (async () => {
    let stored = await deps.accounts.getSetting<string>(KEY_SETTING);
    if (stored === null) {
      await deps.accounts.putSetting(KEY_SETTING, randomText(deps.randomBytes, 32));
      stored = (await deps.accounts.getSetting<string>(KEY_SETTING))!;
    }
    return new Uint8Array(Buffer.from(stored, 'base64url'));
  })();
}

/** The device id in the request's cookie when it is genuine and was given for this email, else null. */
export function trustedDevice(c: Context, key: Uint8Array, email: string): string | null {
  const value = getCookie(c, DEVICE_COOKIE);
  const [payload, signature] = value?.split('.') ?? [];
  if (!payload || !signature) return null;
  const expected = Buffer.from(mac(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { e, d } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      e: string;
      d: string;
    };
    return e === email.toLowerCase() && typeof d === 'string' ? d : null;
  } catch {
    return null;
  }
}

/** Gives this browser a device cookie for this email (after a successful sign-in). */
export function setDeviceCookie(
  c: Context,
  deps: ApiDeps,
  key: Uint8Array,
  email: string,
  days: number,
): void {
  const payload = Buffer.from(
    JSON.stringify({ e: email.toLowerCase(), d: randomText(deps.randomBytes, 16) }),
  ).toString('base64url');
  setCookie(c, DEVICE_COOKIE, `${payload}.${mac(key, payload)}`, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c.req.url, c.req.header('x-forwarded-proto')),
    path: '/api/auth',
    maxAge: days * 86_400,
  });
}
