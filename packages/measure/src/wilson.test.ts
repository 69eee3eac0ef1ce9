import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson';

describe('wilsonInterval', () => {
  it('given 30 of 100 at 95 %, then 21.9 %–39.6 % (domain.md §6)', () => {
    const r = wilsonInterval(30, 100);
    expect(r.estimate).toBe(0.3);
    expect(r.low * 100).toBeCloseTo(21.9, 1);
    expect(r.high * 100).toBeCloseTo(39.6, 1);
  });
  it('stays inside 0..1 at the edges and is wide with no trials', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(0, 0)).toMatchObject({ low: 0, high: 1 });
  });
  it('refuses impossible counts', () => {
    expect(() => wilsonInterval(5, 3)).toThrow(/successes ≤ trials/);
    expect(() => wilsonInterval(1, 3, 0.42)).toThrow(/confidence/);
  });
});
