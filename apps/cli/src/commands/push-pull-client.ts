/** What push and pull need to reach a Waymark server: its URL, a token, and a fetch to call it with. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface ServerTarget {
  readonly server: string;
  readonly token: string;
  readonly workspace: string | undefined;
}

/** The server, token and workspace from options first, then WAYMARK_SERVER, WAYMARK_TOKEN, WAYMARK_WORKSPACE. */
export function serverTarget(
  values: { server?: string | undefined; token?: string | undefined; workspace?: string | undefined },
  env: Readonly<Record<string, string | undefined>>,
): ServerTarget | string {
  const server = (values.server ?? env['WAYMARK_SERVER'] ?? '').replace(/\/+$/, '');
  const token = values.token ?? env['WAYMARK_TOKEN'] ?? '';
  if (!/^https?:\/\//.test(server)) return 'name the server with --server http://host:5170 or WAYMARK_SERVER';
  if (!token.startsWith('wm_'))
    return 'give an API token (wm_…) with --token or WAYMARK_TOKEN; an owner creates one in the workspace settings';
  return { server, token, workspace: values.workspace ?? env['WAYMARK_WORKSPACE'] };
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
}

/** One call; never throws: a server that cannot be reached is status 0 with the reason in `text`. */
export async function callServer(
  fetchFn: Fetch,
  target: ServerTarget,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  try {
    const res = await fetchFn(`${target.server}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (an exported YAML file, say).
    }
    return { status: res.status, body: parsed, text };
  } catch (error) {
    return { status: 0, body: null, text: `cannot reach ${target.server}: ${(error as Error).message}` };
  }
}

/** The server's error message, or what went wrong with the connection. */
export const answerMessage = (a: ApiAnswer): string =>
  (a.body as { error?: { message?: string } } | null)?.error?.message ?? (a.text || `HTTP ${a.status}`);

/** The workspace to use: the one named, or the token's own (a token belongs to one workspace). */
export async function resolveWorkspace(
  fetchFn: Fetch,
  target: ServerTarget,
): Promise<{ workspace: string } | { error: ApiAnswer | string }> {
  if (target.workspace) return { workspace: target.workspace };
  const me = await callServer(fetchFn, target, 'GET', '/api/auth/me');
  if (me.status !== 200) return { error: me };
  const workspaces = (me.body as { workspaces: { id: string }[] }).workspaces;
  if (workspaces.length !== 1) return { error: 'name the workspace with --workspace or WAYMARK_WORKSPACE' };
  return { workspace: workspaces[0]!.id };
}
