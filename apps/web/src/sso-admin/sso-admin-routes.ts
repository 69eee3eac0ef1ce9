/** Single sign-on's settings (issue 12, item 1): where an instance administrator manages them. */
export type SsoAdminRoute = { readonly page: 'sso-admin' };

export const SSO_ADMIN_PATH = '/admin/single-sign-on';

export const isSsoAdminRoute = (route: { readonly page: string }): route is SsoAdminRoute =>
  route.page === 'sso-admin';

export const ssoAdminRoutePath = (): string => SSO_ADMIN_PATH;

/** `/admin/single-sign-on` (decoded path parts), or null. */
export const matchSsoAdminRoute = (parts: readonly string[]): SsoAdminRoute | null =>
  `/${parts.join('/')}` === SSO_ADMIN_PATH ? { page: 'sso-admin' } : null;
