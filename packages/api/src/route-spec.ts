import type { Role } from '@waymark/store';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Actor, ApiEnv, WorkspaceAccess } from './auth/actor';
import type { ApiDeps, Limits } from './deps';

/**
 * Who may call a route: anyone; any signed-in person (`user`; API tokens only for reads); or members of the
 * workspace in the path with at least this role.
 */
export type Access = 'public' | 'user' | Role;

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
  /** Error codes this route may answer with besides the common ones. */
  readonly errors?: readonly string[];
  handle(input: RouteInput<B>): Promise<Response> | Response;
}

/** Keeps `B` inferred from `body` while collecting routes of different bodies in one list. */
export const route = <B>(spec: RouteSpec<B>): RouteSpec => spec as RouteSpec;
