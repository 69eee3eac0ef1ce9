import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/fixtures';
import { meanAndMedianInPlace, summariseInPlace } from './stats';

describe('the mean and median without the 90th percentile', () => {
  it('given a few values, then the median is numpy’s (the two middle values averaged for an even count)', () => {
    expect(meanAndMedianInPlace(Float64Array.of(3, 1, 2))).toEqual({ mean: 2, median: 2 });
    expect(meanAndMedianInPlace(Float64Array.of(4, 1, 3.5, 2))).toEqual({ mean: 2.625, median: 2.75 });
    expect(meanAndMedianInPlace(Float64Array.of(7))).toEqual({ mean: 7, median: 7 });
    const empty = meanAndMedianInPlace(new Float64Array(0));
    expect(Number.isNaN(empty.mean) && Number.isNaN(empty.median)).toBe(true);
  });

  it('given durations and counts of many sizes, then both figures are summariseInPlace’s to the last bit', () => {
    const random = seeded(5);
    for (const n of [2, 3, 10, 1023, 1024, 5000, 20_001]) {
      for (const kind of ['seconds with milliseconds', 'whole numbers', 'ties']) {
        const values = Float64Array.from({ length: n }, () =>
          kind === 'ties'
            ? Math.floor(random() * 4)
            : kind === 'whole numbers'
              ? Math.floor(random() * 90_000)
              : Math.round(random() * 3e9) / 1000,
        );
        const mine = meanAndMedianInPlace(values.slice());
        const all = summariseInPlace(values.slice());
        expect(Object.is(mine.mean, all.mean), `${kind}, ${n}: mean`).toBe(true);
        expect(Object.is(mine.median, all.median), `${kind}, ${n}: median`).toBe(true);
        const sorted = values.slice().sort();
        // numpy's linear interpolation between the two middle values (the same value when n is odd)
        const low = sorted[(n - 1) >> 1] as number;
        const high = sorted[n >> 1] as number;
        expect(mine.median).toBe(n % 2 ? low : low + (high - low) * 0.5);
      }
    }
  });
});
