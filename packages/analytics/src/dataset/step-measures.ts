import type { CaseIndex } from '../model/case-index';
import { contactMask } from '../metrics/contacts';
import { costChannelOf, defaultChannelCostTable, type ChannelCostTable } from '../metrics/channel-costs';

/** What a log says about one journey step: the figures of the activities mapped to it. */
export interface StepMeasure {
  readonly columnId: string;
  readonly activities: readonly string[];
  /** Cases in which at least one of its activities happens. */
  readonly cases: number;
  /** Contacts at this step per journey (all cases of the log), so the steps add up to contacts per journey. */
  readonly contactsPerJourney: number;
  /** Median days from the case's previous event to this step's events (absent when always first). */
  readonly waitDays?: number;
  /**
   * Days of the journey spent getting to this step, per journey (all cases of the log): the time from the case's
   * previous mapped event (or its first event) to this step's events, summed and divided by the cases. The steps
   * add up to the mean end-to-end time of the cases (up to their last mapped event), as contacts add up.
   */
  readonly elapsedDaysPerJourney: number;
  /** Changes of team into this step, per journey. */
  readonly handOffsPerJourney?: number;
  /** Mean £ per contact at this step, when every contact's channel has a unit cost in the table. */
  readonly unitCost?: number;
  /** Cases a year that reach this step: the cases in the log scaled to 365 days of the period covered. */
  readonly volumePerYear?: number;
}

const median = (xs: number[]): number | undefined => {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/**
 * One pass over the cases: per step, the cases reaching it, its contacts, the wait before it, the
 * hand-offs into it and its unit cost. `mapping` is activity name → column id; unmapped activities
 * count towards no step.
 */
export function measureSteps(
  index: CaseIndex,
  mapping: Readonly<Record<string, string>>,
  table: ChannelCostTable = defaultChannelCostTable,
): StepMeasure[] {
  const store = index.store;
  const names = store.activities.values();
  const columnIds = [...new Set(Object.values(mapping))];
  const stepOf = new Int32Array(names.length).fill(-1);
  names.forEach((n, a) => {
    const col = mapping[n];
    if (col !== undefined) stepOf[a] = columnIds.indexOf(col);
  });
  const S = columnIds.length;
  const cases = new Float64Array(S);
  const contacts = new Float64Array(S);
  const handOffs = new Float64Array(S);
  const waits: number[][] = Array.from({ length: S }, () => []);
  const elapsed = new Float64Array(S);
  const costSum = new Float64Array(S);
  const uncosted = new Uint8Array(S);
  const lastCase = new Int32Array(S).fill(-1);
  const isContact = contactMask(index);
  const org = store.dim.org;
  const channel = store.dim.channel;
  const channelNames = store.dims.channel.values();
  const unitOfChannel = channelNames.map((n) => {
    const ch = costChannelOf(n);
    return ch === undefined ? undefined : table.perContact[ch];
  });
  for (let k = 0; k < index.cases; k++) {
    const from = index.caseStart[k] as number;
    const to = index.caseStart[k + 1] as number;
    let lastMapped = index.time[from] as number;
    for (let p = from; p < to; p++) {
      const s = stepOf[index.activity[p] as number] as number;
      if (s < 0) continue;
      const t = index.time[p] as number;
      elapsed[s] = (elapsed[s] as number) + (t - lastMapped) / 86_400_000;
      lastMapped = t;
      if (lastCase[s] !== k) {
        lastCase[s] = k;
        cases[s] = (cases[s] as number) + 1;
      }
      if (p > from) {
        (waits[s] as number[]).push(((index.time[p] as number) - (index.time[p - 1] as number)) / 86_400_000);
        if (org) {
          const o = org[p] as number;
          const prev = org[p - 1] as number;
          if (o >= 0 && prev >= 0 && o !== prev) handOffs[s] = (handOffs[s] as number) + 1;
        }
      }
      if (isContact[p]) {
        contacts[s] = (contacts[s] as number) + 1;
        const c = channel ? (channel[p] as number) : -1;
        const unit = c >= 0 ? unitOfChannel[c] : undefined;
        if (unit === undefined) uncosted[s] = 1;
        else costSum[s] = (costSum[s] as number) + unit;
      }
    }
  }
  const all = Math.max(1, index.cases);
  let first = Infinity;
  let last = -Infinity;
  for (let p = 0; p < index.events; p++) {
    const t = index.time[p] as number;
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const days = (last - first) / 86_400_000;
  return columnIds.map((columnId, s) => {
    const wait = median(waits[s] as number[]);
    const n = contacts[s] as number;
    return {
      columnId,
      activities: names.filter((_, a) => stepOf[a] === s),
      cases: cases[s] as number,
      contactsPerJourney: n / all,
      elapsedDaysPerJourney: (elapsed[s] as number) / all,
      ...(wait !== undefined ? { waitDays: wait } : {}),
      ...(org ? { handOffsPerJourney: (handOffs[s] as number) / all } : {}),
      ...(channel && n > 0 && !uncosted[s] ? { unitCost: (costSum[s] as number) / n } : {}),
      ...(days >= 28 ? { volumePerYear: ((cases[s] as number) * 365) / days } : {}),
    };
  });
}
