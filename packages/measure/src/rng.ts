/** A source of uniform numbers in [0, 1). Pure code takes one as an argument; it never calls Math.random. */
export type Rng = () => number;

/**
 * mulberry32: a small, fast, seeded 32-bit generator. Same seed, same sequence, on every runtime.
 * Good for sampling schedules; not for anything secret.
 */
export function createSeededRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer; got ${seed}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, below). */
export function randomInt(rng: Rng, below: number): number {
  if (!Number.isInteger(below) || below < 1)
    throw new RangeError(`randomInt needs a positive whole bound; got ${below}`);
  return Math.floor(rng() * below);
}
