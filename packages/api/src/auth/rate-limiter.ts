/**
 * Counts attempts per key in a sliding window, in memory (per server process). Used for sign-in attempts per
 * address; per-account lock-out is kept in the database so it survives restarts.
 */
export interface RateLimiter {
  /** Records an attempt; returns how many seconds to wait if the key is over its limit, else 0. */
  hit(key: string, nowMs: number): number;
}

export function createRateLimiter(limit: number, windowMs: number): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    hit(key, nowMs) {
      const recent = (hits.get(key) ?? []).filter((t) => t > nowMs - windowMs);
      if (recent.length >= limit) {
        hits.set(key, recent);
        return Math.max(1, Math.ceil((recent[0]! + windowMs - nowMs) / 1000));
      }
      recent.push(nowMs);
      hits.set(key, recent);
      if (hits.size > 10_000)
        for (const [k, v] of hits) if (v.every((t) => t <= nowMs - windowMs)) hits.delete(k);
      return 0;
    },
  };
}
