import type { ApiToken, Guest, GuestLink, Role, User, WorkspaceId } from '@waymark/store';

/**
 * Who is calling: a person with a browser session, a script with a workspace API token, or a guest who joined
 * one map by a workshop link (decision 0015: they may reach that map and nothing else).
 */
export type Actor =
  | {
      readonly via: 'session';
      readonly user: User;
      readonly csrfToken: string;
      readonly sessionHash: string;
      /** The session's visible id ("Your sessions" marks it as this device). */
      readonly sessionId: string;
      /** Signed in with a one-time password: may only set a new password. */
      readonly mustChangePassword: boolean;
    }
  | { readonly via: 'token'; readonly user: User; readonly token: ApiToken }
  | {
      readonly via: 'guest';
      readonly user: User;
      readonly csrfToken: string;
      readonly guest: Guest;
      readonly link: GuestLink;
    };

export interface WorkspaceAccess {
  readonly id: WorkspaceId;
  readonly role: Role;
}

/** Hono's typed context variables for this API. */
export interface ApiEnv {
  Variables: { actor: Actor | null };
}
