import type { Role, TokenScope } from '@waymark/store';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Actor, ApiEnv, WorkspaceAccess } from './auth/actor';
import type { ApiDeps, Limits } from './deps';

/**
 * Who may call a route: anyone; any signed-in person (`user`; API tokens only for reads); or members of the
 * workspace in the path with at least this role.
 */
export type Access = 'public' | 'user' | Role;

/**
 * Which API tokens may call a route: those holding this scope, or none (`session`: only a person signed in;
 * accounts, membership, tokens, share links and passwords are never for tokens). Decision 0012.
 */
export type RouteScope = TokenScope | 'session';

export interface RouteInput<B> {
  readonly c: Context<ApiEnv>;
  readonly deps: ApiDeps;
  readonly limits: Limits;
  readonly actor: Actor | null;
  /** Set for routes with a role: the workspace in the path and the caller's role in it. */
  readonly workspace: WorkspaceAccess | null;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: B;
}

/** One route: the router, the OpenAPI document and the authorisation test are all generated from these. */
export interface RouteSpec<B = unknown> {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/api/workspaces/{ws}/journeys/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly access: Access;
  readonly tag: string;
  /** A JSON body checked strictly (unknown fields refused), or `text` for file uploads. */
  readonly body?: z.ZodType<B> | 'text';
  readonly query?: z.ZodObject;
  /** Status of a successful answer (default 200) and what it holds, for the OpenAPI document. */
  readonly success?: { readonly status?: number; readonly description: string; readonly mediaType?: string };
  /** Which tokens may call it; when absent, `routeScope` works it out from the method, access and tag. */
  readonly scope?: RouteScope;
  /** Allowed in a session started with a one-time password, which may otherwise do nothing. */
  readonly duringPasswordChange?: boolean;
  /** Error codes this route may answer with besides the common ones. */
  readonly errors?: readonly string[];
  handle(input: RouteInput<B>): Promise<Response> | Response;
}

/** Keeps `B` inferred from `body` while collecting routes of different bodies in one list. */
export const route = <B>(spec: RouteSpec<B>): RouteSpec => spec as RouteSpec;

/** Uploads of event logs, their import and import jobs: the `import` scope. */
const importPaths = /\/datasets(\/(uploads|jobs)(\/\{[^}]+\})?)?$/;

/**
 * The scope a token needs for `spec`: its own `scope`, else reads need `read`; routes for any signed-in
 * person that change something are for sessions; imports (the Import tag, event-log uploads and dataset
 * creation) need `import`; every other change needs `journeys:write`.
 */
export function routeScope(spec: RouteSpec): RouteScope {
  if (spec.scope) return spec.scope;
  if (spec.method === 'get') return 'read';
  if (spec.access === 'user') return 'session';
  if (spec.tag === 'Import' || (spec.tag === 'Datasets' && importPaths.test(spec.path))) return 'import';
  return 'journeys:write';
}
