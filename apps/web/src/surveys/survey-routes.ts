/** The survey import page of a journey (issue 13 item 3): `/w/{ws}/j/{id}/surveys`. */
export type SurveysRoute = { readonly page: 'surveys'; readonly ws: string; readonly id: string };

export const isSurveysRoute = (route: { readonly page: string }): route is SurveysRoute =>
  route.page === 'surveys';

export const surveysRoutePath = (route: SurveysRoute): string =>
  `/w/${encodeURIComponent(route.ws)}/j/${encodeURIComponent(route.id)}/surveys`;

/** `/w/{ws}/j/{id}/surveys` (decoded path parts), or null. */
export function matchSurveysRoute(parts: readonly string[]): SurveysRoute | null {
  const [a, b, c, d, e] = parts;
  return parts.length === 5 && a === 'w' && b && c === 'j' && d && e === 'surveys'
    ? { page: 'surveys', ws: b, id: d }
    : null;
}
