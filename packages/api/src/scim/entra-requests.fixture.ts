/**
 * Requests as Microsoft Entra ID sends them, in the shapes Microsoft documents in "Tutorial: Develop and plan
 * provisioning for a SCIM endpoint in Microsoft Entra ID" (learn.microsoft.com, entra/identity/app-provisioning/
 * use-scim-to-provision-users-and-groups, "User Operations" and "Group Operations"): names, casing ("Replace",
 * "Add"), the `$ref: null` of members and the stringly "False" of older tenants kept as they are there.
 */
export const entra = {
  createUser: {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:User',
      'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
    ],
    externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
    userName: 'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1',
    active: true,
    emails: [
      {
        primary: true,
        type: 'work',
        value: 'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com',
      },
    ],
    meta: { resourceType: 'User' },
    name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
    roles: [],
  },
  /** GET /Users?filter=userName eq "…" */
  filterByUserName: (userName: string) => `userName eq "${userName}"`,
  filterByExternalId: (externalId: string) => `externalId eq "${externalId}"`,
  updateUserMultiValued: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'emails[type eq "work"].value', value: 'updatedEmail@microsoft.com' },
      { op: 'Replace', path: 'name.familyName', value: 'updatedFamilyName' },
    ],
  },
  updateUserSingleValued: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'userName', value: '5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com' },
    ],
  },
  /** With the aadOptscim062020 behaviour: a boolean. */
  disableUser: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: false }],
  },
  /** Older tenants: a capitalised string. */
  disableUserLegacy: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
  },
  /** Replace without a path: the attributes in a value object. */
  replaceWithoutPath: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'replace',
        value: {
          active: true,
          displayName: 'Alex Wilber',
          'name.givenName': 'Alex',
          'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department': 'Retail',
        },
      },
    ],
  },
  addEnterpriseAttribute: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      {
        op: 'Add',
        path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber',
        value: '701984',
      },
      { op: 'Add', path: 'title', value: 'Social worker' },
    ],
  },
  createGroup: {
    schemas: [
      'urn:ietf:params:scim:schemas:core:2.0:Group',
      'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/Group',
    ],
    externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
    displayName: 'displayName',
    meta: { resourceType: 'Group' },
  },
  /** GET /Groups?excludedAttributes=members&filter=displayName eq "displayName" */
  filterGroupByDisplayName: 'displayName eq "displayName"',
  filterGroupMember: (groupId: string, userId: string) => `id eq "${groupId}" and members eq "${userId}"`,
  updateGroupDisplayName: {
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [
      { op: 'Replace', path: 'displayName', value: '1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName' },
    ],
  },
  addMember: (userId: string) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Add', path: 'members', value: [{ $ref: null, value: userId }] }],
  }),
  removeMember: (userId: string) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Remove', path: 'members', value: [{ $ref: null, value: userId }] }],
  }),
  removeMemberByPath: (userId: string) => ({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'Remove', path: `members[value eq "${userId}"]` }],
  }),
};
