import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface StartRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `npm start`'s command (apps/server/bin/start.js) with this environment, and none of the runner's language
 * variables (WAYMARK_LANG, LC_ALL, LANG) but the ones `env` names, until it exits; `onOutput` sees what it has
 * printed so far each time it prints more. `as` runs it as another user (root may).
 */
export function runStart(
  env: Record<string, string>,
  onOutput?: (child: ChildProcess, stdout: string) => void,
  as?: { readonly uid: number; readonly gid: number },
): Promise<StartRun> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['WAYMARK_LANG', 'LC_ALL', 'LANG'].includes(name)),
  );
  const child = spawn(process.execPath, ['apps/server/bin/start.js'], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(as ?? {}),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onOutput?.(child, stdout);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything printed so far. */
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `npm start`'s command as a child process and waits until it says it is running. */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 110_000,
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/server/bin/start.js'], {
    cwd: repoRoot,
    // the banner (and its one-time password) is read below in English, whatever language this machine is set to
    env: { ...process.env, WAYMARK_LANG: 'en', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = Date.now();
  while (!text.includes('Waymark is running at')) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await new Promise((r) => setTimeout(r, 50));
      throw new Error(`server exited: ${text}`);
    }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time: ${text}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, output: () => text, exited };
}

/** The password the test helpers choose when the server asks for one after a one-time password. */
export const CHOSEN_PASSWORD = 'kettle window grass';

/**
 * Signs in and returns fetch helpers carrying the session cookie and CSRF token. Signing in with a one-time
 * password (the printed one) gives a session that may only set a password: it sets CHOSEN_PASSWORD first, as a
 * person would, and carries on with the new session.
 */
export async function signIn(url: string, email: string, password: string) {
  const res = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  // the session's cookie (sign-in also sets the device cookie)
  let cookie = /waymark_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const signedIn = (await res.json()) as { csrfToken: string; mustChangePassword?: boolean };
  let csrfToken = signedIn.csrfToken;
  if (signedIn.mustChangePassword) {
    const changed = await fetch(`${url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ newPassword: CHOSEN_PASSWORD }),
    });
    if (changed.status !== 200)
      throw new Error(`choosing a password failed: ${changed.status} ${await changed.text()}`);
    cookie = /waymark_session=[^;]+/.exec(changed.headers.get('set-cookie') ?? '')![0];
    ({ csrfToken } = (await changed.json()) as { csrfToken: string });
  }
  return (method: string, path: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** The administrator's password: the printed one-time password is used once to set CHOSEN_PASSWORD. */
export async function adminPassword(server: ServerProcess, email: string): Promise<string> {
  await signIn(server.url, email, passwordFrom(server.output()));
  return CHOSEN_PASSWORD;
}

export const passwordFrom = (output: string) =>
  /with the (?:one-time )?password\s+(\S+)/.exec(output)?.[1] ?? '';
