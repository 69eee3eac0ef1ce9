import { inCaseOrder, type CaseIndex } from '../model/case-index';
import { civilFromDays } from '../ingest/timestamps';
import { summarise } from './stats';

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

function labelCases(index: CaseIndex, perCase: PerCase, dim: SegmentBy): string[] | undefined {
  const n = index.cases;
  if (dim === 'period') return Array.from(perCase.startMs, monthOf);
  if (dim === 'variant') return Array.from(perCase.variant, (v) => (v < 10 ? `variant ${v + 1}` : 'other'));
  const col = index.store.dim[dim];
  if (!col) return undefined;
  const values = inCaseOrder(index, col);
  const names = index.store.dims[dim].values();
  const labels: string[] = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    let label = '(none)';
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      const v = values[p] as number;
      if (v >= 0) {
        label = names[v] as string;
        break;
      }
    }
    labels[k] = label;
  }
  return labels;
}

function monthOf(ms: number): string {
  const { year, month } = civilFromDays(Math.floor(ms / 86_400_000));
  return `${year}-${String(month).padStart(2, '0')}`;
}

function summariseGroups(labels: readonly string[], perCase: PerCase): Segment[] {
  const groups = new Map<string, number[]>();
  labels.forEach((l, k) => {
    let g = groups.get(l);
    if (!g) groups.set(l, (g = []));
    g.push(k);
  });
  const segments: Segment[] = [];
  for (const [key, ks] of groups) {
    const pick = <T extends Int32Array | Float64Array>(a: T): Float64Array =>
      Float64Array.from(ks, (k) => a[k] as number);
    const contacts = summarise(pick(perCase.contacts));
    const duration = summarise(pick(perCase.durationSeconds));
    const sum = (a: Int32Array | Float64Array): number => ks.reduce((s, k) => s + (a[k] as number), 0);
    const events = sum(perCase.events);
    const totalContacts = sum(perCase.contacts);
    segments.push({
      key,
      cases: ks.length,
      events,
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
