import { dictionary } from '@zxcvbn-ts/language-common';
import { fail } from '../api-error';

/**
 * The password rule, after the NCSC's password guidance: length over complexity, a deny-list of the most
 * common passwords, no composition rules and no periodic expiry. Decision 0012 says why 12 characters.
 */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

const ADVICE = 'Choose another: three random words work well.';
let common: ReadonlySet<string> | undefined;
/** 49,233 passwords from breaches (zxcvbn-ts), lower case; loaded on first use. */
const commonPasswords = (): ReadonlySet<string> => (common ??= new Set(dictionary['passwords-common']));

/** Letters and digits only, lower case: `Ann.Smith` and `annsmith` are the same word here. */
const squash = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Words from the person's email and name that must not be in their password (4 letters or more). */
function personalWords(context: PasswordContext): string[] {
  const local = context.email?.split('@')[0] ?? '';
  const words = [
    context.email ?? '',
    local,
    ...local.split(/[^\p{L}\p{N}]+/u),
    context.name ?? '',
    ...(context.name ?? '').split(/\s+/),
  ];
  return [...new Set(words.map(squash))].filter((w) => w.length >= 4);
}

export interface PasswordContext {
  readonly email?: string;
  readonly name?: string;
}

/** Why a password may not be used, as a code a client can put in its own words. */
export type PasswordReason = 'too_short' | 'too_long' | 'common' | 'repeats' | 'personal';

/** Why this password may not be used, as a code, or null when it is fine. */
export function passwordReason(password: string, context: PasswordContext): PasswordReason | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD) return 'too_short';
  if (length > MAX_PASSWORD) return 'too_long';
  const lower = password.toLowerCase();
  const spaced = lower.replace(/\s+/g, '');
  // A common password with digits or symbols put before or after it is still a common password.
  const core = spaced.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(spaced) || (core.length >= 4 && list.has(core))) return 'common';
  if (/^(.{1,4}?)\1+$/su.test(spaced)) return 'repeats';
  const squashed = squash(password);
  if (squashed.includes('waymark') || personalWords(context).some((w) => squashed.includes(w)))
    return 'personal';
  return null;
}

const reasonWords: Record<PasswordReason, string> = {
  too_short: `Use at least ${MIN_PASSWORD} characters. Three random words together, like ‘tractor lemon chapel’, are long and easy to remember.`,
  too_long: `Use at most ${MAX_PASSWORD} characters.`,
  common: `That password is one of the most common ones, which attackers try first. ${ADVICE}`,
  repeats: `That password only repeats a few characters. ${ADVICE}`,
  personal:
    'Do not use your name, your email address or the word ‘Waymark’ in your password: they are the first things an attacker tries.',
};

/** Why this password may not be used, in words for the person choosing it, or null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const reason = passwordReason(password, context);
  return reason === null ? null : reasonWords[reason];
}

/** Refuses a new password that breaks the rule: 422 weak_password naming the field, with the `reason` code. */
export function checkNewPassword(password: string, context: PasswordContext, field: string): void {
  const reason = passwordReason(password, context);
  if (reason !== null) throw fail('weak_password', reasonWords[reason], field, { reason });
}
