import { describe, expect, it } from 'vitest';
import {
  defaultDiscountScheduleId,
  discountFactor,
  discountFactors,
  discountSchedules,
  discountScheduleSchema,
  findDiscountSchedule,
  presentValue,
} from './green-book';
import { parseInput } from './input-error';
import { poundsToPence } from './money';

const standard = findDiscountSchedule(defaultDiscountScheduleId)!;
const health = findDiscountSchedule('green-book-2022-health')!;

describe('discount factors (domain.md §7)', () => {
  it('given year 0, then it is undiscounted', () => {
    expect(discountFactor(standard, 0)).toBe(1);
  });

  it('given years 1–30, then DF_t = 1/1.035^t', () => {
    for (const t of [1, 5, 10, 30]) expect(discountFactor(standard, t)).toBeCloseTo(1 / 1.035 ** t, 14);
  });

  it('given years beyond 30, then they chain from DF_30 at 3.0 %, and from DF_75 at 2.5 %', () => {
    const df30 = 1 / 1.035 ** 30;
    expect(discountFactor(standard, 31)).toBeCloseTo(df30 / 1.03, 14);
    expect(discountFactor(standard, 75)).toBeCloseTo(df30 / 1.03 ** 45, 14);
    expect(discountFactor(standard, 76)).toBeCloseTo(df30 / 1.03 ** 45 / 1.025, 14);
    // Not the naive 1/1.03^31, which would jump up at the step.
    expect(discountFactor(standard, 31)).toBeLessThan(1 / 1.03 ** 31);
  });

  it('given the health schedule, then 1.5 % for the first 30 years', () => {
    expect(discountFactor(health, 10)).toBeCloseTo(1 / 1.015 ** 10, 14);
  });

  it('given a schedule with a gap, then asking for an uncovered year is a bug and throws', () => {
    const short = { ...standard, id: 'short', bands: [{ fromYear: 1, toYear: 2, rate: 0.035 }] };
    expect(() => discountFactors(short, 3)).toThrow(/no rate for year 3/);
  });
});

describe('presentValue', () => {
  it('given £20,000 in years 1–5, then £90,301.05 (domain.md §7: PV savings £90,301)', () => {
    const pv = presentValue([0, 20_000, 20_000, 20_000, 20_000, 20_000], standard);
    const expected = [1, 2, 3, 4, 5].reduce((sum, t) => sum + 20_000 / 1.035 ** t, 0);
    expect(poundsToPence(pv)).toBe(poundsToPence(expected));
    expect(poundsToPence(pv)).toBe(9_030_105);
  });
  it('given an empty series, then zero', () => {
    expect(presentValue([], standard)).toBe(0);
  });
});

describe('discountScheduleSchema', () => {
  it('given a user schedule with a gap between bands, then the error names the band', () => {
    const r = parseInput(discountScheduleSchema, {
      ...standard,
      id: 'gappy',
      bands: [
        { fromYear: 1, toYear: 30, rate: 0.035 },
        { fromYear: 32, toYear: null, rate: 0.03 },
      ],
    });
    expect(r).toEqual({
      ok: false,
      error: [
        {
          code: 'invalid_input',
          path: 'bands[1].fromYear',
          message: 'expected 31: bands run on from year 1 without gaps',
        },
      ],
    });
  });
  it('given a rate in percent rather than a fraction, then an error', () => {
    const r = parseInput(discountScheduleSchema, {
      ...standard,
      bands: [{ fromYear: 1, toYear: null, rate: 3.5 }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: [{ path: 'bands[0].rate', message: 'expected a rate as a fraction, e.g. 0.035' }],
    });
  });
});

describe('built-in schedules', () => {
  it('are valid, versioned data with unique ids and contiguous bands', () => {
    expect(new Set(discountSchedules.map((s) => s.id)).size).toBe(discountSchedules.length);
    for (const schedule of discountSchedules) {
      expect(discountScheduleSchema.safeParse(schedule).success).toBe(true);
      schedule.bands.forEach((band, i) => {
        const previous = schedule.bands[i - 1];
        expect(band.fromYear).toBe(previous === undefined ? 1 : previous.toYear! + 1);
      });
      expect(schedule.bands.at(-1)!.toYear).toBeNull();
    }
  });
});
