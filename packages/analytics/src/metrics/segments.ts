import type { CaseIndex } from '../model/case-index';
import { civilFromDays } from '../ingest/timestamps';
import { summariseInPlace } from './stats';

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

/**
 * The headline figures per segment: the month a case started (period), the channel and the
 * team of its first event, and its variant (the top ten by name, the rest as "other").
 */
export function computeSegments(
  index: CaseIndex,
  perCase: PerCase,
  by: readonly SegmentBy[] = ['period', 'channel', 'org', 'variant'],
  maxSegments = 50,
): Partial<Record<SegmentBy, readonly Segment[]>> {
  const out: Partial<Record<SegmentBy, readonly Segment[]>> = {};
  for (const dim of by) {
    const labels = labelCases(index, perCase, dim);
    if (labels) out[dim] = summariseGroups(labels, perCase).slice(0, maxSegments);
  }
  return out;
}

/** A label number per case and the label names. */
interface Labels {
  readonly of: Int32Array;
  readonly names: string[];
}

function labelCases(index: CaseIndex, perCase: PerCase, dim: SegmentBy): Labels | undefined {
  const n = index.cases;
  const of = new Int32Array(n);
  if (dim === 'period') {
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
  if (dim === 'variant') {
    const names = Array.from({ length: 10 }, (_, v) => `variant ${v + 1}`);
    names.push('other');
    for (let k = 0; k < n; k++) of[k] = Math.min(10, perCase.variant[k] as number);
    return { of, names };
  }
  const col = index.store.dim[dim];
  if (!col) return undefined;
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
  const sizes = new Int32Array(L + 1);
  for (const l of labels.of) sizes[l + 1] = (sizes[l + 1] as number) + 1;
  for (let l = 0; l < L; l++) sizes[l + 1] = (sizes[l + 1] as number) + (sizes[l] as number);
  const fill = sizes.slice(0, L);
  const members = new Int32Array(labels.of.length);
  for (let k = 0; k < labels.of.length; k++) {
    const l = labels.of[k] as number;
    const at = fill[l] as number;
    fill[l] = at + 1;
    members[at] = k;
  }
  const segments: Segment[] = [];
  for (let l = 0; l < L; l++) {
    const ks = members.subarray(sizes[l] as number, sizes[l + 1] as number);
    if (ks.length === 0) continue;
    const pick = (a: Int32Array | Float64Array): Float64Array => {
      const out = new Float64Array(ks.length);
      for (let i = 0; i < ks.length; i++) out[i] = a[ks[i] as number] as number;
      return out;
    };
    const sum = (a: Int32Array | Float64Array): number => {
      let s = 0;
      for (const k of ks) s += a[k] as number;
      return s;
    };
    const contacts = summariseInPlace(pick(perCase.contacts));
    const duration = summariseInPlace(pick(perCase.durationSeconds));
    const totalContacts = sum(perCase.contacts);
    segments.push({
      key: labels.names[l] as string,
      cases: ks.length,
      events: sum(perCase.events),
      contactsPerCase: { mean: contacts.mean, median: contacts.median, p90: contacts.p90, max: contacts.max },
      durationSeconds: { mean: duration.mean, median: duration.median },
      ...(perCase.handoffs ? { handoffsPerCase: sum(perCase.handoffs) / ks.length } : {}),
      ...(perCase.avoidable
        ? { avoidablePercent: totalContacts ? (sum(perCase.avoidable) / totalContacts) * 100 : 0 }
        : {}),
      ...(perCase.cost ? { costPerJourney: sum(perCase.cost) / ks.length } : {}),
    });
  }
  return segments.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
