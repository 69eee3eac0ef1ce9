import type { ComparedFigure } from '@waymark/measure';

export const figureLabels: Record<ComparedFigure, string> = {
  contacts: 'Contacts',
  avoidableContacts: 'Avoidable contacts',
  elapsedDays: 'Elapsed days',
  waitDays: 'Waiting days',
  handlingMinutes: 'Handling minutes',
  handOffs: 'Hand-offs',
  cost: 'Cost per journey',
};
export const figureOrder = Object.keys(figureLabels) as ComparedFigure[];

const gb = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** A figure as people read it: pounds for cost, one decimal otherwise. */
export const formatFigure = (k: ComparedFigure, n: number): string =>
  k === 'cost' ? money.format(n) : gb.format(n);

/** A change with its sign in words as well as symbols, so it does not rely on colour. */
export function formatChange(k: ComparedFigure, n: number): string {
  if (n === 0) return 'no change';
  const size = formatFigure(k, Math.abs(n));
  return n < 0 ? `−${size} (fewer)` : `+${size} (more)`;
}

export const formatPounds = (pence: number): string => money.format(pence / 100);
export const formatPercent = (share: number, digits = 1): string => `${(share * 100).toFixed(digits)} %`;
