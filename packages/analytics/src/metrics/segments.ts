import type { CaseIndex } from '../model/case-index';
import { civilFromDays } from '../ingest/timestamps';
import { meanAndMedianInPlace, summariseInPlace } from './stats';

export type SegmentBy = 'period' | 'channel' | 'org' | 'variant';

/** Per-case figures the segments are cut from. */
export interface PerCase {
  readonly contacts: Int32Array;
  readonly events: Int32Array;
  readonly durationSeconds: Float64Array;
  readonly startMs: Float64Array;
  readonly variant: Int32Array;
  readonly handoffs?: Int32Array;
  readonly avoidable?: Int32Array;
  readonly cost?: Float64Array;
}

export interface Segment {
  readonly key: string;
  readonly cases: number;
  readonly events: number;
  readonly contactsPerCase: {
    readonly mean: number;
    readonly median: number;
    readonly p90: number;
    readonly max: number;
  };
  readonly durationSeconds: { readonly mean: number; readonly median: number };
  readonly handoffsPerCase?: number;
  readonly avoidablePercent?: number;
  readonly costPerJourney?: number;
}

/** The segments drawn by default, in this order. */
export const defaultSegmentBy: readonly SegmentBy[] = ['period', 'channel', 'org', 'variant'];
/** The most segments kept of each kind. */
const maxSegmentsDefault = 50;

/**
 * The headline figures per segment: the month a case started (period), the channel and the
 * team of its first event, and its variant (the top ten by name, the rest as "other").
 */
export function computeSegments(
  index: CaseIndex,
  perCase: PerCase,
  by: readonly SegmentBy[] = defaultSegmentBy,
  maxSegments = maxSegmentsDefault,
): Partial<Record<SegmentBy, readonly Segment[]>> {
  return segmentsOf(index.cases, by, storeLabels(index, by), perCase, maxSegments);
}

/** A label number per case and the label names. */
export interface Labels {
  readonly of: Int32Array;
  readonly names: string[];
}

/**
 * The labels of the segments cut by the store's columns (the channel and the team of each case's first event
 * that has one), which only the thread holding the store can draw; the others come from per-case figures.
 */
export function storeLabels(index: CaseIndex, by: readonly SegmentBy[]): Partial<Record<SegmentBy, Labels>> {
  const out: Partial<Record<SegmentBy, Labels>> = {};
  for (const dim of by) {
    if (dim === 'period' || dim === 'variant') continue;
    const labels = dimensionLabels(index, dim);
    if (labels) out[dim] = labels;
  }
  return out;
}

/** `computeSegments` from the store's labels (`storeLabels`): what a thread without the store can do. */
export function segmentsOf(
  cases: number,
  by: readonly SegmentBy[],
  fromStore: Partial<Record<SegmentBy, Labels>>,
  perCase: PerCase,
  maxSegments = maxSegmentsDefault,
): Partial<Record<SegmentBy, readonly Segment[]>> {
  const out: Partial<Record<SegmentBy, readonly Segment[]>> = {};
  for (const dim of by) {
    const labels =
      dim === 'period'
        ? periodLabels(cases, perCase)
        : dim === 'variant'
          ? variantLabels(cases, perCase)
          : fromStore[dim];
    if (labels) out[dim] = summariseGroups(labels, perCase).slice(0, maxSegments);
  }
  return out;
}

function periodLabels(n: number, perCase: PerCase): Labels {
  const of = new Int32Array(n);
  const months = new Map<number, number>();
  const names: string[] = [];
  let lastDay = Number.NaN;
  let lastId = -1;
  for (let k = 0; k < n; k++) {
    const day = Math.floor((perCase.startMs[k] as number) / 86_400_000);
    if (day === lastDay) {
      of[k] = lastId;
      continue;
    }
    const { year, month } = civilFromDays(day);
    const key = year * 12 + month;
    let id = months.get(key);
    if (id === undefined) {
      id = names.length;
      months.set(key, id);
      names.push(`${year}-${String(month).padStart(2, '0')}`);
    }
    of[k] = id;
    lastDay = day;
    lastId = id;
  }
  return { of, names };
}

