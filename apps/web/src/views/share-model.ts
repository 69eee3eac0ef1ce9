/** A share link as the API lists it (the token itself is only shown when it is made). */
export interface ListedShare {
  readonly id: string;
  readonly createdAt?: string;
  readonly expiresAt: string;
  readonly revokedAt?: string | null;
}

/** How long a new link may work, in days; each is named by `views.share.duration.<days>` in the catalogue. */
export const shareDurations = [1, 7, 30, 90, 365] as const;

/** When a link made now for `days` days stops working, as the API expects it. */
export const expiryFor = (now: Date, days: number): string =>
  new Date(now.getTime() + days * 86_400_000).toISOString();

export type ShareState = 'active' | 'expired' | 'revoked';

export function shareState(share: ListedShare, now: Date): ShareState {
  if (share.revokedAt) return 'revoked';
  return Date.parse(share.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** Working links first (soonest to expire first), then the rest, newest first. */
export function sortShares(shares: readonly ListedShare[], now: Date): ListedShare[] {
  const active = (s: ListedShare) => shareState(s, now) === 'active';
  return [...shares].sort((a, b) =>
    active(a) !== active(b)
      ? active(a)
        ? -1
        : 1
      : active(a)
        ? a.expiresAt.localeCompare(b.expiresAt)
        : (b.createdAt ?? b.expiresAt).localeCompare(a.createdAt ?? a.expiresAt),
  );
}
