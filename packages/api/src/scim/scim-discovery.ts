import { schemas } from './scim-protocol';

/** RFC 7643 §5: what this service provider supports; Entra ID reads it when the connection is tested. */
export const serviceProviderConfig = (base: string) => ({
  schemas: [schemas.serviceProviderConfig],
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 200 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    {
      type: 'oauthbearertoken',
      name: 'Bearer token',
      description: 'The provisioning token an instance administrator makes in Waymark (wmscim_…)',
      primary: true,
    },
  ],
  meta: { resourceType: 'ServiceProviderConfig', location: `${base}/ServiceProviderConfig` },
});

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

const userSchema = {
  id: schemas.user,
  name: 'User',
  description: 'A person who may sign in to Waymark',
  attributes: [
    attribute('userName', 'string', { required: true, uniqueness: 'server' }),
    attribute('name', 'complex', {
      subAttributes: [attribute('givenName', 'string'), attribute('familyName', 'string')],
    }),
    attribute('displayName', 'string'),
    attribute('emails', 'complex', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string'),
        attribute('type', 'string'),
        attribute('primary', 'boolean'),
      ],
    }),
    attribute('active', 'boolean'),
  ],
};
const groupSchema = {
  id: schemas.group,
  name: 'Group',
  description: 'A group of people; an instance administrator maps it to roles in workspaces',
  attributes: [
    attribute('displayName', 'string', { required: true }),
    attribute('members', 'complex', {
      multiValued: true,
      subAttributes: [
        attribute('value', 'string', { mutability: 'immutable' }),
        attribute('display', 'string'),
      ],
    }),
  ],
};

export const schemaResources = (base: string) =>
  [userSchema, groupSchema].map((s) => ({
    schemas: [schemas.schema],
    ...s,
    meta: { resourceType: 'Schema', location: `${base}/Schemas/${s.id}` },
  }));

export const resourceTypes = (base: string) => [
  {
    schemas: [schemas.resourceType],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    schema: schemas.user,
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/User` },
  },
  {
    schemas: [schemas.resourceType],
    id: 'Group',
    name: 'Group',
    endpoint: '/Groups',
    schema: schemas.group,
    meta: { resourceType: 'ResourceType', location: `${base}/ResourceTypes/Group` },
  },
];
