/** The kinds of HTTP answer the catalogue has words for, one table for every client that says a status. */
export type HttpStatusKind =
  | 'badRequest'
  | 'signedOut'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'tooLarge'
  | 'refused'
  | 'rateLimited'
  | 'unavailable'
  | 'server'
  | 'other';

/**
 * An HTTP status as the kind of answer a client says it by (the CLI's `commands.server.status`, the web app's
 * `errors.status.*`): 400 bad request, 401 signed out, 403 forbidden, … any other 5xx the server's fault, the
 * rest `other`. A client with words of its own for a status (the web app's 0 and 410) says those first.
 */
export function httpStatusKind(status: number): HttpStatusKind {
  if (status === 400) return 'badRequest';
  if (status === 401) return 'signedOut';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status === 413) return 'tooLarge';
  if (status === 422) return 'refused';
  if (status === 429) return 'rateLimited';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'server';
  return 'other';
}
