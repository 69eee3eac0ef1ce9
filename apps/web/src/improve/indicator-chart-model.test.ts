import { indicatorSeries } from '@waymark/measure';
import { describe, expect, it } from 'vitest';
import { chartModel } from './indicator-chart-model';

const series = (values: { period: string; value: number }[]) => {
  const s = indicatorSeries(
    {
      key: 'avoidable-percent',
      label: 'NI14',
      unit: '%',
      direction: 'lower-is-better',
      baseline: 40,
      target: 20,
    },
    values.map((v) => ({ ...v, source: 'manual' })),
  );
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value;
};

describe('indicator chart model', () => {
  it('given three quarters, then left to right in time, lower values lower on screen, target below baseline', () => {
    const m = chartModel(
      series([
        { period: '2026-Q3', value: 30 },
        { period: '2026-Q1', value: 42 },
        { period: '2026-Q2', value: 18 },
      ]),
    );
    expect(m.points.map((p) => p.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(m.points[0]!.x).toBeLessThan(m.points[1]!.x);
    expect(m.points[1]!.x).toBeLessThan(m.points[2]!.x);
    // Lower is drawn further down (larger y): 18 below 30 below 42.
    expect(m.points[1]!.y).toBeGreaterThan(m.points[2]!.y);
    expect(m.points[2]!.y).toBeGreaterThan(m.points[0]!.y);
    expect(m.targetY).toBeGreaterThan(m.baselineY);
    // 42 is worse than the baseline, 18 meets the target, 30 falls back from 18.
    expect(m.points.map((p) => p.status)).toEqual(['missed', 'met', 'missed']);
    for (const p of m.points) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(m.height);
    }
  });

  it('given one value, then it sits in the middle and the path is a single move', () => {
    const m = chartModel(series([{ period: '2026-04', value: 35 }]));
    expect(m.points[0]!.x).toBe(m.width / 2);
    expect(m.path.startsWith('M')).toBe(true);
  });
});
