import { describe, expect, it } from 'vitest';
import { planObservationSchedule, sampleWithoutReplacement } from './observation-schedule';
import { createSeededRng } from './rng';

const plan = {
  days: ['2026-11-24', '2026-11-23'],
  workingHours: { start: '09:00', end: '17:00' },
  observations: 256,
};

describe('planObservationSchedule', () => {
  it('given a seed, then the same schedule every time, and another seed gives another', () => {
    const a = planObservationSchedule(plan, createSeededRng(2026));
    const b = planObservationSchedule(plan, createSeededRng(2026));
    const c = planObservationSchedule(plan, createSeededRng(2027));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('then 256 distinct moments inside working hours, in date and time order', () => {
    const r = planObservationSchedule(plan, createSeededRng(1));
    if (!r.ok) throw new Error('expected ok');
    const keys = r.value.map((o) => `${o.date} ${o.time}`);
    expect(keys).toHaveLength(256);
    expect(new Set(keys).size).toBe(256);
    expect([...keys].sort()).toEqual(keys);
    for (const o of r.value) {
      expect(['2026-11-23', '2026-11-24']).toContain(o.date);
      expect(o.time >= '09:00' && o.time < '17:00').toBe(true);
    }
    // Both days are used: with 480 minutes each, one day alone holding all 256 is vanishingly unlikely.
    expect(new Set(r.value.map((o) => o.date)).size).toBe(2);
  });

  it('given bad plans, then errors naming the field', () => {
    const rng = createSeededRng(1);
    expect(
      planObservationSchedule({ ...plan, workingHours: { start: '17:00', end: '09:00' } }, rng),
    ).toMatchObject({
      ok: false,
      error: [{ path: 'workingHours.end' }],
    });
    expect(planObservationSchedule({ ...plan, days: ['2026-11-23', 'Monday'] }, rng)).toMatchObject({
      ok: false,
      error: [{ path: 'days[1]', message: 'expected an ISO date such as 2026-11-23' }],
    });
    expect(planObservationSchedule({ ...plan, days: ['2026-11-23', '2026-11-23'] }, rng)).toMatchObject({
      ok: false,
      error: [{ path: 'days[1]' }],
    });
    expect(planObservationSchedule({ ...plan, observations: 961 }, rng)).toMatchObject({
      ok: false,
      error: [{ path: 'observations', message: 'expected at most 960, one per working minute' }],
    });
  });
});

describe('sampleWithoutReplacement', () => {
  it('draws k distinct values in range, and all of them when k = n', () => {
    const rng = createSeededRng(5);
    const s = sampleWithoutReplacement(rng, 10, 4);
    expect(new Set(s).size).toBe(4);
    expect(s.every((x) => x >= 0 && x < 10)).toBe(true);
    expect(sampleWithoutReplacement(rng, 5, 5)).toEqual([0, 1, 2, 3, 4]);
  });
  it('is close to uniform over many draws', () => {
    const rng = createSeededRng(11);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 2000; i += 1) for (const x of sampleWithoutReplacement(rng, 10, 3)) counts[x]! += 1;
    for (const c of counts) expect(Math.abs(c - 600)).toBeLessThan(90);
  });
});
