/** The cost models page of a workspace (issue 13 item 2): `/w/{ws}/costs`. */
export type CostsRoute = { readonly page: 'costs'; readonly ws: string };

export const isCostsRoute = (route: { readonly page: string }): route is CostsRoute => route.page === 'costs';

export const costsRoutePath = (route: CostsRoute): string => `/w/${encodeURIComponent(route.ws)}/costs`;

/** `/w/{ws}/costs` (decoded path parts), or null. */
export function matchCostsRoute(parts: readonly string[]): CostsRoute | null {
  const [a, b, c] = parts;
  return parts.length === 3 && a === 'w' && b && c === 'costs' ? { page: 'costs', ws: b } : null;
}
