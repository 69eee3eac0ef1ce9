import { apiErrorWords } from './error-words';
import type { ApiErrorBody } from './types';

/**
 * A failed request. `message` is in words people use, from the catalogue by the error's code, field and limit
 * (never the server's English, which stays in `serverMessage` for a programmer). `status` 0: the server could
 * not be reached.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string | null = null,
    /** The whole JSON body, e.g. `current` of a version_conflict. */
    readonly body: unknown = null,
    /** The server's own message, for logs and programmers; never shown. */
    readonly serverMessage: string | null = null,
  ) {
    super(message);
  }
}

const isErrorBody = (value: unknown): value is { error: ApiErrorBody } =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as { error: unknown }).error === 'object' &&
  (value as { error: unknown }).error !== null;

/** Maps a response status and JSON body (if any) to an ApiError whose message is the catalogue's words. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const e = body.error;
    const code = typeof e.code === 'string' ? e.code : 'error';
    const path = typeof e.path === 'string' ? e.path : null;
    return new ApiError(
      status,
      code,
      apiErrorWords(status, code, path, body),
      path,
      body,
      typeof e.message === 'string' ? e.message : null,
    );
  }
  const code = status === 0 ? 'network_error' : `http_${status}`;
  return new ApiError(status, code, apiErrorWords(status, null, null, body), null, body);
}
