import type { ApiErrorBody } from './types';

/** A failed request, said so a person can act on it. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path: string | null = null,
    /** The whole JSON body, e.g. `current` of a version_conflict. */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

const fallbackMessages: Record<number, string> = {
  0: 'Waymark’s server could not be reached. Check your connection and try again.',
  401: 'You are signed out. Sign in again to continue.',
  403: 'Your role in this workspace does not allow that.',
  404: 'Not found. It may have been deleted, or the link is wrong.',
  409: 'Someone else changed this meanwhile.',
  413: 'That is too large to upload.',
  422: 'That change was refused.',
  429: 'Too many requests. Wait a moment and try again.',
};

const isErrorBody = (value: unknown): value is { error: ApiErrorBody } =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as { error: unknown }).error === 'object' &&
  (value as { error: unknown }).error !== null;

/** Maps a response status and JSON body (if any) to an ApiError with a clear message. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const e = body.error;
    return new ApiError(
      status,
      e.code ?? 'error',
      e.message ?? fallbackMessages[status] ?? 'Request failed',
      e.path ?? null,
      body,
    );
  }
  const message =
    fallbackMessages[status] ?? `The server answered ${status}. Try again, or tell your administrator.`;
  return new ApiError(status, status === 0 ? 'network_error' : `http_${status}`, message, null, body);
}
