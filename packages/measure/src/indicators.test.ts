import { describe, expect, it } from 'vitest';
import {
  builtInIndicators,
  indicatorSchema,
  indicatorSeries,
  recordIndicatorValue,
  type Indicator,
} from './indicators';
import { comparePeriods, periodStartMonth } from './period';

const avoidable: Indicator = {
  key: 'avoidable-percent',
  label: 'Avoidable contact (NI14)',
  unit: '%',
  direction: 'lower-is-better',
  baseline: 30,
  target: 20,
};
const satisfaction: Indicator = {
  ...avoidable,
  key: 'satisfaction',
  direction: 'higher-is-better',
  baseline: -20,
  target: 40,
};

describe('indicatorSeries', () => {
  it('given avoidable contact falling from a 30 % baseline to a 20 % target, then statuses per period', () => {
    const r = indicatorSeries(avoidable, [
      { period: '2026-03', value: 24, source: 'manual' },
      { period: '2026-01', value: 28, source: 'manual' },
      { period: '2026-02', value: 29, source: 'computed' },
      { period: '2026-04', value: 20, source: 'computed' },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.points.map((p) => [p.period, p.status])).toEqual([
      ['2026-01', 'improving'], // 28 < baseline 30
      ['2026-02', 'missed'], // 29 > 28
      ['2026-03', 'improving'],
      ['2026-04', 'met'], // exactly on target
    ]);
    expect(r.value.misses).toEqual(['2026-02']);
  });

  it('given higher is better, then rising values improve and reaching the target meets it', () => {
    const r = indicatorSeries(satisfaction, [
      { period: '2026-Q1', value: -30, source: 'manual' },
      { period: '2026-Q2', value: 0, source: 'manual' },
      { period: '2026-Q3', value: 55, source: 'manual' },
    ]);
    expect(r.ok && r.value.points.map((p) => p.status)).toEqual(['missed', 'improving', 'met']);
  });

  it('given months and quarters, then they order by the start of the period for the chart', () => {
    expect(periodStartMonth('2026-Q2')).toBe(periodStartMonth('2026-04'));
    expect(['2026-05', '2026-Q2', '2025-12'].sort(comparePeriods)).toEqual(['2025-12', '2026-Q2', '2026-05']);
  });

  it('given a bad period or a repeated one, then the error names the value', () => {
    expect(indicatorSeries(avoidable, [{ period: '2026-13', value: 1, source: 'manual' }])).toEqual({
      ok: false,
      error: [
        {
          code: 'invalid_input',
          path: 'values[0].period',
          message: 'expected a period such as 2026-04 or 2026-Q2',
        },
      ],
    });
    const repeated = [
      { period: '2026-01', value: 1, source: 'manual' },
      { period: '2026-01', value: 2, source: 'computed' },
    ];
    expect(indicatorSeries(avoidable, repeated)).toMatchObject({
      ok: false,
      error: [{ path: 'values[1].period' }],
    });
  });

  it('given a bad definition, then the error names the field', () => {
    expect(indicatorSeries({ ...avoidable, direction: 'up' }, [])).toMatchObject({
      ok: false,
      error: [{ path: 'direction', message: "expected 'lower-is-better' or 'higher-is-better'" }],
    });
  });
});

describe('recordIndicatorValue', () => {
  it('given a new computed value for a recorded period, then it replaces the old one', () => {
    const values = recordIndicatorValue(
      [
        { period: '2026-02', value: 29, source: 'manual' },
        { period: '2026-01', value: 28, source: 'manual' },
      ],
      { period: '2026-02', value: 27.5, source: 'computed' },
    );
    expect(values).toEqual([
      { period: '2026-01', value: 28, source: 'manual' },
      { period: '2026-02', value: 27.5, source: 'computed' },
    ]);
  });
});

describe('builtInIndicators', () => {
  it('has the six built-in keys (closing the loop: issue 13 item 4), each a valid definition once given a baseline and target', () => {
    expect(builtInIndicators.map((i) => i.key)).toEqual([
      'avoidable-percent',
      'contacts-per-resolved-request',
      'end-to-end-days',
      'satisfaction',
      'cost-per-journey',
      'closed-loop-percent',
    ]);
    for (const i of builtInIndicators)
      expect(indicatorSchema.safeParse({ ...i, baseline: 1, target: 1 }).success).toBe(true);
  });
});
