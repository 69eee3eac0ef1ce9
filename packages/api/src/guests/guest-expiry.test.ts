import { describe, expect, it } from 'vitest';
import { endOfTomorrow, expiryProblem } from './guest-expiry';

describe('workshop link expiry', () => {
  it('given a winter morning in London, then the default is 23:59 tomorrow UK time (= UTC)', () => {
    expect(endOfTomorrow(new Date('2026-01-15T09:30:00Z')).toISOString()).toBe('2026-01-16T23:59:00.000Z');
  });
  it('given a summer evening after 23:00 UTC (already the next day in London), then tomorrow is counted from the London date', () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London; tomorrow there is 3 July, 23:59 BST = 22:59 UTC.
    expect(endOfTomorrow(new Date('2026-07-01T23:30:00Z')).toISOString()).toBe('2026-07-03T22:59:00.000Z');
  });
  it('given the day the clocks go forward, then tomorrow ends at 23:59 BST', () => {
    expect(endOfTomorrow(new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T22:59:00.000Z');
  });
  it('refuses less than an hour or more than 7 days, and accepts either end', () => {
    const now = new Date('2026-01-15T09:00:00Z');
    const after = (ms: number) => expiryProblem(now, new Date(now.getTime() + ms));
    expect(after(30 * 60_000)).toBe('expiresAt: a workshop link must work for at least an hour');
    expect(after(3_600_000)).toBeNull();
    expect(after(7 * 86_400_000)).toBeNull();
    expect(after(8 * 86_400_000)).toBe('expiresAt: a workshop link can work for at most 7 days');
  });
});
