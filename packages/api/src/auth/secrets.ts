import { createHash } from 'node:crypto';

/** URL-safe text of random bytes: session tokens, CSRF tokens, API tokens, share tokens, passwords. */
export const randomText = (randomBytes: (size: number) => Uint8Array, size = 32): string =>
  Buffer.from(randomBytes(size)).toString('base64url');

/** Tokens are stored only as this hash: a copy of the database opens no session and no share link. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** API tokens carry a prefix so they are recognisable in a script and in secret scanners. */
export const API_TOKEN_PREFIX = 'wm_';
