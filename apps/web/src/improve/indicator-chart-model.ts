import type { IndicatorSeries, IndicatorStatus } from '@waymark/measure';

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly period: string;
  readonly value: number;
  readonly status: IndicatorStatus;
}
export interface ChartModel {
  readonly width: number;
  readonly height: number;
  readonly points: readonly ChartPoint[];
  readonly baselineY: number;
  readonly targetY: number;
  readonly path: string;
  readonly yTicks: readonly { readonly y: number; readonly value: number }[];
}

/** Pixel positions of an indicator's values, baseline and target: periods spaced by time, values scaled to fit. */
export function chartModel(series: IndicatorSeries, width = 560, height = 240, pad = 48): ChartModel {
  const { indicator, points } = series;
  const values = [indicator.baseline, indicator.target, ...points.map((p) => p.value)];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  const span = hi - lo;
  lo -= span * 0.1;
  hi += span * 0.1;
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const sx = (x: number) =>
    maxX === minX ? width / 2 : pad + ((x - minX) / (maxX - minX)) * (width - 2 * pad);
  const sy = (v: number) => height - pad / 2 - ((v - lo) / (hi - lo)) * (height - pad);
  const placed = points.map((p) => ({
    x: sx(p.x),
    y: sy(p.value),
    period: p.period,
    value: p.value,
    status: p.status,
  }));
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const value = lo + f * (hi - lo);
    return { y: sy(value), value };
  });
  return {
    width,
    height,
    points: placed,
    baselineY: sy(indicator.baseline),
    targetY: sy(indicator.target),
    path: placed.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
    yTicks,
  };
}
