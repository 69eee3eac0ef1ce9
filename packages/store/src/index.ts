export type { Sql, SqlQueryable } from './sql';
export { createPgliteSql, type PgliteSqlOptions } from './pglite-sql';
export { createPgSql, type PgSqlOptions } from './pg-sql';
export { loadMigrations, runMigrations, type Migration } from './migrate';
export type { AccountStore } from './account-store';
export type { JourneyStore, JourneyFilter, NewVersion, VersionTrail } from './journey-store';
export { createSqlAccountStore } from './sql-account-store';
export { createSqlJourneyStore, SNAPSHOT_EVERY } from './sql-journey-store';
export {
  artifactKinds,
  isArtifactKind,
  type ArtifactKey,
  type ArtifactKind,
  type ArtifactWrite,
  type ImprovementStore,
  type ImprovementStoreError,
  type StoredArtifact,
} from './improvement-store';
export { createSqlImprovementStore } from './sql-improvement-store';
export {
  createSqlSurveyStore,
  surveySources,
  type StoredSurvey,
  type StoredSurveyQuestion,
  type StoredSurveyQuote,
  type SurveySourceId,
  type SurveyStore,
  type SurveyStoreError,
  type SurveyWrite,
} from './survey-store';
export {
  createSqlHierarchyStore,
  type ChildLink,
  type HierarchyStore,
  type HierarchyStoreError,
  type StepLink,
} from './hierarchy-store';
export {
  createSqlOpportunityStore,
  opportunityLinkKinds,
  opportunityPriorities,
  opportunityStatuses,
  type Opportunity,
  type OpportunityLink,
  type OpportunityLinkKind,
  type OpportunityMatch,
  type OpportunityPriority,
  type OpportunitySearchHit,
  type OpportunitySearchQuery,
  type OpportunityStatus,
  type OpportunityStore,
  type OpportunityStoreError,
} from './opportunity-store';
export type { LinkChange, LinkChangeBy, LinkChangeKind } from './link-history';
export {
  GUESTS_CHANNEL,
  guestRoles,
  type Guest,
  type GuestLink,
  type GuestRole,
  type GuestSession,
  type GuestState,
  type GuestStore,
  type GuestStoreError,
} from './guest-store';
export { createSqlGuestStore } from './sql-guest-store';
export {
  createSqlWorkshopStore,
  WORKSHOP_CHANNEL,
  type StoredWorkshop,
  type WorkshopStore,
  type WorkshopWrite,
} from './workshop-store';
export * from './dataset-exports';
export type * from './scim-store';
export { createSqlScimStore } from './sql-scim-store';
export {
  retentionPeriods,
  type PurgeCounts,
  type RetentionCutoffs,
  type RetentionDays,
  type RetentionPeriod,
  type RetentionStore,
  type RetentionStoreError,
  type StoredRetention,
  type WorkspaceDeletion,
} from './retention-store';
export { createSqlRetentionStore } from './sql-retention-store';
export type { NewTemplate, Provenance, StoredTemplate, TemplateStore } from './template-store';
export { createSqlTemplateStore } from './sql-template-store';
export * from './library-store';
export {
  createSqlSsoStore,
  SSO_SETTINGS_KEY,
  type SavedSso,
  type SsoInvitation,
  type SsoLogin,
  type SsoSecret,
  type SsoStore,
  type SsoStoreOptions,
} from './sso-store';
export { openSecret, sealSecret, SecretUnreadable } from './secret-box';
export { createStores, openStores, type Stores, type StoreLocation } from './open-store';
export { createTestStores, pgliteTemplate } from './test-database';
export {
  roles,
  hasRole,
  minRole,
  versionKinds,
  tokenScopes,
  defaultTokenScopes,
  userLocales,
  type UserLocale,
  type TokenScope,
  type Role,
  type UserId,
  type WorkspaceId,
  type TokenId,
  type CommentId,
  type ShareId,
  type Instant,
  type User,
  type UserRef,
  type PasswordAccount,
  type SessionRecord,
  type Workspace,
  type WorkspaceOfUser,
  type Member,
  type ApiToken,
  type AuditEvent,
  type AuditEventInput,
  type JourneySummary,
  type AuditFilter,
  type AuditRecord,
  type SessionSummary,
  type WorkspaceSummary,
  type StoredJourney,
  type VersionKind,
  type JourneyVersion,
  type Comment,
  type ShareLink,
  type StoreError,
  type StoreErrorCode,
} from './records';
export { sampleJourney, retitled } from './sample-journey';
export { createCachedAccountStore, createCachedJourneyStore } from './cached-stores';
export type {
  CostDefault,
  CostModelStore,
  CostModelStoreError,
  StoredCostModel,
  StoredDeflator,
} from './cost-model-store';
export { createSqlCostModelStore } from './sql-cost-model-store';
