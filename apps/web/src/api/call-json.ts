import { toApiError } from './api-error';

/**
 * One JSON request to the API from a page's own client (administration, retention, legal pages, provisioning):
 * same-origin cookies, the CSRF token on writes when given, the body as JSON; a failure (or no network) comes
 * back as an ApiError whose message is the catalogue's words. A 204 answers null.
 */
export async function callJson<T>(
  method: string,
  path: string,
  csrfToken?: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken !== undefined && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw toApiError(0, null);
  }
  const json: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, json);
  return json as T;
}
