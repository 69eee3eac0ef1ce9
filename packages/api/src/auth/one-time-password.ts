import type { UserId } from '@waymark/store';
import type { ApiDeps, Limits } from '../deps';
import { randomText } from './secrets';

export interface IssuedPassword {
  /** Shown once to whoever hands it over; stored only hashed. */
  readonly oneTimePassword: string;
  readonly oneTimePasswordExpiresAt: string;
}

/**
 * Gives `userId` a new one-time password (20 random characters): it works once, until `oneTimePasswordDays`
 * from now, and signing in with it gives a session that can only set a new password.
 */
export async function issueOneTimePassword(
  deps: ApiDeps,
  limits: Limits,
  userId: UserId,
): Promise<IssuedPassword> {
  const now = deps.clock();
  const oneTimePassword = randomText(deps.randomBytes, 15);
  const oneTimePasswordExpiresAt = new Date(
    now.getTime() + limits.oneTimePasswordDays * 86_400_000,
  ).toISOString();
  await deps.accounts.setPassword(userId, await deps.passwords.hash(oneTimePassword), now.toISOString(), {
    oneTimeUntil: oneTimePasswordExpiresAt,
  });
  return { oneTimePassword, oneTimePasswordExpiresAt };
}
