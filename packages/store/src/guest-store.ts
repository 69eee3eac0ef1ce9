import type { JourneyId, Result } from '@waymark/core';
import type { Instant, UserId, UserRef, WorkspaceId } from './records';

/** What a guest may do on the one map of their link. */
export const guestRoles = ['editor', 'commenter'] as const;
export type GuestRole = (typeof guestRoles)[number];

/** A workshop link: lets named guests without an account join one map until it expires or is withdrawn. */
export interface GuestLink {
  readonly id: string;
  readonly workspaceId: WorkspaceId;
  readonly journeyId: JourneyId;
  readonly role: GuestRole;
  readonly createdBy: UserRef;
  readonly createdAt: Instant;
  readonly expiresAt: Instant;
  readonly revokedAt: Instant | null;
}

/** Someone who joined through a link. Their id is also their `users` id (edits and comments name them). */
export interface Guest {
  readonly id: UserId;
  readonly linkId: string;
  readonly name: string;
  readonly organisation: string | null;
  readonly joinedAt: Instant;
  readonly lastSeenAt: Instant;
  readonly removedAt: Instant | null;
  /** True when they left by themselves rather than being removed. */
  readonly left: boolean;
}

/** Why a guest's session no longer works, or that it does. */
export type GuestState = 'active' | 'removed' | 'expired' | 'revoked';

export interface GuestSession {
  readonly guest: Guest;
  readonly link: GuestLink;
  readonly csrfToken: string;
  readonly state: GuestState;
}

export type GuestStoreError =
  | { readonly code: 'link_not_found'; readonly message: string }
  | { readonly code: 'link_ended'; readonly message: string; readonly link: GuestLink }
  | { readonly code: 'guest_not_found'; readonly message: string };

/** The channel on which removals and withdrawn links are announced: `{s: schema, g: [guest ids], r: 'removed' | 'revoked' | 'left'}`. */
export const GUESTS_CHANNEL = 'waymark_guests';

/** Workshop links and their guests (migration 008). */
export interface GuestStore {
  createLink(input: {
    id: string;
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    role: GuestRole;
    tokenHash: string;
    createdBy: UserId;
    at: Instant;
    expiresAt: Instant;
  }): Promise<GuestLink>;
  /** The link with this token hash, whatever its state (the join page says why one no longer works). */
  findLink(tokenHash: string): Promise<GuestLink | null>;
  /** The links of a journey, newest first, each with its guests in the order they joined. */
  listLinks(workspaceId: WorkspaceId, journeyId: JourneyId): Promise<{ link: GuestLink; guests: Guest[] }[]>;
  /**
   * Withdraws a link: nobody can join by it any more and every guest who joined by it is out at once (the ids
   * are announced on GUESTS_CHANNEL when the transaction commits).
   */
  revokeLink(input: {
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    linkId: string;
    by: UserId;
    at: Instant;
  }): Promise<Result<{ link: GuestLink; guests: UserId[] }, GuestStoreError>>;
  /**
   * A named guest joins by a link that still works, in one transaction: their `users` row (named `userName`)
   * and their session (`sessionHash`, ending when the link does).
   */
  join(input: {
    tokenHash: string;
    guestId: UserId;
    name: string;
    organisation: string | null;
    userName: string;
    email: string;
    sessionHash: string;
    csrfToken: string;
    at: Instant;
  }): Promise<Result<{ guest: Guest; link: GuestLink }, GuestStoreError>>;
  /** The guest of this session hash and whether it still works at `now`, or null for no such session. */
  findSession(sessionHash: string, now: Instant): Promise<GuestSession | null>;
  /** Records that the guest was seen (at most once a minute is worth writing). */
  touch(guestId: UserId, at: Instant): Promise<void>;
  /**
   * Removes a guest of this journey at once (announced on GUESTS_CHANNEL when the transaction commits); `by` the
   * guest themselves is leaving.
   */
  removeGuest(input: {
    workspaceId: WorkspaceId;
    journeyId: JourneyId;
    guestId: UserId;
    by: UserId;
    at: Instant;
  }): Promise<Result<Guest, GuestStoreError>>;
}
