/**
 * Every error the API answers with, and its HTTP status, in one table. Handlers throw `ApiFailure` with a code
 * from here (or a reducer's code with an explicit 422); the single `onError` turns it into
 * `{"error":{"code","message","path"}}`.
 */
export const errorStatus = {
  invalid_json: 400,
  invalid_request: 400,
  unsupported_format: 400,
  invalid_log: 400,
  unauthenticated: 401,
  guest_removed: 401,
  invalid_credentials: 401,
  invalid_token: 401,
  password_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  insufficient_scope: 403,
  password_change_required: 403,
  account_suspended: 403,
  password_sign_in_off: 403,
  reset_not_allowed: 403,
  not_found: 404,
  workspace_not_found: 404,
  journey_not_found: 404,
  member_not_found: 404,
  comment_not_found: 404,
  share_not_found: 404,
  token_not_found: 404,
  session_not_found: 404,
  version_not_found: 404,
  upload_not_found: 404,
  job_not_found: 404,
  guest_link_not_found: 404,
  guest_not_found: 404,
  step_not_found: 404,
  link_not_found: 404,
  opportunity_not_found: 404,
  survey_not_found: 404,
  template_not_found: 404,
  setup_done: 409,
  email_taken: 409,
  already_member: 409,
  last_owner: 409,
  last_instance_admin: 409,
  journey_exists: 409,
  journey_not_deleted: 409,
  version_conflict: 409,
  import_running: 409,
  job_finished: 409,
  already_signed_in: 409,
  already_has_parent: 409,
  step_has_child: 409,
  hierarchy_cycle: 409,
  link_exists: 409,
  undelete_expired: 410,
  guest_link_ended: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_journey: 422,
  target_not_found: 422,
  mention_not_member: 422,
  command_refused: 422,
  weak_password: 422,
  wrong_password: 422,
  invalid_text: 422,
  survey_unreadable: 422,
  survey_invalid: 422,
  same_journey: 422,
  owner_not_member: 422,
  invalid_template: 422,
  invalid_template_pack: 422,
  rate_limited: 429,
  internal_error: 500,
  database_stopped: 503,
  secret_key_unavailable: 503,
  storage_full: 507,
} as const;
export type ApiErrorCode = keyof typeof errorStatus;

export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly path: string | null };
  readonly [extra: string]: unknown;
}

/** An expected failure on its way to becoming a 4xx answer. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly path: string | null = null,
    readonly extra: Record<string, unknown> = {},
    readonly status: number = errorStatus[code as ApiErrorCode] ?? 422,
  ) {
    super(message);
  }
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, path: this.path }, ...this.extra };
  }
}

export const fail = (
  code: ApiErrorCode,
  message: string,
  path: string | null = null,
  extra: Record<string, unknown> = {},
) => new ApiFailure(code, message, path, extra);
