import { describe, expect, it } from 'vitest';
import { msUntilNextHour } from './retention-timer';

describe('when the nightly purge runs next', () => {
  it('given the evening, then it is the coming night at 02:00 UTC', () => {
    expect(msUntilNextHour(new Date('2026-03-02T22:30:00Z'), 2)).toBe(3.5 * 3_600_000);
  });
  it('given the early morning before 02:00, then it is the same night', () => {
    expect(msUntilNextHour(new Date('2026-03-02T01:59:00Z'), 2)).toBe(60_000);
  });
  it('given exactly 02:00, then it is a day later', () => {
    expect(msUntilNextHour(new Date('2026-03-02T02:00:00Z'), 2)).toBe(86_400_000);
  });
  it('given the last day of a month, then it is the first of the next', () => {
    expect(msUntilNextHour(new Date('2026-02-28T03:00:00Z'), 2)).toBe(23 * 3_600_000);
  });
});
