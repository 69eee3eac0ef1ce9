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
import { LanguageChoice } from './language';
import { t, tRich } from '../i18n';
import { LegalFooter } from '../legal/legal-footer';
import { HeaderSearch } from '../library/header-search';

// i18n-exempt: the product's name, the same in every language
const productName = 'Waymark';

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
const AccessibilityStatementPage = lazy(() =>
  import('../legal/accessibility-statement-page').then((m) => ({ default: m.AccessibilityStatementPage })),
);
const PrivacyNoticePage = lazy(() =>
  import('../legal/privacy-notice-page').then((m) => ({ default: m.PrivacyNoticePage })),
);
const ProvisioningPage = lazy(() =>
  import('../scim/provisioning-page').then((m) => ({ default: m.ProvisioningPage })),
);
const SsoAdminPage = lazy(() =>
  import('../sso-admin/sso-admin-page').then((m) => ({ default: m.SsoAdminPage })),
);
const PeoplePage = lazy(() => import('../sso-admin/people-page').then((m) => ({ default: m.PeoplePage })));
const LegalAdminPage = lazy(() =>
  import('../legal/legal-admin-page').then((m) => ({ default: m.LegalAdminPage })),
);
const RetentionPage = lazy(() =>
  import('../retention/retention-page').then((m) => ({ default: m.RetentionPage })),
);
const CostsPage = lazy(() => import('../costs/costs-page').then((m) => ({ default: m.CostsPage })));
const SurveyImportPage = lazy(() =>
  import('../surveys/survey-import-page').then((m) => ({ default: m.SurveyImportPage })),
);
const WorkspacesAdminPage = lazy(() =>
  import('../admin/workspaces-admin-page').then((m) => ({ default: m.WorkspacesAdminPage })),
);
const AuditPage = lazy(() => import('../admin/audit-page').then((m) => ({ default: m.AuditPage })));
const SessionsPage = lazy(() => import('../admin/sessions-page').then((m) => ({ default: m.SessionsPage })));
const TreePage = lazy(() => import('../hierarchy/tree-page').then((m) => ({ default: m.TreePage })));
const OpportunitiesPage = lazy(() =>
  import('../hierarchy/opportunities-page').then((m) => ({ default: m.OpportunitiesPage })),
);
const OpportunityPage = lazy(() =>
  import('../hierarchy/opportunity-page').then((m) => ({ default: m.OpportunityPage })),
);
const TemplatesPage = lazy(() =>
  import('../templates/templates-page').then((m) => ({ default: m.TemplatesPage })),
);
const PortfolioPage = lazy(() =>
  import('../library/portfolio-page').then((m) => ({ default: m.PortfolioPage })),
);
const SearchPage = lazy(() => import('../library/search-page').then((m) => ({ default: m.SearchPage })));
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

const publicPages = new Set<Route['page']>([
  'sign-in',
  'setup',
  'share',
  'not-found',
  'join',
  'guest',
  // The legal pages (issue 12, item 5): anyone may read them, like the sign-in page.
  'accessibility',
  'privacy',
]);
const fullBleed = new Set<Route['page']>(['editor', 'present', 'print', 'share', 'guest']);
/** A guest (decision 0015) sees no way into the workspace: the name is not a link. */
const guestPages = new Set<Route['page']>(['join', 'guest']);

