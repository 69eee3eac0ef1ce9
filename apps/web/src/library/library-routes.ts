/** The library's pages (issue 14, items 3 and 6): a workspace's portfolio, every workspace's, and search. */
export type LibraryRoute =
  | { readonly page: 'portfolio'; readonly ws: string }
  | { readonly page: 'admin-portfolio' }
  | { readonly page: 'search' };

export const isLibraryRoute = (route: { readonly page: string }): route is LibraryRoute =>
  route.page === 'portfolio' || route.page === 'admin-portfolio' || route.page === 'search';

export function libraryRoutePath(route: LibraryRoute): string {
  switch (route.page) {
    case 'portfolio':
      return `/w/${encodeURIComponent(route.ws)}/portfolio`;
    case 'admin-portfolio':
      return '/admin/portfolio';
    case 'search':
      return '/search';
  }
}

/** `/w/{ws}/portfolio`, `/admin/portfolio`, `/search` (decoded path parts), or null. */
export function matchLibraryRoute(parts: readonly string[]): LibraryRoute | null {
  const [a, b, c] = parts;
  if (parts.length === 3 && a === 'w' && b && c === 'portfolio') return { page: 'portfolio', ws: b };
  if (parts.length === 2 && a === 'admin' && b === 'portfolio') return { page: 'admin-portfolio' };
  if (parts.length === 1 && a === 'search') return { page: 'search' };
  return null;
}
