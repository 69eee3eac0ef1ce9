/** The hierarchy tree and the opportunities pages (issue 14), as route values beside the app's own routes. */
export type HierarchyRoute =
  | { readonly page: 'tree'; readonly ws: string }
  | { readonly page: 'opportunities'; readonly ws: string }
  | { readonly page: 'opportunity'; readonly ws: string; readonly id: string };

export const isHierarchyRoute = (route: { readonly page: string }): route is HierarchyRoute =>
  route.page === 'tree' || route.page === 'opportunities' || route.page === 'opportunity';

const seg = (s: string) => encodeURIComponent(s);

export function hierarchyRoutePath(route: HierarchyRoute): string {
  switch (route.page) {
    case 'tree':
      return `/w/${seg(route.ws)}/tree`;
    case 'opportunities':
      return `/w/${seg(route.ws)}/opportunities`;
    case 'opportunity':
      return `/w/${seg(route.ws)}/opportunities/${seg(route.id)}`;
  }
}

/** `/w/{ws}/tree`, `/w/{ws}/opportunities`, `/w/{ws}/opportunities/{id}` (decoded path parts), or null. */
export function matchHierarchyRoute(parts: readonly string[]): HierarchyRoute | null {
  const [a, ws, c, d] = parts;
  if (a !== 'w' || !ws) return null;
  if (parts.length === 3 && c === 'tree') return { page: 'tree', ws };
  if (parts.length === 3 && c === 'opportunities') return { page: 'opportunities', ws };
  if (parts.length === 4 && c === 'opportunities' && d) return { page: 'opportunity', ws, id: d };
  return null;
}
