import type { ListedProblemBody as ListedProblem } from '@waymark/core';
import { httpStatusKind } from '@waymark/core/text';
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

/** What the command was doing when the server answered, for the words: which command, workspace and version. */
export interface Asked {
  readonly command?: 'push' | 'pull';
  readonly workspace?: string;
  /** The version a push said the journey was at (--if-version, or the version just read). */
  readonly base?: number;
}

const camel = (code: string) => code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const codeIdPrefix = 'commands.server.code.';
let saidCodes: ReadonlySet<string> | undefined;
/**
 * The error codes the command line has its own words for: one for each `commands.server.code.<code>` of the
 * catalogue (the code in camelCase there, as the API's snake_case code), so adding the words is enough. Read from
 * the catalogue when there is an answer to say, not when push or pull is loaded (`--help` loads no catalogue).
 */
async function codesWithWords(): Promise<ReadonlySet<string>> {
  if (saidCodes) return saidCodes;
  const { cliNamespaces } = await import('@waymark/i18n/cli');
  saidCodes = new Set(
    Object.keys(cliNamespaces.commands.en)
      .filter((id) => id.startsWith(codeIdPrefix))
      .map((id) => snake(id.slice(codeIdPrefix.length))),
  );
  return saidCodes;
}

/** The kinds of listed problem `commands.server.problem` has words for, by the problem's code. */
const problemKinds: Readonly<Record<string, string>> = {
  invalid_type: 'type',
  invalid_format: 'format',
  invalid_value: 'value',
  invalid_union: 'union',
  invalid_unrecognized_keys: 'keys',
  duplicate_id: 'duplicateId',
};

/** A size rule's problem by what was too big or too small (a text, a list, a number) and its limit. */
function sizeKind(p: ListedProblem): { kind: string; limit: number } | undefined {
  const origin = typeof p.origin === 'string' ? p.origin : '';
  const text = origin === 'string';
  const list = origin === 'array' || origin === 'set';
  const number = origin === 'number' || origin === 'bigint';
  if (p.code === 'invalid_too_big') {
    if (typeof p.maximum !== 'number') return { kind: 'tooBig', limit: 0 };
    const kind = text ? 'tooLong' : list ? 'tooMany' : number ? 'tooHigh' : 'tooBig';
    return { kind, limit: p.maximum };
  }
  if (p.code === 'invalid_too_small') {
    if (typeof p.minimum !== 'number') return { kind: 'tooSmall', limit: 0 };
    const shortText = p.minimum <= 1 ? 'empty' : 'tooShort';
    const kind = text ? shortText : list ? 'tooFew' : number ? 'tooLow' : 'tooSmall';
    return { kind, limit: p.minimum };
  }
  return undefined;
}

/** One listed problem by its code and limit (never its English message). */
function problemSaid(p: ListedProblem): Said {
  const code = typeof p.code === 'string' ? p.code : '';
  const { kind, limit } = sizeKind(p) ?? { kind: problemKinds[code] ?? 'other', limit: 0 };
  const path = typeof p.path === 'string' ? p.path : '';
  return {
    id: 'commands.server.problem',
    values: { hasPath: path ? 'yes' : 'no', path, kind, limit, code },
  };
}

/**
 * A server's answer in the catalogue's words, by its error code and the values its body carries (the field,
 * the listed problems, the version it is at), one problem a line after the first; a code the command line has
 * no words for, or a body that is not the API's, by the HTTP status. Never the server's own English.
 */
export async function serverSaid(a: ApiAnswer, asked: Asked = {}): Promise<readonly Said[]> {
  if (a.unreachable) return [{ id: 'commands.server.unreachable', values: { ...a.unreachable } }];
  const body = a.body as
    | {
        error?: { code?: unknown; path?: unknown };
        problems?: unknown;
        current?: { version?: unknown };
        character?: unknown;
      }
    | null
    | undefined;
  const code = typeof body?.error?.code === 'string' ? body.error.code : '';
  if (!(await codesWithWords()).has(code)) {
    return [
      {
        id: 'commands.server.status',
        values: { status: a.status, hasCode: code ? 'yes' : 'no', code, kind: httpStatusKind(a.status) },
      },
    ];
  }
  const path = typeof body?.error?.path === 'string' ? body.error.path : '';
  const problems = Array.isArray(body?.problems) ? (body.problems as ListedProblem[]) : [];
  const current = body?.current?.version;
  // the API names a refused character by its code point as text, 'U+0002'
  const named = typeof body?.character === 'string' ? /^U\+([0-9A-F]{4,6})$/i.exec(body.character) : null;
  const character = named ? named[1]!.toUpperCase() : undefined;
  const head: Said = {
    id: `${codeIdPrefix}${camel(code)}` as Said['id'],
    values: {
      command: asked.command ?? 'other',
      hasWorkspace: asked.workspace ? 'yes' : 'no',
      workspace: asked.workspace ?? '',
      hasCurrent: typeof current === 'number' ? 'yes' : 'no',
      current: typeof current === 'number' ? current : 0,
      hasBase: asked.base !== undefined ? 'yes' : 'no',
      base: asked.base ?? 0,
      hasPath: path ? 'yes' : 'no',
      path,
      count: problems.length,
      character: character ?? '?',
    },
  };
  return [head, ...problems.map(problemSaid)];
}

/** The first line of `serverSaid`: the server's answer in one sentence of the catalogue. */
export const answerSaid = async (a: ApiAnswer, asked: Asked = {}): Promise<Said> =>
  (await serverSaid(a, asked))[0]!;

/** The workspace to use: the one named, or the token's own (a token belongs to one workspace). */
export async function resolveWorkspace(
  fetchFn: Fetch,
  target: ServerTarget,
): Promise<{ workspace: string } | { error: ApiAnswer | Said }> {
  if (target.workspace) return { workspace: target.workspace };
  const me = await callServer(fetchFn, target, 'GET', '/api/auth/me');
  if (me.status !== 200) return { error: me };
  const workspaces = (me.body as { workspaces?: { id: string }[] } | null)?.workspaces;
  // A 200 that is not the API's (a proxy's page, say): said by its status, as any answer not the API's.
  if (!Array.isArray(workspaces)) return { error: { ...me, body: null } };
  if (workspaces.length !== 1) return { error: { id: 'commands.server.noWorkspace' } };
  return { workspace: workspaces[0]!.id };
}
