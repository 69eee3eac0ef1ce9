import { orderPortfolio, portfolioSorts, type PortfolioSort } from '@waymark/measure';
import type { PortfolioItem } from './library-api';

export { portfolioSorts, type PortfolioSort };

export interface PortfolioFilters {
  readonly service: string;
  readonly organisation: string;
  readonly segment: string;
  readonly owner: string;
  readonly workspace: string;
  readonly flagged: boolean;
}
export const noFilters: PortfolioFilters = {
  service: '',
  organisation: '',
  segment: '',
  owner: '',
  workspace: '',
  flagged: false,
};

const same = (value: string | null, wanted: string) =>
  wanted === '' || (value ?? '').trim().toLowerCase() === wanted.trim().toLowerCase();

/**
 * The journeys passing the filters, sorted by `sort` (figures missing go last whichever the direction), as the
 * API's own filterAndSort does for the downloads. Pure.
 */
export function visibleItems(
  items: readonly PortfolioItem[],
  f: PortfolioFilters,
  sort: PortfolioSort,
  dir: 'asc' | 'desc',
): PortfolioItem[] {
  const kept = items.filter(
    (i) =>
      same(i.service, f.service) &&
      same(i.segment, f.segment) &&
      same(i.owner, f.owner) &&
      (f.workspace === '' || i.workspaceId === f.workspace) &&
      (f.organisation === '' || i.organisations.some((o) => same(o, f.organisation))) &&
      (!f.flagged || i.flags.length > 0),
  );
  return orderPortfolio(kept, sort, dir);
}

/** The distinct values of a field across the journeys, sorted, for a filter's choices. Pure. */
export function choicesOf(
  items: readonly PortfolioItem[],
  pick: (i: PortfolioItem) => readonly (string | null)[],
) {
  const seen = new Map<string, string>();
  for (const i of items)
    for (const v of pick(i))
      if (v && !seen.has(v.trim().toLowerCase())) seen.set(v.trim().toLowerCase(), v.trim());
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

export type PainLevel = 'none' | 'low' | 'medium' | 'high';
/** How much pain a stage has, relative to the most painful stage shown. Pure. */
export function painLevel(count: number, max: number): PainLevel {
  if (count <= 0 || max <= 0) return 'none';
  const share = count / max;
  return share > 2 / 3 ? 'high' : share > 1 / 3 ? 'medium' : 'low';
}

/** The stages of the journeys shown, by name in order of first appearance: the heat map's columns. Pure. */
export function heatColumns(items: readonly PortfolioItem[]): string[] {
  const names: string[] = [];
  for (const i of items) for (const s of i.stages) if (!names.includes(s.name)) names.push(s.name);
  return names;
}

/** The query string of the downloads, so the CSV and PDF hold what the page shows. Pure. */
export function exportQuery(
  f: PortfolioFilters,
  sort: PortfolioSort,
  dir: 'asc' | 'desc',
  format: 'csv' | 'pdf',
  locale: string,
): string {
  const q = new URLSearchParams({ format, locale, sort, dir });
  for (const key of ['service', 'organisation', 'segment', 'owner', 'workspace'] as const)
    if (f[key] !== '') q.set(key, f[key]);
  if (f.flagged) q.set('flagged', 'true');
  return q.toString();
}

/** A search excerpt as text and highlighted parts (the server marks matches with U+0002 … U+0003). Pure. */
export function highlightParts(excerpt: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  for (const [i, chunk] of excerpt.split('\u0002').entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, mark: false });
      continue;
    }
    const end = chunk.indexOf('\u0003');
    if (end < 0) parts.push({ text: chunk, mark: false });
    else {
      parts.push({ text: chunk.slice(0, end), mark: true });
      if (end + 1 < chunk.length) parts.push({ text: chunk.slice(end + 1), mark: false });
    }
  }
  return parts;
}
