import { costTables, defaultCostTableId, type CostTable } from '@waymark/measure/figures';

/**
 * Cost per contact by channel: the sourced, versioned tables of @waymark/measure (domain.md §5), the
 * same ones the journey comparison and business case use. Users may pass their own table; figures are
 * pounds sterling per contact in the year of the source.
 */
export type CostChannel = 'face-to-face' | 'telephone' | 'web' | 'post' | 'email';

export type ChannelCostTable = CostTable;

export const channelCostTables: readonly ChannelCostTable[] = costTables;

export const defaultChannelCostTable = costTables.find(
  (t) => t.id === defaultCostTableId,
) as ChannelCostTable;

const aliases: readonly [RegExp, CostChannel][] = [
  [/face|f2f|counter|visit|in person|office|desk|reception/i, 'face-to-face'],
  [/phone|tel|call|ivr|contact cent/i, 'telephone'],
  [/web|online|internet|portal|digital|app|self.?serv/i, 'web'],
  [/e-?mail/i, 'email'],
  [/post|letter|mail/i, 'post'],
];

/** Maps a channel label from a log ("Phone", "Counter", "Internet") to a costed channel, or undefined. */
export function costChannelOf(label: string): CostChannel | undefined {
  for (const [re, ch] of aliases) if (re.test(label)) return ch;
  return undefined;
}
