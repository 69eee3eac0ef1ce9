import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { Me } from '../api/types';
import { applyAccountLocale, forgetAppliedLocales } from './language';
import { noteSignOut } from '../sso-admin/signed-out';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly needsSetup: boolean }
  | { readonly status: 'signed-in'; readonly me: Me }
  | { readonly status: 'unreachable'; readonly message: string };

interface SessionValue {
  readonly api: ApiClient;
  readonly session: SessionState;
  /** Asks the server who is signed in (after sign-in, setup, or a workspace change). */
  readonly refresh: () => Promise<SessionState>;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async (): Promise<SessionState> => {
    let next: SessionState;
    try {
      const me = await api.me();
      next = { status: 'signed-in', me };
      applyAccountLocale(me, api);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        forgetAppliedLocales();
        const setup = await api.needsSetup().catch(() => ({ needsSetup: false }));
        next = { status: 'signed-out', needsSetup: setup.needsSetup };
      } else {
        next = { status: 'unreachable', message: error instanceof Error ? error.message : String(error) };
      }
    }
    setSession(next);
    return next;
  }, [api]);
  const signOut = useCallback(async () => {
    // Before the session ends: whether the sign-in page should offer the provider's sign-out too.
    await noteSignOut();
    await api.signOut().catch(() => undefined);
    forgetAppliedLocales();
    await refresh();
  }, [api, refresh]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ api, session, refresh, signOut }), [api, session, refresh, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  // i18n-exempt: a programmer's mistake, never shown to people
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user's role in a workspace, or null when they are not a member. */
export function useRole(ws: string) {
  const { session } = useSession();
  if (session.status !== 'signed-in') return null;
  return session.me.workspaces.find((w) => w.id === ws)?.role ?? null;
}
