import { CHOSEN_PASSWORD, passwordFrom, type ServerProcess } from './server-process';

/** Signs in; the session cookie (for the live socket) and a REST caller with it and the CSRF token. */
export async function signInAs(server: string, email: string, password: string) {
  const res = await fetch(`${server}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = /waymark_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  const body = (await res.json()) as { csrfToken: string; mustChangePassword?: boolean };
  const call = (method: string, path: string, json?: unknown) =>
    fetch(`${server}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': body.csrfToken,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  return { cookie, call, mustChangePassword: body.mustChangePassword === true };
}

/**
 * The administrator's session on a fresh server: the printed password is a one-time one, so a password is
 * chosen first (CHOSEN_PASSWORD), as a person would, and the session is made with it.
 */
export async function adminSession(server: ServerProcess, email = 'admin@waymark.local') {
  const first = await signInAs(server.url, email, passwordFrom(server.output()));
  if (!first.mustChangePassword) return first;
  const changed = await first.call('POST', '/api/auth/password', { newPassword: CHOSEN_PASSWORD });
  if (changed.status !== 200)
    throw new Error(`choosing a password: ${changed.status} ${await changed.text()}`);
  return signInAs(server.url, email, CHOSEN_PASSWORD);
}