function Shell() {
  const { route, navigate } = useRouter();
  const { api, session, signOut } = useSession();
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
            {t('app.skipToMain')}
          </a>
          <header className="app-header">
            {guestPages.has(route.page) ? (
              <span className="app-header__brand">{productName}</span>
            ) : (
              <Link to={ws ? { page: 'home', ws } : { page: 'start' }} className="app-header__brand">
                {productName}
              </Link>
            )}
            <div className="app-header__tools">
              {session.status === 'signed-in' &&
              !session.me.mustChangePassword &&
              !guestPages.has(route.page) ? (
                <HeaderSearch />
              ) : null}
              {session.status === 'signed-in' ? (
                <nav aria-label={t('app.accountNav')} className="app-header__nav">
                  <span>{session.me.user.name}</span>
                  {session.me.mustChangePassword ? null : (
                    <Link to={{ page: 'account-password' }}>{t('app.changePassword')}</Link>
                  )}
                  {session.me.mustChangePassword ? null : (
                    <Link to={{ page: 'sessions' }}>{t('admin.nav.sessions')}</Link>
                  )}
                  {session.me.instanceAdmin && !session.me.mustChangePassword ? (
                    <Link to={{ page: 'admin-workspaces' }}>{t('admin.nav.workspaces')}</Link>
                  ) : null}
                  {session.me.instanceAdmin && !session.me.mustChangePassword ? (
                    <Link to={{ page: 'sso-admin' }}>{t('ssoAdmin.nav')}</Link>
                  ) : null}
                  {session.me.instanceAdmin && !session.me.mustChangePassword ? (
                    <Link to={{ page: 'admin-people' }}>{t('ssoAdmin.people.nav')}</Link>
                  ) : null}
                  {session.me.instanceAdmin && !session.me.mustChangePassword ? (
                    <Link to={{ page: 'admin-portfolio' }}>{t('library.portfolio.adminLink')}</Link>
                  ) : null}
                  <button className="link-button" type="button" onClick={() => void signOut()}>
                    {t('app.signOut')}
                  </button>
                </nav>
              ) : null}
              {/* A guest has no account: their choice stays in this browser (decision 0015). */}
              <LanguageChoice
                api={session.status === 'signed-in' && !guestPages.has(route.page) ? api : null}
                asking={session.status === 'loading'}
              />
            </div>
          </header>
        </>
      )}
      <main id="main" tabIndex={-1} className={fullBleed.has(route.page) ? 'main main--full' : 'main'}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {/* Signed in with a one-time password: nothing else until they choose their own. */}
          {session.status === 'signed-in' && session.me.mustChangePassword && route.page !== 'share' ? (
            <ChangePasswordPage forced />
          ) : (
            page(route, session.status)
          )}
        </Suspense>
      </main>
      {bare ? null : <LegalFooter />}
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
  if (route.page === 'accessibility') return <AccessibilityStatementPage />;
  if (route.page === 'privacy') return <PrivacyNoticePage />;
  if (status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (status === 'unreachable') return <Unreachable />;
  if (status !== 'signed-in') return null;
  if (route.page === 'improve') return <ImprovePage route={route} />;
  if (route.page === 'datasets') return <DatasetsPage ws={route.ws} />;
  if (route.page === 'dataset') return <DatasetPage ws={route.ws} id={route.id} />;
  if (route.page === 'legal-admin') return <LegalAdminPage />;
  if (route.page === 'provisioning') return <ProvisioningPage />;
  if (route.page === 'sso-admin') return <SsoAdminPage />;
  if (route.page === 'admin-people') return <PeoplePage />;
  if (route.page === 'admin-workspaces') return <WorkspacesAdminPage />;
  if (route.page === 'audit') return <AuditPage ws={route.ws} />;
  if (route.page === 'sessions') return <SessionsPage />;
  if (route.page === 'retention') return <RetentionPage ws={route.ws} />;
  if (route.page === 'costs') return <CostsPage ws={route.ws} />;
  if (route.page === 'surveys') return <SurveyImportPage ws={route.ws} id={route.id} />;
  if (route.page === 'portfolio') return <PortfolioPage ws={route.ws} />;
  if (route.page === 'admin-portfolio') return <PortfolioPage ws={null} />;
  if (route.page === 'search') return <SearchPage key={window.location.search} />;
  if (route.page === 'tree') return <TreePage ws={route.ws} />;
  if (route.page === 'opportunities') return <OpportunitiesPage ws={route.ws} />;
  if (route.page === 'opportunity') return <OpportunityPage ws={route.ws} id={route.id} />;
  if (route.page === 'templates') return <TemplatesPage ws={route.ws} />;
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
      <h1>{t('app.notFound.heading')}</h1>
      <p>
        {tRich('app.notFound.body', {
          link: (chunks) => <Link to={{ page: 'start' }}>{chunks}</Link>,
        })}
      </p>
    </div>
  );
}

function Unreachable() {
  const { session, refresh } = useSession();
  return (
    <div className="narrow">
      <h1>{t('app.unreachable.heading')}</h1>
      <p>{session.status === 'unreachable' ? session.message : ''}</p>
      <button className="button" type="button" onClick={() => void refresh()}>
        {t('common.tryAgain')}
      </button>
    </div>
  );
}
