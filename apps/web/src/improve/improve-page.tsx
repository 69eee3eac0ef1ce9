import { Link } from '../app/router';
import type { Route } from '../app/routes';
import { useRole } from '../app/session';
import { useTitle } from '../app/use-title';
import { BusinessCaseView } from './business-case-view';
import { CompareView } from './compare-view';
import { IdeasView } from './ideas-view';
import { IndicatorsView } from './indicators-view';
import { improveViewLabels, improveViews, type ImproveRoute } from './improve-routes';
import { SamplingView } from './sampling-view';
import './improve.css';

export interface ImproveViewProps {
  readonly ws: string;
  readonly id: string;
  readonly canEdit: boolean;
}

/** The Improve pages of a journey: a tab-like list of links (each view has its own address) and the view. */
export function ImprovePage({ route }: { route: ImproveRoute }) {
  const role = useRole(route.ws);
  const canEdit = role === 'owner' || role === 'editor';
  useTitle(`${improveViewLabels[route.view]} – Improve ${route.id}`);
  const props = { ws: route.ws, id: route.id, canEdit };
  return (
    <div className="improve">
      <nav aria-label="Improve" className="improve-nav">
        <Link to={{ page: 'editor', ws: route.ws, id: route.id } as Route}>Back to the journey</Link>
        <ul>
          {improveViews.map((view) => (
            <li key={view}>
              <Link
                to={{ ...route, view } as unknown as Route}
                className={view === route.view ? 'improve-nav__current' : ''}
              >
                <span aria-current={view === route.view ? 'page' : undefined}>{improveViewLabels[view]}</span>
              </Link>
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
