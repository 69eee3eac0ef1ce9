/** A proportion with its Wilson score interval (domain.md §6). */
export interface Proportion {
  readonly successes: number;
  readonly trials: number;
  /** p̂ = successes / trials; NaN when trials is 0. */
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly confidence: number;
}

/** z for a two-sided confidence level, for the levels users pick. */
export function zForConfidence(confidence: number): number {
  const table: Record<string, number> = {
    '0.8': 1.2815515655446004,
    '0.9': 1.6448536269514722,
    '0.95': 1.959963984540054,
    '0.98': 2.3263478740408408,
    '0.99': 2.5758293035489004,
  };
  const z = table[String(confidence)];
  if (z === undefined)
    throw new RangeError(`confidence must be one of 0.8, 0.9, 0.95, 0.98, 0.99; got ${confidence}`);
  return z;
}

/**
 * Wilson interval for x successes in n trials:
 * centre (p̂ + z²/2n)/(1 + z²/n), half-width z/(1 + z²/n)·sqrt(p̂(1 − p̂)/n + z²/4n²).
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): Proportion {
  if (
    !Number.isInteger(successes) ||
    !Number.isInteger(trials) ||
    successes < 0 ||
    trials < 0 ||
    successes > trials
  ) {
    throw new RangeError(
      `wilsonInterval needs whole numbers 0 ≤ successes ≤ trials; got ${successes} of ${trials}`,
    );
  }
  if (trials === 0) return { successes, trials, estimate: Number.NaN, low: 0, high: 1, confidence };
  const z = zForConfidence(confidence);
  const n = trials;
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    successes,
    trials,
    estimate: p,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
    confidence,
  };
}
