import { createHmac } from 'node:crypto';

/** Turns an identifier into a stable pseudonym; the key stays with the workspace, never with the data. */
export type Pseudonymiser = (value: string) => string;

/**
 * HMAC-SHA256 of the value under the workspace key, as `p_` and 16 hex digits (64 bits:
 * collisions are negligible below billions of ids). The same key always gives the same
 * pseudonym, so logs imported at different times still join; without the key it cannot be reversed
 * by trying likely values.
 */
export function createPseudonymiser(key: string | Uint8Array): Pseudonymiser {
  if (key.length < 16)
    throw new RangeError(`the pseudonymisation key must be at least 16 bytes; got ${key.length}`);
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
