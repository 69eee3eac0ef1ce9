import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { matchRoute, routePath, type Route } from './routes';

interface RouterValue {
  readonly route: Route;
  readonly search: URLSearchParams;
  readonly navigate: (to: Route, options?: { replace?: boolean; search?: string }) => void;
}

const RouterContext = createContext<RouterValue | null>(null);

/** A small history router: the URL is the state; links and navigate() push entries, Back pops them. */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState(() => ({
    path: window.location.pathname,
    search: window.location.search,
  }));
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: Route, options: { replace?: boolean; search?: string } = {}) => {
    const path = routePath(to);
    const search = options.search ?? '';
    if (options.replace) window.history.replaceState(null, '', path + search);
    else window.history.pushState(null, '', path + search);
    setLocation({ path, search });
    window.scrollTo(0, 0);
  }, []);
  const value = useMemo(
    () => ({ route: matchRoute(location.path), search: new URLSearchParams(location.search), navigate }),
    [location, navigate],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** An anchor that navigates without reloading; opens normally with modifier keys. */
export function Link({ to, children, className }: { to: Route; children: ReactNode; className?: string }) {
  const { navigate } = useRouter();
  return (
    <a
      href={routePath(to)}
      className={className}
      onClick={(event) => {
        if (
          event.defaultPrevented ||
          event.button !== 0 ||
          event.metaKey ||
          event.ctrlKey ||
          event.shiftKey ||
          event.altKey
        )
          return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
