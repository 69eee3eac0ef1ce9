import { expect } from 'vitest';
import { CHOSEN_PASSWORD, passwordFrom, type ServerProcess } from './server-process';

/** The session cookie and CSRF token of the administrator, after choosing a password for the one-time one. */
export async function signInAsAdmin(server: ServerProcess): Promise<{ cookie: string; csrf: string }> {
  const session = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('waymark_session='))!
      .split(';')[0]!;
  const res = await fetch(`${server.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@waymark.local', password: passwordFrom(server.output()) }),
  });
  expect(res.status).toBe(200);
  const first = (await res.json()) as { csrfToken: string; mustChangePassword?: boolean };
  if (!first.mustChangePassword) return { cookie: session(res), csrf: first.csrfToken };
  const changed = await fetch(`${server.url}/api/auth/password`, {
    method: 'POST',
    headers: { cookie: session(res), 'x-csrf-token': first.csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ newPassword: CHOSEN_PASSWORD }),
  });
  expect(changed.status).toBe(200);
  return { cookie: session(changed), csrf: ((await changed.json()) as { csrfToken: string }).csrfToken };
}
