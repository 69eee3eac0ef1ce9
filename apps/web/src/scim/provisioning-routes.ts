/** Provisioning by SCIM (issue 12, item 2): where an instance administrator manages it. */
export type ProvisioningRoute = { readonly page: 'provisioning' };

export const PROVISIONING_PATH = '/admin/provisioning';

export const isProvisioningRoute = (route: { readonly page: string }): route is ProvisioningRoute =>
  route.page === 'provisioning';

export const provisioningRoutePath = (): string => PROVISIONING_PATH;

/** `/admin/provisioning` (decoded path parts), or null. */
export const matchProvisioningRoute = (parts: readonly string[]): ProvisioningRoute | null =>
  `/${parts.join('/')}` === PROVISIONING_PATH ? { page: 'provisioning' } : null;
