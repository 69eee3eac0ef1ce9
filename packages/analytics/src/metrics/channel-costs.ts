/**
 * Cost per contact by channel: sourced, versioned data (domain.md §5). Users may pass their own
 * table; figures are pounds sterling per contact in the year of the source.
 */
export type CostChannel = 'face-to-face' | 'telephone' | 'web' | 'post' | 'email';

export interface ChannelCostTable {
  readonly id: string;
  readonly source: string;
  readonly year: number;
  readonly currency: 'GBP';
  readonly perContact: Readonly<Partial<Record<CostChannel, number>>>;
  readonly note?: string;
}

export const channelCostTables: readonly ChannelCostTable[] = [
  {
    id: 'socitm-2011',
    source: 'Socitm Insight, channel value benchmarking',
    year: 2011,
    currency: 'GBP',
    perContact: { 'face-to-face': 8.62, telephone: 2.83, web: 0.15 },
    note: 'Default. No sourced email or post figure: use local costing for those channels.',
  },
  {
    id: 'socitm-2008',
    source: 'Socitm, 2008 medians',
    year: 2008,
    currency: 'GBP',
    perContact: { 'face-to-face': 9.34, telephone: 3.76, web: 0.27 },
  },
  {
    id: 'pwc-london-se',
    source: 'PwC, 19 London and South East councils',
    year: 2012,
    currency: 'GBP',
    perContact: { 'face-to-face': 10.53, telephone: 3.39, web: 0.08, post: 12.1 },
    note: 'Year of the study not given in domain.md; 2012 is the GDS digital-strategy period that quotes it.',
  },
];

export const defaultChannelCostTable = channelCostTables[0] as ChannelCostTable;

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
