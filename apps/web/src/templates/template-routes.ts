/** The templates page of a workspace (issue 14 item 5): `/w/{ws}/templates`. */
export type TemplatesRoute = { readonly page: 'templates'; readonly ws: string };

export const isTemplatesRoute = (route: { readonly page: string }): route is TemplatesRoute =>
  route.page === 'templates';

export const templatesRoutePath = (route: TemplatesRoute): string =>
  `/w/${encodeURIComponent(route.ws)}/templates`;

/** `/w/{ws}/templates` (decoded path parts), or null. */
export function matchTemplatesRoute(parts: readonly string[]): TemplatesRoute | null {
  const [a, b, c] = parts;
  return parts.length === 3 && a === 'w' && b && c === 'templates' ? { page: 'templates', ws: b } : null;
}
