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

/** Why this password may not be used, in words for the person choosing it, or null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD)
    return `Use at least ${MIN_PASSWORD} characters. Three random words together, like ‘tractor lemon chapel’, are long and easy to remember.`;
  if (length > MAX_PASSWORD) return `Use at most ${MAX_PASSWORD} characters.`;
  const lower = password.toLowerCase();
  const spaced = lower.replace(/\s+/g, '');
  // A common password with digits or symbols put before or after it is still a common password.
  const core = spaced.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(spaced) || (core.length >= 4 && list.has(core)))
    return `That password is one of the most common ones, which attackers try first. ${ADVICE}`;
  if (/^(.{1,4}?)\1+$/su.test(spaced)) return `That password only repeats a few characters. ${ADVICE}`;
  const squashed = squash(password);
  if (squashed.includes('waymark') || personalWords(context).some((w) => squashed.includes(w)))
    return 'Do not use your name, your email address or the word ‘Waymark’ in your password: they are the first things an attacker tries.';
  return null;
}

/** Refuses a new password that breaks the rule: 422 weak_password naming the field. */
export function checkNewPassword(password: string, context: PasswordContext, field: string): void {
  const problem = passwordProblem(password, context);
  if (problem !== null) throw fail('weak_password', problem, field);
}
