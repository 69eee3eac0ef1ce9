import type { Said } from '../usage-error';

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
): ServerTarget | Said {
  const server = (values.server ?? env['WAYMARK_SERVER'] ?? '').replace(/\/+$/, '');
  const token = values.token ?? env['WAYMARK_TOKEN'] ?? '';
  if (!/^https?:\/\//.test(server)) return { id: 'commands.server.noServer' };
  if (!token.startsWith('wm_')) return { id: 'commands.server.noToken' };
  return { server, token, workspace: values.workspace ?? env['WAYMARK_WORKSPACE'] };
}

export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  /** When the server could not be reached (status 0): which, and why, from the system's code. */
  readonly unreachable?: { readonly server: string; readonly why: UnreachableWhy };
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
    return {
      status: 0,
      body: null,
      text: '',
      unreachable: { server: target.server, why: unreachableWhy(error) },
    };
  }
}

export type UnreachableWhy = 'refused' | 'notFound' | 'timedOut' | 'reset' | 'certificate' | 'other';

/**
 * Why a server could not be reached, from the system's code under fetch's own "fetch failed" (which says nothing
 * a person can act on): nothing listening, no such host, no answer in time, the connection cut, a certificate.
 */
export function unreachableWhy(error: unknown): UnreachableWhy {
  const cause = (error as { cause?: { code?: unknown; errors?: readonly { code?: unknown }[] } } | null)
    ?.cause;
  const code = String(cause?.code ?? cause?.errors?.[0]?.code ?? '');
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'notFound';
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timedOut';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'reset';
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'certificate';
  return 'other';
}

/**
 * The server's own error message (the server's words), or, in the catalogue's, that it could not be reached or
 * what HTTP status it answered.
 */
export function answerSaid(a: ApiAnswer): string | Said {
  const message = (a.body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string') return message;
  if (a.unreachable) return { id: 'commands.server.unreachable', values: { ...a.unreachable } };
  const text = a.text.trim().slice(0, 200);
  return { id: 'commands.server.status', values: { status: a.status, hasText: text ? 'yes' : 'no', text } };
}

/** The workspace to use: the one named, or the token's own (a token belongs to one workspace). */
export async function resolveWorkspace(
  fetchFn: Fetch,
  target: ServerTarget,
): Promise<{ workspace: string } | { error: ApiAnswer | Said }> {
  if (target.workspace) return { workspace: target.workspace };
  const me = await callServer(fetchFn, target, 'GET', '/api/auth/me');
  if (me.status !== 200) return { error: me };
  const workspaces = (me.body as { workspaces: { id: string }[] }).workspaces;
  if (workspaces.length !== 1) return { error: { id: 'commands.server.noWorkspace' } };
  return { workspace: workspaces[0]!.id };
}
