/** Administration pages (issue 12, item 3): workspaces for instance administrators, the audit trail, sessions. */
export type AdminRoute =
  | { readonly page: 'admin-workspaces' }
  | { readonly page: 'audit'; readonly ws: string }
  | { readonly page: 'sessions' };

export const isAdminRoute = (route: { readonly page: string }): route is AdminRoute =>
  route.page === 'admin-workspaces' || route.page === 'audit' || route.page === 'sessions';

export function adminRoutePath(route: AdminRoute): string {
  switch (route.page) {
    case 'admin-workspaces':
      return '/admin/workspaces';
    case 'audit':
      return `/w/${encodeURIComponent(route.ws)}/audit`;
    case 'sessions':
      return '/account/sessions';
  }
}

/** `/admin/workspaces`, `/w/{ws}/audit`, `/account/sessions` (decoded path parts), or null. */
export function matchAdminRoute(parts: readonly string[]): AdminRoute | null {
  const [a, b, c] = parts;
  if (parts.length === 2 && a === 'admin' && b === 'workspaces') return { page: 'admin-workspaces' };
  if (parts.length === 2 && a === 'account' && b === 'sessions') return { page: 'sessions' };
  if (parts.length === 3 && a === 'w' && b && c === 'audit') return { page: 'audit', ws: b };
  return null;
}
