import { quantileOf } from './stats';

export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * Equal-width bins from the minimum to the 99th percentile (a last bin gathers the tail), so
 * one extreme case does not flatten the picture. Integer data gets integer-wide bins.
 */
export function histogram(values: Int32Array | Float64Array, maxBins = 20): Bin[] {
  const n = values.length;
  if (n === 0) return [];
  let lo = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > max) max = v;
  }
  const integer = values instanceof Int32Array;
  const p99 = quantileOf(values, Math.min(n - 1, Math.floor(n * 0.99)) / Math.max(1, n - 1), lo, max);
  let width = (p99 - lo) / maxBins || 1;
  if (integer) width = Math.max(1, Math.ceil(width));
  const bins = Math.max(1, Math.ceil((p99 - lo) / width + (integer ? 1 : 0)));
  const counts = new Float64Array(bins + 1);
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins, Math.floor(((values[i] as number) - lo) / width));
    counts[b] = (counts[b] as number) + 1;
  }
  const out: Bin[] = [];
  for (let b = 0; b < bins; b++)
    out.push({ from: lo + b * width, to: lo + (b + 1) * width, count: counts[b] as number });
  if ((counts[bins] as number) > 0)
    out.push({ from: lo + bins * width, to: max, count: counts[bins] as number });
  return out;
}

/** Seconds as days (a loop: a typed array's map calls a function for each of a million cases). */
export function inDays(seconds: Float64Array): Float64Array {
  const days = new Float64Array(seconds.length);
  for (let k = 0; k < seconds.length; k++) days[k] = (seconds[k] as number) / 86_400;
  return days;
}
