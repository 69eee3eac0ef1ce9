import type { Journey, JourneyCommand } from '@waymark/core';
import type { SurveyBand } from '@waymark/render';
import { toApiError } from './api-error';
import type {
  CommentTarget,
  HistoryEntry,
  JourneySummary,
  ApiToken,
  Me,
  Member,
  OneTimePassword,
  Role,
  ShareLink,
  StoredJourney,
  TokenScope,
  User,
} from './types';
import type { GuestInvite, GuestMe, GuestRole, ListedGuestLink } from '../guests/guest-types';
import type { GroupCopy, MergeResult, MergeSummary } from '../editor/groups/group-types';
import type { ThingToLookAt, ThreadedComment } from '../editor/comments';

export interface ApiClientOptions {
  readonly fetch?: typeof fetch;
  /** Prefix for every path; '' when the app is served by the API's own server. */
  readonly baseUrl?: string;
}

export interface JourneyFilters {
  readonly q?: string;
  readonly type?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly deleted?: boolean;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * The typed HTTP client. It remembers the CSRF token the server hands out at sign-in and `me`, and sends it
 * on every state-changing request. Every failure becomes an ApiError with a message a person can act on.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl ?? '';
  let csrfToken = '';

  async function request<T>(
    method: Method,
    path: string,
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
    if (body !== undefined) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
    } catch {
      throw toApiError(0, null);
    }
    const text = await response.text();
    let json: unknown = null;
    if (text !== '') {
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
    }
    if (!response.ok) throw toApiError(response.status, json);
    if (typeof json === 'object' && json !== null && 'csrfToken' in json) {
      csrfToken = String((json as { csrfToken: unknown }).csrfToken);
    }
    return json as T;
  }

  const ws = (id: string) => `/api/workspaces/${encodeURIComponent(id)}`;
  const jr = (w: string, j: string) => `${ws(w)}/journeys/${encodeURIComponent(j)}`;
  const query = (filters: JourneyFilters | Readonly<Record<string, number>>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
    }
    const s = params.toString();
    return s === '' ? '' : `?${s}`;
  };

  return {
    health: () => request<{ status: string; database: string; version: string }>('GET', '/api/health'),
    needsSetup: () => request<{ needsSetup: boolean }>('GET', '/api/setup'),
    setup: (input: { email: string; name: string; password: string }) =>
      request<{ user: User; csrfToken: string }>('POST', '/api/setup', input),
    signIn: (input: { email: string; password: string }) =>
      request<{ user: User; csrfToken: string; mustChangePassword: boolean }>(
        'POST',
        '/api/auth/sign-in',
        input,
      ),
    /** Without `currentPassword` only right after signing in with a one-time password. */
    changePassword: (input: { currentPassword?: string; newPassword: string }) =>
      request<{ user: User; csrfToken: string }>('POST', '/api/auth/password', input),
    signOut: () => request<unknown>('POST', '/api/auth/sign-out'),
    me: () => request<Me>('GET', '/api/auth/me'),
    /** Keeps the person's interface language on their account (null: let each browser decide). */
    setLocale: (locale: 'en' | 'cy' | null) =>
      request<{ locale: 'en' | 'cy' | null }>('PATCH', '/api/auth/me', { locale }),
    createWorkspace: (name: string) =>
      request<{ id: string; name: string }>('POST', '/api/workspaces', { name }),
    members: (w: string) => request<{ items: Member[] }>('GET', `${ws(w)}/members`),
    addMember: (w: string, input: { email: string; role: Role }) =>
      request<{ member: Member } & Partial<OneTimePassword>>('POST', `${ws(w)}/members`, input),
    resetPassword: (w: string, userId: string) =>
      request<OneTimePassword>('POST', `${ws(w)}/members/${encodeURIComponent(userId)}/password-reset`),
    tokens: (w: string) => request<{ items: ApiToken[] }>('GET', `${ws(w)}/tokens`),
    createToken: (
      w: string,
      input: { name: string; role: Role; scopes: readonly TokenScope[]; expiresAt?: string },
    ) => request<ApiToken & { token: string }>('POST', `${ws(w)}/tokens`, input),
    revokeToken: (w: string, id: string) =>
      request<ApiToken>('DELETE', `${ws(w)}/tokens/${encodeURIComponent(id)}`),
    setRole: (w: string, userId: string, role: Role) =>
      request<unknown>('PATCH', `${ws(w)}/members/${encodeURIComponent(userId)}`, { role }),
    removeMember: (w: string, userId: string) =>
      request<unknown>('DELETE', `${ws(w)}/members/${encodeURIComponent(userId)}`),
    journeys: (w: string, filters: JourneyFilters = {}) =>
      request<{ items: JourneySummary[] }>('GET', `${ws(w)}/journeys${query(filters)}`),
    createJourney: (w: string, journey: Journey) =>
      request<StoredJourney>('POST', `${ws(w)}/journeys`, { journey }),
    journey: (w: string, j: string) => request<StoredJourney>('GET', jr(w, j)),
    sendCommands: (w: string, j: string, baseVersion: number, commands: readonly JourneyCommand[]) =>
      request<{ version: number; journey: Journey }>('POST', `${jr(w, j)}/commands`, {
        baseVersion,
        commands,
      }),
    /** Oldest first; a page with `before` (the newest versions older than it) or `after`, and `limit`. */
    history: (w: string, j: string, page: { before?: number; after?: number; limit?: number } = {}) =>
      request<{ items: HistoryEntry[]; latest: number }>(
        'GET',
        `${jr(w, j)}/history${query(page as Record<string, number>)}`,
      ),
    /** The journey as it stood at one version. */
    journeyAt: (w: string, j: string, version: number) =>
      request<{ version: number; journey: Journey }>('GET', `${jr(w, j)}/versions/${version}`),
    restore: (w: string, j: string, version: number) =>
      request<{ version: number; journey: Journey; unchanged: boolean }>('POST', `${jr(w, j)}/restore`, {
        version,
      }),
    duplicate: (w: string, j: string, input: { id?: string; title?: string; journeyType?: string }) =>
      request<StoredJourney>('POST', `${jr(w, j)}/duplicate`, input),
    remove: (w: string, j: string) => request<unknown>('DELETE', jr(w, j)),
    undelete: (w: string, j: string) => request<unknown>('POST', `${jr(w, j)}/undelete`),
    exportUrl: (w: string, j: string, format: string) =>
      `${base}${jr(w, j)}/export?format=${encodeURIComponent(format)}`,
    importFile: (w: string, text: string, contentType: string) =>
      request<{ id: string; version: number }>('POST', `${ws(w)}/import`, text, contentType),
    comments: (w: string, j: string) => request<{ items: ThreadedComment[] }>('GET', `${jr(w, j)}/comments`),
    addComment: (
      w: string,
      j: string,
      target: CommentTarget,
      body: string,
      mentions: readonly string[] = [],
    ) =>
      request<ThreadedComment>('POST', `${jr(w, j)}/comments`, {
        target,
        body,
        ...(mentions.length ? { mentions } : {}),
      }),
    replyToComment: (w: string, j: string, cid: string, body: string, mentions: readonly string[] = []) =>
      request<ThreadedComment>('POST', `${jr(w, j)}/comments/${encodeURIComponent(cid)}/replies`, {
        body,
        ...(mentions.length ? { mentions } : {}),
      }),
    markThreadSeen: (w: string, j: string, cid: string) =>
      request<unknown>('POST', `${jr(w, j)}/comments/${encodeURIComponent(cid)}/seen`),
    thingsToLookAt: (w: string) => request<{ items: ThingToLookAt[] }>('GET', `${ws(w)}/things-to-look-at`),
    resolveComment: (w: string, j: string, cid: string, resolved: boolean) =>
      request<unknown>('PATCH', `${jr(w, j)}/comments/${encodeURIComponent(cid)}`, { resolved }),
    createShare: (w: string, j: string, expiresAt: string) =>
      request<ShareLink>('POST', `${jr(w, j)}/shares`, { expiresAt }),
    shares: (w: string, j: string) => request<{ items: ShareLink[] }>('GET', `${jr(w, j)}/shares`),
    revokeShare: (w: string, j: string, sid: string) =>
      request<unknown>('DELETE', `${jr(w, j)}/shares/${encodeURIComponent(sid)}`),
    shared: (token: string) =>
      request<{ journey: Journey; title: string; surveyBands?: readonly SurveyBand[] }>(
        'GET',
        `/api/share/${encodeURIComponent(token)}`,
      ),
    // Workshop guests (decision 0015).
    guestLinks: (w: string, j: string) =>
      request<{ items: ListedGuestLink[] }>('GET', `${jr(w, j)}/guest-links`),
    createGuestLink: (w: string, j: string, input: { role: GuestRole; expiresAt?: string }) =>
      request<{ link: ListedGuestLink; token: string; url: string }>(
        'POST',
        `${jr(w, j)}/guest-links`,
        input,
      ),
    revokeGuestLink: (w: string, j: string, linkId: string) =>
      request<unknown>('DELETE', `${jr(w, j)}/guest-links/${encodeURIComponent(linkId)}`),
    removeGuest: (w: string, j: string, guestId: string) =>
      request<unknown>('DELETE', `${jr(w, j)}/guests/${encodeURIComponent(guestId)}`),
    guestInvite: (token: string) =>
      request<GuestInvite>('GET', `/api/guest-links/${encodeURIComponent(token)}`),
    joinAsGuest: (token: string, input: { name: string; organisation?: string }) =>
      request<{ workspaceId: string; journeyId: string; csrfToken: string }>(
        'POST',
        `/api/guest-links/${encodeURIComponent(token)}/join`,
        input,
      ),
    guestMe: () => request<GuestMe>('GET', '/api/guest/me'),
    leaveAsGuest: () => request<{ left: boolean }>('POST', '/api/guest/leave'),
    // Workshop groups on their own copy of a map (decision 0014, "Groups").
    makeGroupCopy: (w: string, j: string, group: string) =>
      request<GroupCopy>('POST', `${jr(w, j)}/group-copies`, { group }),
    groupCopyOrigin: (w: string, j: string) =>
      request<{ groupCopy: { from: string; fromVersion: number; group: string } | null }>(
        'GET',
        `${jr(w, j)}/group-copy`,
      ),
    groupMergePreview: (w: string, copy: string) =>
      request<MergeSummary>('GET', `${jr(w, copy)}/group-merge`),
    mergeGroupCopy: (w: string, copy: string) =>
      request<MergeResult>('POST', `${jr(w, copy)}/group-merge`, {}),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
