import { describe, expect, it } from 'vitest';
import { correctForFinitePopulation, sampleSizeForMargin, sampleSizeForRelativeMargin } from './sampling';

const z95 = 1.959963984540054;

describe('sampleSizeForMargin (domain.md §6)', () => {
  it('given p = 0.5, e = 0.05 at 95 %, then 385 observations', () => {
    const r = sampleSizeForMargin(0.05);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.exact).toBeCloseTo(384.15, 2); // 1.96² × 0.25 / 0.0025 = 384.16 with z rounded to 1.96
    expect(r.value.observations).toBe(385);
  });
  it('given a smaller expected share, then fewer observations', () => {
    const r = sampleSizeForMargin(0.05, 0.1);
    expect(r.ok && r.value.observations).toBe(Math.ceil((z95 ** 2 * 0.1 * 0.9) / 0.05 ** 2));
  });
  it('given a margin of 0 or a share of 1, then errors naming the fields', () => {
    expect(sampleSizeForMargin(0, 1)).toMatchObject({
      ok: false,
      error: [{ path: 'margin' }, { path: 'expectedShare' }],
    });
    expect(sampleSizeForMargin(0.05, 0.5, 0.42)).toMatchObject({
      ok: false,
      error: [{ path: 'confidence' }],
    });
  });
});

describe('sampleSizeForRelativeMargin', () => {
  it('given 7 % (seed 002) within ±20 % of itself, then z²(1 − p)/(s²p) observations', () => {
    const r = sampleSizeForRelativeMargin(0.2, 0.07);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.exact).toBeCloseTo((z95 ** 2 * 0.93) / (0.04 * 0.07), 9);
    expect(r.value.observations).toBe(1276);
  });
  it('agrees with the absolute formula at e = s × p', () => {
    const relative = sampleSizeForRelativeMargin(0.1, 0.3);
    const absolute = sampleSizeForMargin(0.03, 0.3);
    expect(relative.ok && absolute.ok && relative.value.exact).toBeCloseTo(
      absolute.ok ? absolute.value.exact : 0,
      9,
    );
  });
});

describe('correctForFinitePopulation (domain.md §6)', () => {
  it('given 384.2 with N = 2,000, then 322.4, planned as 323', () => {
    const r = correctForFinitePopulation(384.2, 2_000);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.exact).toBeCloseTo(384.2 / (1 + 383.2 / 2_000), 9);
    expect(r.value.exact).toBeCloseTo(322.4, 1);
    expect(r.value.observations).toBe(323);
  });
  it('given the rounded 385 instead, then the same 323 here, though rounding twice can overshoot elsewhere', () => {
    expect(correctForFinitePopulation(385, 2_000)).toMatchObject({ ok: true, value: { observations: 323 } });
  });
  it('given a population of 0, then an error', () => {
    expect(correctForFinitePopulation(385, 0)).toMatchObject({ ok: false, error: [{ path: 'population' }] });
  });
});
