/**
 * The order of a portfolio of journeys (issue 14 item 3): the one definition the API's downloads and the web
 * page both sort by, so a committee's CSV lists the journeys as the screen did. Pure.
 */
export const portfolioSorts = [
  'title',
  'lowest',
  'avoidable',
  'contacts',
  'days',
  'cost',
  'pain',
  'review',
] as const;
export type PortfolioSort = (typeof portfolioSorts)[number];

/** What sorting needs of a journey's portfolio row. */
export interface SortableJourney {
  readonly title: string;
  readonly reviewDate: string | null;
  readonly headline: {
    readonly lowest: { readonly score: number } | null;
    readonly avoidablePercent: number | null;
    readonly contacts: number | null;
    readonly elapsedDays: number | null;
    readonly costPence: number | null;
    readonly painPoints: number;
  };
}

const valueOf = (i: SortableJourney, sort: PortfolioSort): number | string | null => {
  switch (sort) {
    case 'title':
      return i.title.toLowerCase();
    case 'lowest':
      return i.headline.lowest?.score ?? null;
    case 'avoidable':
      return i.headline.avoidablePercent;
    case 'contacts':
      return i.headline.contacts;
    case 'days':
      return i.headline.elapsedDays;
    case 'cost':
      return i.headline.costPence;
    case 'pain':
      return i.headline.painPoints;
    case 'review':
      return i.reviewDate;
  }
};

/** The journeys sorted by `sort` (figures missing go last whichever the direction; ties by title). */
export function orderPortfolio<T extends SortableJourney>(
  items: readonly T[],
  sort: PortfolioSort,
  dir: 'asc' | 'desc',
): T[] {
  const sign = dir === 'desc' ? -1 : 1;
  return items
    .map((i) => ({ i, v: valueOf(i, sort) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? 0 : a.v === null ? 1 : -1;
      return (a.v < b.v ? -1 : a.v > b.v ? 1 : 0) * sign || (a.i.title < b.i.title ? -1 : 1);
    })
    .map((x) => x.i);
}
