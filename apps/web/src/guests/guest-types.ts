/** What the guest routes answer (decision 0015), as the web app reads them. */
export type GuestRole = 'editor' | 'commenter';
export type GuestLinkState = 'active' | 'expired' | 'revoked';

export interface ListedGuest {
  readonly id: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly joinedAt: string;
  readonly lastSeenAt: string;
  readonly removedAt: string | null;
  /** They left by themselves rather than being removed. */
  readonly left: boolean;
  /** Seen in the last few minutes, not removed, link still working. */
  readonly here: boolean;
}

export interface ListedGuestLink {
  readonly id: string;
  readonly role: GuestRole;
  readonly createdBy: { readonly id: string; readonly name: string };
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly revokedAt: string | null;
  readonly state: GuestLinkState;
  readonly guests: readonly ListedGuest[];
}

/** A workshop link seen from its join page. */
export interface GuestInvite {
  readonly state: GuestLinkState;
  readonly title: string | null;
  readonly role: GuestRole;
  readonly expiresAt: string;
  readonly invitedBy: string;
  readonly message: string | null;
}

/** This browser as a guest: none, on a map, or ended (with the words saying why and whom to ask). */
export type GuestMe =
  | { readonly state: 'none' }
  | {
      readonly state: 'active';
      readonly guest: { readonly id: string; readonly name: string; readonly organisation: string | null };
      readonly workspaceId: string;
      readonly journeyId: string;
      readonly role: GuestRole;
      readonly expiresAt: string;
      readonly invitedBy: string;
      readonly csrfToken: string;
    }
  | {
      readonly state: 'removed' | 'expired' | 'revoked';
      readonly expiresAt: string;
      readonly invitedBy: string;
      readonly message: string;
    };
