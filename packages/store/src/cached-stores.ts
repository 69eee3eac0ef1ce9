import type { AccountStore } from './account-store';
import type { JourneyStore } from './journey-store';
import { createJourneyListCache } from './journey-list-cache';
import type { StoredJourney } from './records';

interface Entry<T> {
  readonly value: T;
  readonly until: number;
}

/** A map whose entries expire; `now` is passed in so tests control time. */
function ttlCache<T>(ttlMs: number, now: () => number, max = 10_000) {
  const entries = new Map<string, Entry<T>>();
  return {
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value;
      const value = await load();
      if (entries.size >= max) entries.clear();
      entries.set(key, { value, until: now() + ttlMs });
      return value;
    },
    clear: () => entries.clear(),
  };
}

/**
 * Remembers who a session or token belongs to and members' roles for `ttlMs`, so an authenticated request
 * needs no query for them. Sign-out, token revocation and membership changes made through this store take
 * effect at once; made by another server process on the same PostgreSQL database, within `ttlMs`.
 */
export function createCachedAccountStore(
  inner: AccountStore,
  ttlMs: number,
  now: () => number,
): AccountStore {
  const sessions = ttlCache<Awaited<ReturnType<AccountStore['findSession']>>>(ttlMs, now);
  const tokens = ttlCache<Awaited<ReturnType<AccountStore['findApiToken']>>>(ttlMs, now);
  const users = ttlCache<Awaited<ReturnType<AccountStore['getUser']>>>(ttlMs, now);
  const roles = ttlCache<Awaited<ReturnType<AccountStore['roleOf']>>>(ttlMs, now);
  const after =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, clear: () => void) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        clear();
      }
    };
  return {
    ...inner,
    async findSession(tokenHash, at) {
      const found = await sessions.get(tokenHash, () => inner.findSession(tokenHash, at));
      return found && found.expiresAt > at ? found : null;
    },
    deleteSession: after(inner.deleteSession, sessions.clear),
    deleteSessionsOf: after(inner.deleteSessionsOf, sessions.clear),
    deleteExpiredSessions: after(inner.deleteExpiredSessions, sessions.clear),
    findApiToken: (hash) => tokens.get(hash, () => inner.findApiToken(hash)),
    revokeApiToken: after(inner.revokeApiToken, tokens.clear),
    deleteSessionById: after(inner.deleteSessionById, sessions.clear),
    getUser: (id) => users.get(id, () => inner.getUser(id)),
    // Suspension and administrator status change who a session or token belongs to: forget them all.
    setSuspended: after(inner.setSuspended, () => {
      sessions.clear();
      users.clear();
      tokens.clear();
    }),
    setUserEmail: after(inner.setUserEmail, () => {
      sessions.clear();
      users.clear();
    }),
    setInstanceAdmin: after(inner.setInstanceAdmin, () => {
      sessions.clear();
      users.clear();
    }),
    setWorkspaceArchived: after(inner.setWorkspaceArchived, roles.clear),
    roleOf: (ws, user) => roles.get(`${ws}\u0000${user}`, () => inner.roleOf(ws, user)),
    addMember: after(inner.addMember, roles.clear),
    setMemberRole: after(inner.setMemberRole, roles.clear),
    removeMember: after(inner.removeMember, roles.clear),
  };
}

/**
 * Keeps the current version of journeys in memory, updated by every write made through this store, and each
 * workspace's journey list (journey-list-cache.ts). Only
 * exact when this process is the database's only writer: the embedded database, which the data-directory
 * lock gives to one process. Not for PostgreSQL shared by several servers.
 */
export function createCachedJourneyStore(inner: JourneyStore, max = 500): JourneyStore {
  const current = new Map<string, StoredJourney>();
  const key = (ws: string, id: string) => `${ws}\u0000${id}`;
  const remember = (ws: string, j: StoredJourney) => {
    if (current.size >= max) current.delete(current.keys().next().value!);
    current.set(key(ws, j.id), j);
  };
  const lists = createJourneyListCache((ws, filter) => inner.listJourneys(ws, filter));
  /** A change that adds, removes or reorders journeys: a list read meanwhile is not kept. */
  const reshaping = async <T>(ws: string | null, change: () => Promise<T>): Promise<T> => {
    lists.reshaping(ws);
    try {
      return await change();
    } finally {
      lists.reshaping(ws);
    }
  };
  return {
    ...inner,
    listJourneys: (ws, filter) => lists.list(ws, filter),
    createJourney: (input) => reshaping(input.workspaceId, () => inner.createJourney(input)),
    async getJourney(ws, id, options = {}) {
      const hit = current.get(key(ws, id));
      if (hit) return hit;
      const found = await inner.getJourney(ws, id, options);
      if (found && found.deletedAt === null) remember(ws, found);
      return found;
    },
    async appendVersion(input) {
      const result = await inner.appendVersion(input);
      if (result.ok) {
        remember(input.workspaceId, result.value);
        lists.appended(input.workspaceId, result.value, input.by);
      } else if (result.error.current) {
        // A lost race answers the current journey, read after the winner committed: keep it, so the loser's
        // next read (the editor's, after a 409) needs no query. Never replace a newer version that a later
        // write has remembered meanwhile: versions only go up.
        const hit = current.get(key(input.workspaceId, input.journey.id));
        if (!hit || hit.version < result.error.current.version)
          remember(input.workspaceId, result.error.current);
      } else current.delete(key(input.workspaceId, input.journey.id));
      return result;
    },
    async softDelete(ws, id, at) {
      current.delete(key(ws, id));
      return reshaping(ws, () => inner.softDelete(ws, id, at));
    },
    async undelete(ws, id, since) {
      current.delete(key(ws, id));
      return reshaping(ws, () => inner.undelete(ws, id, since));
    },
    async purgeDeleted(before) {
      current.clear();
      return reshaping(null, () => inner.purgeDeleted(before));
    },
  };
}
