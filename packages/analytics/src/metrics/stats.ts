/** Summary statistics over numeric arrays, matching numpy: medians average the two middle values, quantiles interpolate linearly. */
export interface Summary {
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises values in O(n) (quickselect on one copy); NaN fields when empty. */
export function summarise(values: Float64Array | Int32Array): Summary {
  return summariseInPlace(Float64Array.from(values));
}

/** The same, reordering the given array instead of copying it. */
export function summariseInPlace(a: Float64Array): Summary {
  const n = a.length;
  if (n === 0)
    return { mean: Number.NaN, median: Number.NaN, p90: Number.NaN, min: Number.NaN, max: Number.NaN };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = a[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && v !== Math.trunc(v)) integers = false;
  }
  if (integers && n >= 1024 && max - min <= COUNTING_RANGE) {
    const counts = countValues(a, min, max);
    return {
      mean: sum / n,
      median: countedQuantile(counts, min, n, 0.5),
      p90: countedQuantile(counts, min, n, 0.9),
      min,
      max,
    };
  }
  return { mean: sum / n, median: quantileInPlace(a, 0.5), p90: quantileInPlace(a, 0.9), min, max };
}

/** Integer values spanning at most this many are summarised by counting rather than quickselect. */
const COUNTING_RANGE = 1 << 16;

function countValues(a: Float64Array | Int32Array, min: number, max: number): Int32Array {
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < a.length; i++) {
    const k = (a[i] as number) - min;
    counts[k] = (counts[k] as number) + 1;
  }
  return counts;
}

/** numpy's linear quantile from counts of the integers min, min+1, … (the same value quickselect gives). */
function countedQuantile(counts: Int32Array, min: number, n: number, q: number): number {
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  // the values of rank lo and lo + 1 (0-based) in sorted order
  let seen = 0;
  let k = 0;
  while (seen + (counts[k] as number) <= lo) seen += counts[k++] as number;
  const low = k + min;
  if (pos === lo) return low;
  let j = k;
  if (seen + (counts[j] as number) <= lo + 1) {
    j++;
    while ((counts[j] as number) === 0) j++;
  }
  const high = j + min;
  return low + (high - low) * (pos - lo);
}

/**
 * The mean and the median only (`summariseInPlace`'s, to the last bit: the same sum in the same order, the
 * same median), reordering the values: one selection instead of two where the 90th percentile is not wanted.
 */
export function meanAndMedianInPlace(a: Float64Array): { mean: number; median: number } {
  const n = a.length;
  if (n === 0) return { mean: Number.NaN, median: Number.NaN };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a[i] as number;
  return { mean: sum / n, median: quantileInPlace(a, 0.5) };
}

/**
 * numpy's linear quantile of values whose least and greatest are `min` and `max`, leaving them as they
 * are: by counting for whole numbers in a short range (an Int32Array), else by selection on a copy.
 */
export function quantileOf(values: Int32Array | Float64Array, q: number, min: number, max: number): number {
  if (values instanceof Int32Array && values.length >= 1024 && max - min <= COUNTING_RANGE)
    return countedQuantile(countValues(values, min, max), min, values.length, q);
  return quantileInPlace(Float64Array.from(values), q);
}

/** numpy's linear quantile of unsorted values, reordering them. */
export function quantileInPlace(a: Float64Array, q: number): number {
  const n = a.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  select(a, 0, n - 1, lo);
  const low = a[lo] as number;
  if (pos === lo) return low;
  let high = Infinity;
  for (let i = lo + 1; i < n; i++) if ((a[i] as number) < high) high = a[i] as number;
  return low + (high - low) * (pos - lo);
}

/** numpy's default ('linear') quantile of sorted values. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] as number;
  return a + ((sorted[hi] as number) - a) * (pos - lo);
}

/**
 * Mean, median, min and max of a[from, to) in O(n), reordering that range in place
 * (quickselect), for the directly-follows graph's per-edge durations.
 */
export function rangeStats(
  a: Float64Array,
  from: number,
  to: number,
): { mean: number; median: number; min: number; max: number } {
  const n = to - from;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = a[i] as number;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mid = from + (n >> 1);
  select(a, from, to - 1, mid);
  let median = a[mid] as number;
  if (n % 2 === 0) {
    let lower = -Infinity;
    for (let i = from; i < mid; i++) if ((a[i] as number) > lower) lower = a[i] as number;
    median = (median + lower) / 2;
  }
  return { mean: sum / n, median, min, max };
}

/** Hoare quickselect: after it, a[k] holds the value it would have if a[lo..hi] were sorted. */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  while (hi > lo) {
    const pivot = median3(a[lo] as number, a[(lo + hi) >> 1] as number, a[hi] as number);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
