import type { ReactNode } from 'react';
import { Link, useRouter } from '../app/router';
import { routePath, type Route } from '../app/routes';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { BusinessCaseView } from './business-case-view';
import { CompareView } from './compare-view';
import { IdeasView } from './ideas-view';
import { IndicatorsView } from './indicators-view';
import { improveViewLabels, improveViews, type ImproveRoute } from './improve-routes';
import { SamplingView } from './sampling-view';
import './improve.css';
import { t } from '../i18n';

export interface ImproveViewProps {
  readonly ws: string;
  readonly id: string;
  readonly canEdit: boolean;
}

/** The Improve pages of a journey: a tab-like list of links (each view has its own address) and the view. */
export function ImprovePage({ route }: { route: ImproveRoute }) {
  const role = useRole(route.ws);
  const canEdit = role === 'owner' || role === 'editor';
  useTitle(t('improve.page.title', { view: improveViewLabels[route.view](), id: route.id }));
  const props = { ws: route.ws, id: route.id, canEdit };
  return (
    <div className="improve">
      <nav aria-label={t('improve.page.nav')} className="improve-nav">
        <Link to={{ page: 'editor', ws: route.ws, id: route.id }}>{t('improve.page.back')}</Link>
        <ul>
          {improveViews.map((view) => (
            <li key={view}>
              <CurrentLink to={{ ...route, view }} current={view === route.view}>
                {improveViewLabels[view]()}
              </CurrentLink>
            </li>
          ))}
        </ul>
      </nav>
      {route.view === 'compare' ? <CompareView {...props} /> : null}
      {route.view === 'ideas' ? <IdeasView {...props} /> : null}
      {route.view === 'business-case' ? <BusinessCaseView {...props} /> : null}
      {route.view === 'indicators' ? <IndicatorsView {...props} /> : null}
      {route.view === 'sampling' ? <SamplingView {...props} /> : null}
    </div>
  );
}

/** A link that marks the page it leads to as current (aria-current and a bar, not colour alone). */
function CurrentLink({ to, current, children }: { to: Route; current: boolean; children: ReactNode }) {
  const { navigate } = useRouter();
  return (
    <a
      href={routePath(to)}
      aria-current={current ? 'page' : undefined}
      className={current ? 'improve-nav__current' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
