import type { Journey, JourneyCommand } from '@waymark/core';

/** Response shapes of the HTTP API (see the OpenAPI document at /api/openapi.json). */
export type Role = 'owner' | 'editor' | 'commenter' | 'viewer';
export const roles: readonly Role[] = ['owner', 'editor', 'commenter', 'viewer'];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}
export interface WorkspaceSummary {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}
export interface Me {
  readonly user: User;
  readonly workspaces: readonly WorkspaceSummary[];
  readonly csrfToken: string;
  /** The interface language chosen on the account (null: not chosen; the browser decides). */
  readonly locale?: 'en' | 'cy' | null;
  /** Signed in with a one-time password: nothing works until they choose their own. */
  readonly mustChangePassword?: boolean;
  /** May open the administration pages (issue 12, item 3). */
  readonly instanceAdmin?: boolean;
}
/** A member as the API answers it. */
export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
}
/** A one-time password, shown once (a new member, a reset). */
export interface OneTimePassword {
  readonly oneTimePassword: string;
  readonly oneTimePasswordExpiresAt: string;
}
export type TokenScope = 'read' | 'journeys:write' | 'import';
export const tokenScopes: readonly TokenScope[] = ['read', 'journeys:write', 'import'];
export interface ApiToken {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly revokedAt: string | null;
  /** When it stops working; null: never. */
  readonly expiresAt?: string | null;
  /** When it last authenticated a request; null: never. */
  readonly lastUsedAt?: string | null;
  /** Only in the answer that created it. */
  readonly token?: string;
}
export interface JourneySummary {
  readonly id: string;
  readonly title: string;
  readonly journeyType: Journey['meta']['journeyType'];
  readonly status: Journey['meta']['status'];
  readonly owner?: string | null;
  readonly segment?: string | null;
  readonly reviewDate?: string | null;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy?: { readonly id: string; readonly name: string } | string | null;
}
export interface StoredJourney {
  readonly id: string;
  readonly version: number;
  readonly journey: Journey;
  readonly updatedAt?: string;
}
export interface HistoryEntry {
  readonly version: number;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string } | null;
  readonly commands: readonly JourneyCommand[];
}
export interface CommentTarget {
  readonly columnId?: string;
  readonly cardId?: string;
}
/** A comment as the API answers it (the store's Comment record). */
export interface JourneyComment {
  readonly id: string;
  readonly target: CommentTarget;
  readonly body: string;
  readonly author: { readonly id: string; readonly name: string };
  readonly createdAt: string;
  readonly resolvedAt: string | null;
  readonly resolvedBy: { readonly id: string; readonly name: string } | null;
}
export interface ShareLink {
  readonly id: string;
  readonly token?: string;
  readonly url?: string;
  readonly expiresAt: string;
}
export interface ApiErrorBody {
  readonly code: string;
  readonly message: string;
  readonly path: string | null;
}
