/** Single sign-on's settings (issue 12, item 1): where an instance administrator manages them. */
export type SsoAdminRoute = { readonly page: 'sso-admin' } | { readonly page: 'admin-people' };

export const SSO_ADMIN_PATH = '/admin/single-sign-on';
/** People by hand: suspend and restore, grant and remove instance administration. */
export const PEOPLE_ADMIN_PATH = '/admin/people';

export const isSsoAdminRoute = (route: { readonly page: string }): route is SsoAdminRoute =>
  route.page === 'sso-admin' || route.page === 'admin-people';

export const ssoAdminRoutePath = (route: SsoAdminRoute = { page: 'sso-admin' }): string =>
  route.page === 'admin-people' ? PEOPLE_ADMIN_PATH : SSO_ADMIN_PATH;

/** `/admin/single-sign-on` or `/admin/people` (decoded path parts), or null. */
export function matchSsoAdminRoute(parts: readonly string[]): SsoAdminRoute | null {
  const path = `/${parts.join('/')}`;
  if (path === SSO_ADMIN_PATH) return { page: 'sso-admin' };
  if (path === PEOPLE_ADMIN_PATH) return { page: 'admin-people' };
  return null;
}
