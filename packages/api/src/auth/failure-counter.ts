/**
 * Counts failures per key in a sliding window, in memory (per server process: a restart forgets them, and
 * several servers on one PostgreSQL each count their own). Used to throttle sign-in per email string, per
 * address and per trusted browser; nothing is ever locked.
 */
export interface FailureCounter {
  /** Seconds to wait before `key` may try again (it has `limit` failures in the window), or 0. */
  wait(key: string, nowMs: number): number;
  fail(key: string, nowMs: number): void;
  clear(key: string): void;
}

/** Keys kept at most; past it the oldest are forgotten (an attacker cycling through emails gains nothing). */
const MAX_KEYS = 100_000;

export function createFailureCounter(limit: number, windowMs: number): FailureCounter {
  const failures = new Map<string, number[]>();
  const recent = (key: string, nowMs: number) => {
    const kept = (failures.get(key) ?? []).filter((t) => t > nowMs - windowMs);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    wait(key, nowMs) {
      const kept = recent(key, nowMs);
      if (kept.length < limit) return 0;
      return Math.max(1, Math.ceil((kept[kept.length - limit]! + windowMs - nowMs) / 1000));
    },
    fail(key, nowMs) {
      const kept = recent(key, nowMs);
      kept.push(nowMs);
      // Only the last `limit` failures decide when the key may try again.
      failures.delete(key);
      failures.set(key, kept.slice(-limit));
      if (failures.size > MAX_KEYS) failures.delete(failures.keys().next().value!);
    },
    clear: (key) => void failures.delete(key),
  };
}
