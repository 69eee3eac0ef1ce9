import type { UserId } from '@waymark/store';
import { fail } from '../api-error';
import type { ApiDeps, Limits } from '../deps';
import type { RouteInput } from '../route-spec';
import { clientIp } from '../routes/route-helpers';
import { deviceKeyOf, setDeviceCookie, trustedDevice } from './device-cookie';
import { createFailureCounter } from './failure-counter';

export interface SignInAttempt {
  failed(): void;
  /** Signed in: this browser gets (or renews) its device cookie for the email. */
  succeeded(email: string): void;
}

/**
 * Sign-in throttling without lock-out (decision 0012). Failures are counted per email string whether or not an
 * account has it, per address, and per trusted browser (one with a valid device cookie for that email), in
 * memory per process. A browser without a device cookie is refused with 429 once the email or its address
 * has too many failures; a trusted browser only once it has too many of its own. So the answer for a real and
 * an unknown email is the same, and an attack on an account slows the attacker, not its owner.
 */
export function createSignInThrottle(limits: Limits) {
  const windowMs = limits.signInWindowMinutes * 60_000;
  const perEmail = createFailureCounter(limits.signInFailuresPerEmail, windowMs);
  const perAddress = createFailureCounter(limits.signInFailuresPerAddress, windowMs);
  const perDevice = createFailureCounter(limits.signInFailuresPerDevice, windowMs);
  let deviceKey: Promise<Uint8Array> | undefined;
  /** Verifying against this when the email is unknown keeps the answer as slow as for a wrong password. */
  let decoyHash: Promise<string> | undefined;

  const refuse = (input: RouteInput<unknown>, seconds: number, message: string) => {
    const minutes = Math.ceil(seconds / 60);
    input.c.header('Retry-After', String(seconds));
    const wait = `Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again`;
    return fail('rate_limited', message.replace('{wait}', wait));
  };

  return {
    async begin(input: RouteInput<unknown>, email: string): Promise<SignInAttempt> {
      const now = input.deps.clock().getTime();
      deviceKey ??= deviceKeyOf(input.deps);
      const key = await deviceKey;
      const device = trustedDevice(input.c, key, email);
      const emailKey = email.toLowerCase();
      const address = clientIp(input);
      if (device !== null) {
        const wait = perDevice.wait(device, now);
        if (wait > 0) throw refuse(input, wait, 'Too many failed sign-ins from this browser. {wait}.');
      } else {
        const emailWait = perEmail.wait(emailKey, now);
        // Refused attempts count against the address too: it keeps guessing.
        if (emailWait > 0) perAddress.fail(address, now);
        if (emailWait > 0)
          throw refuse(
            input,
            emailWait,
            'Too many failed sign-ins for this email address. {wait}, or sign in from a browser you have used to sign in before.',
          );
        const addressWait = perAddress.wait(address, now);
        if (addressWait > 0)
          throw refuse(input, addressWait, 'Too many failed sign-ins from your network address. {wait}.');
      }
      return {
        failed() {
          if (device !== null) perDevice.fail(device, now);
          else {
            perEmail.fail(emailKey, now);
            perAddress.fail(address, now);
          }
        },
        succeeded(accountEmail) {
          if (device !== null) perDevice.clear(device);
          setDeviceCookie(input.c, input.deps, key, accountEmail, input.limits.deviceCookieDays);
        },
      };
    },
    /** For a signed-in person confirming their current password: their own budget. */
    beginForUser(input: RouteInput<unknown>, userId: UserId): Pick<SignInAttempt, 'failed'> {
      const now = input.deps.clock().getTime();
      const wait = perEmail.wait(`user:${userId}`, now);
      if (wait > 0) throw refuse(input, wait, 'Too many wrong current passwords. {wait}.');
      return { failed: () => perEmail.fail(`user:${userId}`, now) };
    },
    /** Checks a password against the stored hash, or against a decoy when there is none, taking as long. */
    async verify(deps: ApiDeps, hash: string | null, password: string): Promise<boolean> {
      decoyHash ??= deps.passwords.hash('decoy password never used');
      // Awaited for a real account too, so the first sign-in after a start is not slower for unknown emails.
      const decoy = await decoyHash;
      const valid = await deps.passwords.verify(hash ?? decoy, password);
      return hash !== null && valid;
    },
  };
}
