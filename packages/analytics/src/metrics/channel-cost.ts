import { inCaseOrder, type CaseIndex } from '../model/case-index';
import { costChannelOf, defaultChannelCostTable, type ChannelCostTable } from './channel-costs';
import { summarise, type Summary } from './stats';

export interface ChannelMix {
  readonly channels: readonly {
    readonly channel: string;
    readonly contacts: number;
    readonly share: number;
    readonly unitCost?: number;
  }[];
  /** Where the cost came from: the log's own cost column or a unit-cost table. */
  readonly costSource: 'log' | 'table';
  readonly table?: { readonly id: string; readonly source: string; readonly year: number | null };
  readonly costPerJourney: Summary;
  readonly totalCost: number;
  /** Contacts whose channel has no unit cost (they add nothing to the cost). */
  readonly uncostedContacts: number;
  readonly costOfCase: Float64Array;
}

/**
 * Channel mix and cost per journey. With a cost column the log's own costs are summed per case;
 * otherwise each contact is priced by its channel from the table (domain.md §5 by default).
 */
export function computeChannelMix(
  index: CaseIndex,
  table: ChannelCostTable = defaultChannelCostTable,
  localCosts: Readonly<Record<string, number>> = {},
): ChannelMix | undefined {
  const store = index.store;
  const chanCol = store.dim.channel;
  if (!chanCol && !store.cost) return undefined;
  const names = store.dims.channel.values();
  const unit = names.map(
    (n) => localCosts[n] ?? (costChannelOf(n) ? table.perContact[costChannelOf(n) as string] : undefined),
  );
  const channel = chanCol ? inCaseOrder(index, chanCol) : undefined;
  const logCost = store.cost ? inCaseOrder(index, store.cost) : undefined;
  const counts = new Float64Array(names.length);
  const costOfCase = new Float64Array(index.cases);
  let uncosted = 0;
  for (let k = 0; k < index.cases; k++) {
    let sum = 0;
    const to = index.caseStart[k + 1] as number;
    for (let p = index.caseStart[k] as number; p < to; p++) {
      const c = channel ? (channel[p] as number) : -1;
      if (c >= 0) counts[c] = (counts[c] as number) + 1;
      if (logCost) {
        const v = logCost[p] as number;
        if (!Number.isNaN(v)) sum += v;
      } else if (c >= 0) {
        const u = unit[c];
        if (u === undefined) uncosted++;
        else sum += u;
      }
    }
    costOfCase[k] = sum;
  }
  let contacts = 0;
  for (const c of counts) contacts += c;
  const channels = names
    .map((channel, c) => ({
      channel,
      contacts: counts[c] as number,
      share: contacts ? (counts[c] as number) / contacts : 0,
      ...(unit[c] === undefined ? {} : { unitCost: unit[c] }),
    }))
    .filter((r) => r.contacts > 0)
    .sort((a, b) => b.contacts - a.contacts);
  let total = 0;
  for (const v of costOfCase) total += v;
  return {
    channels,
    costSource: logCost ? 'log' : 'table',
    ...(logCost ? {} : { table: { id: table.id, source: table.source, year: table.year } }),
    costPerJourney: summarise(costOfCase),
    totalCost: total,
    uncostedContacts: uncosted,
    costOfCase,
  };
}
