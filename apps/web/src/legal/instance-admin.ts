import type { Me } from '../api/types';

/**
 * Whether the person signed in is an instance administrator (`users.instance_admin`, migration 014), as
 * `/api/auth/me` says it. The legal pages themselves ask the API (`canEdit`), so they do not depend on this.
 */
export function isInstanceAdmin(me: Me): boolean {
  const said = me as Me & {
    readonly instanceAdmin?: boolean;
    readonly user: { readonly instanceAdmin?: boolean };
  };
  return said.instanceAdmin === true || said.user.instanceAdmin === true;
}
