import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/fixtures';
import { histogram, inDays } from './histogram';
import { quantileInPlace, quantileOf } from './stats';

describe('histograms and the quantile they cut at', () => {
  it('given whole numbers in a short range, then the counted quantile is the selected one for every rank', () => {
    const random = seeded(3);
    for (const n of [1024, 1025, 4097, 100_003]) {
      const values = Int32Array.from({ length: n }, () => Math.floor(random() * random() * 40) - 3);
      let min = Infinity;
      let max = -Infinity;
      for (const v of values) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      for (const q of [0, 0.25, 0.5, 0.9, Math.min(n - 1, Math.floor(n * 0.99)) / (n - 1), 1]) {
        const counted = quantileOf(values, q, min, max);
        expect(Object.is(counted, quantileInPlace(Float64Array.from(values), q)), `${n} values, q ${q}`).toBe(
          true,
        );
      }
      // the values are left as they were
      expect(values.length).toBe(n);
    }
  });

  it('given contacts per case, then integer-wide bins run from the least to the 99th percentile and a last bin holds the tail', () => {
    // 2,000 cases: 1,000 with 1 contact, 500 with 2, 485 with 3, 15 with 50 (beyond the 99th percentile, 3)
    const contacts = Int32Array.from({ length: 2_000 }, (_, k) =>
      k < 1_000 ? 1 : k < 1_500 ? 2 : k < 1_985 ? 3 : 50,
    );
    expect(histogram(contacts)).toEqual([
      { from: 1, to: 2, count: 1_000 },
      { from: 2, to: 3, count: 500 },
      { from: 3, to: 4, count: 485 },
      { from: 4, to: 50, count: 15 },
    ]);
  });

  it('given durations in seconds, then in days each is divided by 86,400', () => {
    expect(Array.from(inDays(Float64Array.of(0, 86_400, 129_600, 1)))).toEqual([0, 1, 1.5, 1 / 86_400]);
  });
});
