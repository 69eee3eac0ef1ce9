/** The legal pages (issue 12, item 5): the accessibility statement, the privacy notice and where they are edited. */
export type LegalRoute =
  { readonly page: 'accessibility' } | { readonly page: 'privacy' } | { readonly page: 'legal-admin' };

const paths: Record<LegalRoute['page'], string> = {
  accessibility: '/accessibility',
  privacy: '/privacy',
  'legal-admin': '/admin/legal',
};

export const isLegalRoute = (route: { readonly page: string }): route is LegalRoute => route.page in paths;

/** Anyone may read these, signed in or not, like the sign-in page. */
export const publicLegalPages: readonly LegalRoute['page'][] = ['accessibility', 'privacy'];

export const legalRoutePath = (route: LegalRoute): string => paths[route.page];

/** `/accessibility`, `/privacy`, `/admin/legal` (decoded path parts), or null. */
export function matchLegalRoute(parts: readonly string[]): LegalRoute | null {
  const path = `/${parts.join('/')}`;
  const found = (Object.keys(paths) as LegalRoute['page'][]).find((page) => paths[page] === path);
  return found ? { page: found } : null;
}
