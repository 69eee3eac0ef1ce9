import { createHmac } from 'node:crypto';

/** Turns an identifier into a stable pseudonym; the key stays with the workspace, never with the data. */
export type Pseudonymiser = (value: string) => string;

/** The shortest key accepted, in bytes. */
export const minPseudonymKeyBytes = 16;

/** A key's length in bytes: a string's UTF-8 bytes, which are what the HMAC is keyed with. */
export const pseudonymKeyBytes = (key: string | Uint8Array): number =>
  typeof key === 'string' ? new TextEncoder().encode(key).length : key.length;

/**
 * HMAC-SHA256 of the value under the workspace key, as `p_` and 16 hex digits (64 bits:
 * collisions are negligible below billions of ids). The same key always gives the same
 * pseudonym, so logs imported at different times still join; without the key it cannot be reversed
 * by trying likely values. A key shorter than minPseudonymKeyBytes is a caller's mistake (RangeError): a
 * key people supply (WAYMARK_PSEUDONYM_KEY) is checked where it is read, and refused in their words.
 */
export function createPseudonymiser(key: string | Uint8Array): Pseudonymiser {
  const bytes = pseudonymKeyBytes(key);
  if (bytes < minPseudonymKeyBytes)
    throw new RangeError(
      `the pseudonymisation key must be at least ${minPseudonymKeyBytes} bytes; got ${bytes}`,
    );
  const cache = new Map<string, string>();
  return (value) => {
    let p = cache.get(value);
    if (p === undefined) {
      p = `p_${createHmac('sha256', key).update(value).digest('hex').slice(0, 16)}`;
      if (cache.size < 100_000) cache.set(value, p);
    }
    return p;
  };
}
