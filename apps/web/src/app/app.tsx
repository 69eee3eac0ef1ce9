import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import { HomePage } from '../pages/home-page';
import { MembersPage } from '../pages/members-page';
import { TokensPage } from '../pages/tokens-page';
import { ChangePasswordPage } from '../account/change-password-page';
import { SetupPage } from '../pages/setup-page';
import { SignInPage } from '../pages/sign-in-page';
import { StartPage } from '../pages/start-page';
import { Link, RouterProvider, useRouter } from './router';
import { matchRoute, type Route } from './routes';
import { prefetchJourney } from '../editor/preload';
import { SessionProvider, useSession } from './session';

const loadEditor = () => import('../editor/editor-page');
const EditorPage = lazy(() => loadEditor().then((m) => ({ default: m.EditorPage })));
// Opened at a map's address: fetch the journey and the editor's code while the session is checked.
const opened = matchRoute(window.location.pathname);
if (opened.page === 'editor') {
  prefetchJourney(opened.ws, opened.id);
  void loadEditor();
}
const DatasetsPage = lazy(() =>
  import('../datasets/datasets-page').then((m) => ({ default: m.DatasetsPage })),
);
const DatasetPage = lazy(() => import('../datasets/dataset-page').then((m) => ({ default: m.DatasetPage })));
const ImprovePage = lazy(() => import('../improve/improve-page').then((m) => ({ default: m.ImprovePage })));
const PresentationPage = lazy(() =>
  import('../views/presentation-view').then((m) => ({ default: m.PresentationPage })),
);
const PrintPage = lazy(() => import('../views/print-view').then((m) => ({ default: m.PrintPage })));
const SharePage = lazy(() => import('../views/share-view').then((m) => ({ default: m.SharePage })));
const JoinPage = lazy(() => import('../guests/join-page').then((m) => ({ default: m.JoinPage })));
const GuestMapPage = lazy(() =>
  import('../guests/guest-map-page').then((m) => ({ default: m.GuestMapPage })),
);

export function App({ api }: { api: ApiClient }) {
  return (
    <RouterProvider>
      <SessionProvider api={api}>
        <Shell />
      </SessionProvider>
    </RouterProvider>
  );
}

const publicPages = new Set<Route['page']>(['sign-in', 'setup', 'share', 'not-found', 'join', 'guest']);
const fullBleed = new Set<Route['page']>(['editor', 'present', 'print', 'share', 'guest']);
/** A guest (decision 0015) sees no way into the workspace: the name is not a link. */
const guestPages = new Set<Route['page']>(['join', 'guest']);

function Shell() {
  const { route, navigate } = useRouter();
  const { session, signOut } = useSession();
  useEffect(() => {
    if (session.status === 'signed-out' && !publicPages.has(route.page)) {
      navigate({ page: session.needsSetup ? 'setup' : 'sign-in' }, { replace: true });
    }
  }, [session, route.page, navigate]);
  const bare = route.page === 'present' || route.page === 'print';
  const ws = 'ws' in route ? route.ws : undefined;
  return (
    <>
      {bare ? null : (
        <>
          <a className="skip-link" href="#main">
            Skip to main content
          </a>
          <header className="app-header">
            {guestPages.has(route.page) ? (
              <span className="app-header__brand">Waymark</span>
            ) : (
              <Link to={ws ? { page: 'home', ws } : { page: 'start' }} className="app-header__brand">
                Waymark
              </Link>
            )}
            {session.status === 'signed-in' ? (
              <nav aria-label="Account" className="app-header__nav">
                <span>{session.me.user.name}</span>
                {session.me.mustChangePassword ? null : (
                  <Link to={{ page: 'account-password' }}>Change your password</Link>
                )}
                <button className="link-button" type="button" onClick={() => void signOut()}>
                  Sign out
                </button>
              </nav>
            ) : null}
          </header>
        </>
      )}
      <main id="main" tabIndex={-1} className={fullBleed.has(route.page) ? 'main main--full' : 'main'}>
        <Suspense fallback={<p role="status">Loading…</p>}>
          {/* Signed in with a one-time password: nothing else until they choose their own. */}
          {session.status === 'signed-in' && session.me.mustChangePassword && route.page !== 'share' ? (
            <ChangePasswordPage forced />
          ) : (
            page(route, session.status)
          )}
        </Suspense>
      </main>
    </>
  );
}

function page(route: Route, status: string): ReactNode {
  if (route.page === 'share') return <SharePage token={route.token} />;
  if (route.page === 'join') return <JoinPage token={route.token} />;
  if (route.page === 'guest') return <GuestMapPage />;
  if (route.page === 'sign-in') return <SignInPage />;
  if (route.page === 'setup') return <SetupPage />;
  if (route.page === 'not-found') return <NotFound />;
  if (status === 'loading') return <p role="status">Loading…</p>;
  if (status === 'unreachable') return <Unreachable />;
  if (status !== 'signed-in') return null;
  if (route.page === 'improve') return <ImprovePage route={route} />;
  if (route.page === 'datasets') return <DatasetsPage ws={route.ws} />;
  if (route.page === 'dataset') return <DatasetPage ws={route.ws} id={route.id} />;
  switch (route.page) {
    case 'start':
      return <StartPage />;
    case 'home':
      return <HomePage ws={route.ws} />;
    case 'members':
      return <MembersPage ws={route.ws} />;
    case 'tokens':
      return <TokensPage ws={route.ws} />;
    case 'account-password':
      return <ChangePasswordPage />;
    case 'editor':
      return <EditorPage ws={route.ws} id={route.id} />;
    case 'present':
      return <PresentationPage ws={route.ws} id={route.id} />;
    case 'print':
      return <PrintPage ws={route.ws} id={route.id} />;
  }
}

function NotFound() {
  return (
    <div className="narrow">
      <h1>Page not found</h1>
      <p>
        If you typed the address, check it is correct. <Link to={{ page: 'start' }}>Go to your journeys</Link>
        .
      </p>
    </div>
  );
}

function Unreachable() {
  const { session, refresh } = useSession();
  return (
    <div className="narrow">
      <h1>Waymark is not responding</h1>
      <p>{session.status === 'unreachable' ? session.message : ''}</p>
      <button className="button" type="button" onClick={() => void refresh()}>
        Try again
      </button>
    </div>
  );
}
