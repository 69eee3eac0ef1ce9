import {
  improveRoutePath,
  isImproveRoute,
  matchImproveRoute,
  type ImproveRoute,
} from '../improve/improve-routes';
import {
  datasetsRoutePath,
  isDatasetsRoute,
  matchDatasetsRoute,
  type DatasetsRoute,
} from '../datasets/datasets-routes';
import { isLegalRoute, legalRoutePath, matchLegalRoute, type LegalRoute } from '../legal/legal-routes';
import {
  isProvisioningRoute,
  matchProvisioningRoute,
  provisioningRoutePath,
  type ProvisioningRoute,
} from '../scim/provisioning-routes';
import {
  isSsoAdminRoute,
  matchSsoAdminRoute,
  ssoAdminRoutePath,
  type SsoAdminRoute,
} from '../sso-admin/sso-admin-routes';
import { adminRoutePath, isAdminRoute, matchAdminRoute, type AdminRoute } from '../admin/admin-routes';
import { costsRoutePath, isCostsRoute, matchCostsRoute, type CostsRoute } from '../costs/costs-routes';
import {
  isLibraryRoute,
  libraryRoutePath,
  matchLibraryRoute,
  type LibraryRoute,
} from '../library/library-routes';
import {
  hierarchyRoutePath,
  isHierarchyRoute,
  matchHierarchyRoute,
  type HierarchyRoute,
} from '../hierarchy/hierarchy-routes';
import {
  isTemplatesRoute,
  matchTemplatesRoute,
  templatesRoutePath,
  type TemplatesRoute,
} from '../templates/template-routes';

import {
  isSurveysRoute,
  matchSurveysRoute,
  surveysRoutePath,
  type SurveysRoute,
} from '../surveys/survey-routes';
/** Every page of the app as a value; `matchRoute` and `routePath` are inverses. */
export type Route =
  | { readonly page: 'start' }
  | { readonly page: 'sign-in' }
  | { readonly page: 'setup' }
  | { readonly page: 'account-password' }
  | { readonly page: 'home'; readonly ws: string }
  | { readonly page: 'members'; readonly ws: string }
  | { readonly page: 'tokens'; readonly ws: string }
  /** Retention periods, export and deletion of a workspace (issue 12 item 4). */
  | { readonly page: 'retention'; readonly ws: string }
  | { readonly page: 'editor'; readonly ws: string; readonly id: string }
  | { readonly page: 'present'; readonly ws: string; readonly id: string }
  | { readonly page: 'print'; readonly ws: string; readonly id: string }
  | { readonly page: 'share'; readonly token: string }
  /** A workshop link (decision 0015), and the map of the guest who joined by it. */
  | { readonly page: 'join'; readonly token: string }
  | { readonly page: 'guest' }
  | ImproveRoute
  | DatasetsRoute
  | LegalRoute
  | ProvisioningRoute
  | SsoAdminRoute
  | AdminRoute
  | CostsRoute
  | SurveysRoute
  | LibraryRoute
  | HierarchyRoute
  | TemplatesRoute
  | { readonly page: 'not-found'; readonly path: string };

const seg = (s: string) => encodeURIComponent(s);

export function routePath(route: Route): string {
  if (isImproveRoute(route)) return improveRoutePath(route);
  if (isDatasetsRoute(route)) return datasetsRoutePath(route);
  if (isLegalRoute(route)) return legalRoutePath(route);
  if (isProvisioningRoute(route)) return provisioningRoutePath();
  if (isSsoAdminRoute(route)) return ssoAdminRoutePath(route);
  if (isAdminRoute(route)) return adminRoutePath(route);
  if (isCostsRoute(route)) return costsRoutePath(route);
  if (isSurveysRoute(route)) return surveysRoutePath(route);
  if (isLibraryRoute(route)) return libraryRoutePath(route);
  if (isHierarchyRoute(route)) return hierarchyRoutePath(route);
  if (isTemplatesRoute(route)) return templatesRoutePath(route);
  switch (route.page) {
    case 'start':
      return '/';
    case 'sign-in':
      return '/sign-in';
    case 'setup':
      return '/setup';
    case 'account-password':
      return '/account/password';
    case 'home':
      return `/w/${seg(route.ws)}`;
    case 'members':
      return `/w/${seg(route.ws)}/members`;
    case 'tokens':
      return `/w/${seg(route.ws)}/tokens`;
    case 'retention':
      return `/w/${seg(route.ws)}/retention`;
    case 'editor':
      return `/w/${seg(route.ws)}/j/${seg(route.id)}`;
    case 'present':
      return `/w/${seg(route.ws)}/j/${seg(route.id)}/present`;
    case 'print':
      return `/w/${seg(route.ws)}/j/${seg(route.id)}/print`;
    case 'share':
      return `/share/${seg(route.token)}`;
    case 'join':
      return `/join/${seg(route.token)}`;
    case 'guest':
      return '/guest';
    case 'not-found':
      return route.path;
  }
}

export function matchRoute(pathname: string): Route {
  const parts = pathname
    .split('/')
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [a, b, c, d, e] = parts;
  if (parts.length === 0) return { page: 'start' };
  if (parts.length === 1 && a === 'sign-in') return { page: 'sign-in' };
  if (parts.length === 1 && a === 'setup') return { page: 'setup' };
  if (parts.length === 2 && a === 'account' && b === 'password') return { page: 'account-password' };
  if (parts.length === 2 && a === 'share' && b) return { page: 'share', token: b };
  if (parts.length === 2 && a === 'join' && b) return { page: 'join', token: b };
  if (parts.length === 1 && a === 'guest') return { page: 'guest' };
  if (a === 'w' && b) {
    if (parts.length === 2) return { page: 'home', ws: b };
    if (parts.length === 3 && c === 'members') return { page: 'members', ws: b };
    if (parts.length === 3 && c === 'tokens') return { page: 'tokens', ws: b };
    if (parts.length === 3 && c === 'retention') return { page: 'retention', ws: b };
    if (c === 'j' && d) {
      if (parts.length === 4) return { page: 'editor', ws: b, id: d };
      if (parts.length === 5 && e === 'present') return { page: 'present', ws: b, id: d };
      if (parts.length === 5 && e === 'print') return { page: 'print', ws: b, id: d };
    }
  }
  const surveys = matchSurveysRoute(parts);
  if (surveys) return surveys;
  const improve = matchImproveRoute(parts);
  if (improve) return improve;
  const datasets = matchDatasetsRoute(parts);
  if (datasets) return datasets;
  const legal = matchLegalRoute(parts);
  if (legal) return legal;
  const provisioning = matchProvisioningRoute(parts);
  if (provisioning) return provisioning;
  const ssoAdmin = matchSsoAdminRoute(parts);
  if (ssoAdmin) return ssoAdmin;
  const admin = matchAdminRoute(parts);
  if (admin) return admin;
  const costs = matchCostsRoute(parts);
  if (costs) return costs;
  const library = matchLibraryRoute(parts);
  if (library) return library;
  const hierarchy = matchHierarchyRoute(parts);
  if (hierarchy) return hierarchy;
  const templates = matchTemplatesRoute(parts);
  if (templates) return templates;
  return { page: 'not-found', path: pathname };
}
