import { describe, expect, it } from 'vitest';
import { createSeededRng, randomInt } from './rng';

describe('createSeededRng', () => {
  it('given the same seed, then it gives the same sequence', () => {
    const a = createSeededRng(42);
    const b = createSeededRng(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(new Set(first).size).toBe(5);
  });
  it('given seed 1, then it matches the published mulberry32 reference value', () => {
    // Reference value from the widely copied one-line JS mulberry32 (bryc), run separately with seed 1.
    expect(createSeededRng(1)()).toBeCloseTo(0.6270739405881613, 15);
  });
  it('given many draws, then they stay in [0, 1) and spread evenly', () => {
    const rng = createSeededRng(7);
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i += 1) {
      const x = rng();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 4)]! += 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(120);
  });
});

describe('randomInt', () => {
  it('stays below the bound and refuses a bad bound', () => {
    const rng = createSeededRng(3);
    for (let i = 0; i < 100; i += 1) expect(randomInt(rng, 6)).toBeLessThan(6);
    expect(() => randomInt(rng, 0)).toThrow(/positive/);
  });
});
