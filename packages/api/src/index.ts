export { createApi } from './create-api';
export { apiRoutes } from './routes/all-routes';
export { buildOpenApi } from './openapi';
export { errorStatus, ApiFailure, type ApiErrorCode, type ApiErrorBody } from './api-error';
export {
  defaultLimits,
  type ApiDeps,
  type ApplyCommand,
  type PasswordHasher,
  type Exporter,
  type Limits,
} from './deps';
export { createArgon2Hasher, type Argon2Options } from './auth/argon2-hasher';
export { journeyTemplates } from './journeys/templates';
export { API_TOKEN_PREFIX } from './auth/secrets';
export { readSsoEnvironment, type SsoEnvironment, type SsoEnvironmentError } from './sso/sso-config';
export type { RouteSpec, Access } from './route-spec';
export type { JobView, JobState } from './routes/dataset-jobs';
export { createTestApi, clientWith, type TestApi, type Client } from './testing/test-api';
export { fillDisk, freeBytesAt, mountSmallDisk, unmountSmallDisk } from './testing/small-disk';
export { createLiveHub, type LiveBus, type LiveHub } from './live/live-hub';
export { createLiveEndpoint, type LiveEndpoint } from './live/live-endpoint';
export {
  liveCloseCodes,
  type AppliedMessage,
  type ClientMessage,
  type LiveFocus,
  type Participant,
  type ServerMessage,
  type LiveServerMessage,
  type WorkshopMessage,
} from './live/protocol';
export type {
  FollowView,
  WorkshopAction,
  WorkshopFollow,
  WorkshopState,
  WorkshopTimer,
  WorkshopVoting,
  VoteDot,
  WorkshopGroups,
  WorkshopGroup,
  GroupPlace,
  GroupMerged,
} from './live/workshop';
export { openLiveSocket, type LiveTestSocket } from './testing/live-client';
export { closeEndedGuests } from './guests/guest-live';
export { runRetentionPurge, type PurgeReport } from './retention/retention-purge';
export { defaultRetentionDays, retentionBounds } from './retention/retention-policy';
export {
  backgroundSummariesSettled,
  catchUpSummaries,
  stopBackgroundSummaries,
  summariseOnSave,
} from './library/background-summaries';
