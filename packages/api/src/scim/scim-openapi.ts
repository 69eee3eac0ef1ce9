import { SCIM_BASE } from './scim-app';

const scimSecurity = [{ scimToken: [] }];
const scimError = {
  description:
    'A SCIM error (RFC 7644 §3.12): {schemas: [urn:ietf:params:scim:api:messages:2.0:Error], status, scimType?, detail}',
  content: { 'application/scim+json': {} },
};
const ok = (status: string, description: string) => ({
  [status]: { description, content: status === '204' ? undefined : { 'application/scim+json': {} } },
});

type Op = readonly [method: string, path: string, summary: string, status: string, answer: string];
const operations: readonly Op[] = [
  [
    'get',
    '/ServiceProviderConfig',
    'What this SCIM service supports (PATCH, filter; no bulk, sort, ETags)',
    '200',
    'the configuration',
  ],
  ['get', '/ResourceTypes', 'The resource types: User and Group', '200', 'a ListResponse'],
  ['get', '/ResourceTypes/{id}', 'One resource type', '200', 'the resource type'],
  ['get', '/Schemas', 'The User and Group schemas as Waymark keeps them', '200', 'a ListResponse'],
  ['get', '/Schemas/{id}', 'One schema, by its URN', '200', 'the schema'],
  [
    'get',
    '/Users',
    'Provisioned people; filter `userName eq "…"`, `externalId eq "…"`; startIndex, count',
    '200',
    'a ListResponse of Users',
  ],
  ['post', '/Users', 'Provision a person (an account with the same email is adopted)', '201', 'the User'],
  ['get', '/Users/{id}', 'One provisioned person', '200', 'the User'],
  ['put', '/Users/{id}', 'Replace a person’s attributes', '200', 'the User'],
  [
    'patch',
    '/Users/{id}',
    'PatchOp Operations; `active` false suspends at once (sessions and API tokens stop)',
    '200',
    'the User',
  ],
  [
    'delete',
    '/Users/{id}',
    'Deprovision: the account is suspended and leaves its groups’ workspaces',
    '204',
    'deprovisioned',
  ],
  [
    'get',
    '/Groups',
    'Provisioned groups; filter `displayName eq "…"`, `id eq "…" and members eq "…"`; excludedAttributes=members',
    '200',
    'a ListResponse of Groups',
  ],
  ['post', '/Groups', 'Provision a group', '201', 'the Group'],
  ['get', '/Groups/{id}', 'One group', '200', 'the Group'],
  ['put', '/Groups/{id}', 'Replace a group’s name and members', '200', 'the Group'],
  [
    'patch',
    '/Groups/{id}',
    'PatchOp Operations: add or remove members (`members[value eq "…"]`), replace displayName',
    '204',
    'changed',
  ],
  ['delete', '/Groups/{id}', 'Delete a group; the workspace roles it gave end', '204', 'deleted'],
];

/**
 * Adds `/scim/v2` to the OpenAPI document. It is not in the route table (its own token, SCIM's own errors:
 * decision 0026), so it is described here, next to the app that serves it.
 */
export function withScimPaths(doc: Record<string, unknown>): Record<string, unknown> {
  const paths = { ...(doc.paths as Record<string, Record<string, unknown>>) };
  for (const [method, path, summary, status, answer] of operations) {
    const full = `${SCIM_BASE}${path}`;
    paths[full] = {
      ...paths[full],
      [method]: {
        summary,
        description:
          'SCIM 2.0 for the organisation’s directory (Microsoft Entra ID). Only the provisioning token (Authorization: Bearer wmscim_…); a session or an API token gets 401.',
        tags: ['SCIM provisioning'],
        operationId: `scim${method[0]!.toUpperCase()}${method.slice(1)}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
        parameters: [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
          name: m[1],
          in: 'path',
          required: true,
          schema: { type: 'string' },
        })),
        security: scimSecurity,
        ...(['post', 'put', 'patch'].includes(method)
          ? {
              requestBody: {
                required: true,
                content: { 'application/scim+json': { schema: { type: 'object' } } },
              },
            }
          : {}),
        responses: {
          ...ok(status, answer),
          '400': scimError,
          '401': scimError,
          '404': scimError,
          '409': scimError,
        },
      },
    };
  }
  const components = doc.components as { securitySchemes: Record<string, unknown> } & Record<string, unknown>;
  return {
    ...doc,
    paths,
    components: {
      ...components,
      securitySchemes: {
        ...components.securitySchemes,
        scimToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The instance’s provisioning token, wmscim_…',
        },
      },
    },
  };
}

/** Every SCIM route as `method /scim/v2/path` (OpenAPI style), for the tests that hold the document to the routes. */
export const scimRouteKeys: readonly string[] = operations.map(
  ([method, path]) => `${method} ${SCIM_BASE}${path}`,
);
