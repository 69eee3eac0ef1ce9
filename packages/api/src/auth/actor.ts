import type { ApiToken, Role, User, WorkspaceId } from '@waymark/store';

/** Who is calling: a person with a browser session, or a script with a workspace API token. */
export type Actor =
  | {
      readonly via: 'session';
      readonly user: User;
      readonly csrfToken: string;
      readonly sessionHash: string;
      /** Signed in with a one-time password: may only set a new password. */
      readonly mustChangePassword: boolean;
    }
  | { readonly via: 'token'; readonly user: User; readonly token: ApiToken };

export interface WorkspaceAccess {
  readonly id: WorkspaceId;
  readonly role: Role;
}

/** Hono's typed context variables for this API. */
export interface ApiEnv {
  Variables: { actor: Actor | null };
}
