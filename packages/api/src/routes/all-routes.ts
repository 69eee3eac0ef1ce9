import type { Limits } from '../deps';
import { renderApiDocs } from '../api-docs-page';
import { buildOpenApi } from '../openapi';
import { withScimPaths } from '../scim/scim-openapi';
import { route, type RouteSpec } from '../route-spec';
import { adminRoutes } from '../admin/admin-routes';
import { authRoutes } from './auth-routes';
import { commentRoutes } from './comment-routes';
import { datasetRoutes } from './dataset-routes';
import { fileRoutes } from './file-routes';
import { guestRoutes } from '../guests/guest-routes';
import { groupRoutes } from './group-routes';
import { improvementRoutes } from './improvement';
import { hierarchyRoutes } from '../hierarchy/hierarchy-routes';
import { opportunityRoutes } from '../hierarchy/opportunity-routes';
import { journeyRoutes } from './journey-routes';
import { libraryRoutes } from '../library/library-routes';
import { legalRoutes } from '../legal/legal-routes';
import { posterRoutes } from './poster-export';
import { retentionRoutes } from '../retention/retention-routes';
import { surveyRoutes } from '../surveys/survey-routes';
import { costRoutes } from '../costs/cost-routes';
import { templateRoutes } from '../templates/template-routes';
import { scimAdminRoutes } from '../scim/scim-admin-routes';
import { shareRoutes } from './share-routes';
import { ssoRoutes } from '../sso/sso-routes';
import { peopleRoutes } from '../people/people-routes';
import { tokenRoutes } from './token-routes';
import { versionRoutes } from './version-routes';
import { workspaceRoutes } from './workspace-routes';

/** Every route of the API, in one list: the router, the OpenAPI document and the authorisation test read it. */
export function apiRoutes(limits: Limits): RouteSpec[] {
  const resources = [
    ...authRoutes(limits),
    ...workspaceRoutes(),
    ...journeyRoutes(),
    ...versionRoutes(),
    ...groupRoutes(),
    ...fileRoutes(),
    ...posterRoutes(),
    ...commentRoutes(),
    ...shareRoutes(),
    ...guestRoutes(),
    ...tokenRoutes(),
    ...improvementRoutes(),
    ...hierarchyRoutes(),
    ...opportunityRoutes(),
    ...datasetRoutes(),
    ...legalRoutes(),
    ...retentionRoutes(),
    ...surveyRoutes(),
    ...costRoutes(),
    ...libraryRoutes(),
    ...templateRoutes(),
    ...scimAdminRoutes(),
    ...adminRoutes(),
    ...ssoRoutes(limits),
    ...peopleRoutes(),
  ];
  const system: RouteSpec[] = [
    route({
      method: 'get',
      path: '/api/health',
      tag: 'System',
      summary: 'Is the server up, and on which database',
      access: 'public',
      success: { description: "{status:'ok', database:'pglite'|'postgres', version}" },
      handle: ({ c, deps }) => c.json({ status: 'ok', database: deps.database, version: deps.version }),
    }),
    route({
      method: 'get',
      path: '/api/openapi.json',
      tag: 'System',
      summary: 'This API described as OpenAPI 3.1',
      access: 'public',
      success: { description: 'the OpenAPI document' },
      handle: ({ c, deps }) => c.json(withScimPaths(buildOpenApi(all, deps.version))),
    }),
    route({
      method: 'get',
      path: '/api/docs',
      tag: 'System',
      summary: 'A browsable page of this API',
      access: 'public',
      success: { description: 'an HTML page', mediaType: 'text/html' },
      handle: ({ c, deps }) => c.html(renderApiDocs(withScimPaths(buildOpenApi(all, deps.version)))),
    }),
  ];
  const all = [...system, ...resources];
  return all;
}