function variantLabels(n: number, perCase: PerCase): Labels {
  const of = new Int32Array(n);
  const names = Array.from({ length: 10 }, (_, v) => `variant ${v + 1}`);
  names.push('other');
  for (let k = 0; k < n; k++) of[k] = Math.min(10, perCase.variant[k] as number);
  return { of, names };
}

function dimensionLabels(index: CaseIndex, dim: 'channel' | 'org'): Labels | undefined {
  const n = index.cases;
  const col = index.store.dim[dim];
  if (!col) return undefined;
  const of = new Int32Array(n);
  const names = [...index.store.dims[dim].values(), '(none)'];
  const none = names.length - 1;
  for (let k = 0; k < n; k++) {
    let label = none;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      const v = col[p] as number;
      if (v >= 0) {
        label = v;
        break;
      }
    }
    of[k] = label;
  }
  return { of, names };
}

function summariseGroups(labels: Labels, perCase: PerCase): Segment[] {
  const L = labels.names.length;
  const n = labels.of.length;
  // totals per label in one sequential pass (each label's cases are added in case order, as before)
  const cases = new Int32Array(L);
  const events = new Float64Array(L);
  const contactTotals = new Float64Array(L);
  const handoffs = new Float64Array(L);
  const avoidable = new Float64Array(L);
  const cost = new Float64Array(L);
  for (let k = 0; k < n; k++) {
    const l = labels.of[k] as number;
    cases[l] = (cases[l] as number) + 1;
    events[l] = (events[l] as number) + (perCase.events[k] as number);
    contactTotals[l] = (contactTotals[l] as number) + (perCase.contacts[k] as number);
    if (perCase.handoffs) handoffs[l] = (handoffs[l] as number) + (perCase.handoffs[k] as number);
    if (perCase.avoidable) avoidable[l] = (avoidable[l] as number) + (perCase.avoidable[k] as number);
    if (perCase.cost) cost[l] = (cost[l] as number) + (perCase.cost[k] as number);
  }
  // the medians need each label's values together: gathered by a counting sort on the label
  const starts = new Int32Array(L + 1);
  for (let l = 0; l < L; l++) starts[l + 1] = (starts[l] as number) + (cases[l] as number);
  const fill = starts.slice(0, L);
  const contactValues = new Float64Array(n);
  const durationValues = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const l = labels.of[k] as number;
    const at = fill[l] as number;
    fill[l] = at + 1;
    contactValues[at] = perCase.contacts[k] as number;
    durationValues[at] = perCase.durationSeconds[k] as number;
  }
  const segments: Segment[] = [];
  for (let l = 0; l < L; l++) {
    const size = cases[l] as number;
    if (size === 0) continue;
    const from = starts[l] as number;
    const contacts = summariseInPlace(contactValues.subarray(from, from + size));
    // a segment's duration is its mean and median: its 90th percentile is not computed
    const duration = meanAndMedianInPlace(durationValues.subarray(from, from + size));
    const totalContacts = contactTotals[l] as number;
    segments.push({
      key: labels.names[l] as string,
      cases: size,
      events: events[l] as number,
      contactsPerCase: { mean: contacts.mean, median: contacts.median, p90: contacts.p90, max: contacts.max },
      durationSeconds: { mean: duration.mean, median: duration.median },
      ...(perCase.handoffs ? { handoffsPerCase: (handoffs[l] as number) / size } : {}),
      ...(perCase.avoidable
        ? { avoidablePercent: totalContacts ? ((avoidable[l] as number) / totalContacts) * 100 : 0 }
        : {}),
      ...(perCase.cost ? { costPerJourney: (cost[l] as number) / size } : {}),
    });
  }
  return segments.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
