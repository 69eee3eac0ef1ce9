import { hasRole } from '@waymark/store';
import { Hono, type Context } from 'hono';
import { fail } from './api-error';
import type { ApiEnv, WorkspaceAccess } from './auth/actor';
import { authenticate, roleIn } from './auth/authenticate';
import { defaultLimits, type ApiDeps, type Limits } from './deps';
import { checkParameters, readJson, readQuery, readText } from './request-body';
import { routeScope, type RouteSpec } from './route-spec';
import { checkScope } from './auth/token-scope';
import { authorizeGuest } from './guests/guest-access';
import { auditGuestRequest } from './guests/guest-audit';
import { apiRoutes } from './routes/all-routes';
import { SCIM_BASE, scimApp } from './scim/scim-app';
import { securityHeaders } from './security-headers';
import { expectedFailure, storageFull } from './storage-full';

const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Checks who may call `spec`, in order: signed in (401), CSRF (403), a one-time password's session (403), a
 * token's scope (403), member of the workspace (404), role (403).
 */
async function authorize(
  spec: RouteSpec,
  c: Context<ApiEnv>,
  deps: ApiDeps,
): Promise<WorkspaceAccess | null> {
  if (spec.access === 'public') return null;
  const actor = c.get('actor');
  if (!actor)
    throw fail('unauthenticated', 'sign in first, or send an API token as "Authorization: Bearer wm_…"');
  // A guest reaches the routes of their one map and nothing else (decision 0015).
  const guestAccess = actor.via === 'guest' ? authorizeGuest(spec, c, actor) : null;
  if (spec.method !== 'get' && actor.via !== 'token' && c.req.header('x-csrf-token') !== actor.csrfToken) {
    throw fail('csrf_failed', 'send the header x-csrf-token with the csrfToken from /api/auth/me');
  }
  if (guestAccess) return guestAccess;
  if (actor.via === 'session' && actor.mustChangePassword && !spec.duringPasswordChange)
    throw fail(
      'password_change_required',
      'You signed in with a one-time password: choose your own password first (Change your password), then carry on.',
    );
  if (actor.via === 'token') checkScope(routeScope(spec), actor.token.scopes);
  if (spec.access === 'user') return null;
  const ws = c.req.param('ws') ?? '';
  const role = await roleIn(deps, actor, ws);
  // Not a member: answer as if the workspace did not exist, so its existence is not revealed.
  if (role === null) throw fail('workspace_not_found', `no workspace "${ws}" that you can see`, null);
  if (!hasRole(role, spec.access))
    throw fail('forbidden', `this needs the ${spec.access} role in the workspace; you are ${role}`);
  return { id: ws as WorkspaceAccess['id'], role };
}

/**
 * The HTTP API as a value: every route of `apiRoutes`, checked and parsed the same way. It never listens;
 * apps/server serves it, tests call `app.request()`.
 */
export function createApi(deps: ApiDeps): Hono<ApiEnv> {
  const limits: Limits = { ...defaultLimits, ...deps.limits };
  const app = new Hono<ApiEnv>();
  app.use('*', securityHeaders());
  app.use('/api/*', authenticate(deps));
  // Provisioning (decision 0026): its own token and SCIM's own error shape, apart from /api.
  app.route(SCIM_BASE, scimApp(deps));
  for (const spec of apiRoutes(limits)) {
    app.on(spec.method.toUpperCase(), toHonoPath(spec.path), async (c) => {
      checkParameters(c.req.param(), 'path');
      const workspace = await authorize(spec, c, deps);
      // Refused before anything is read or written, while the database still has room to work safely.
      if (spec.method !== 'get' && deps.freeSpace) {
        const free = await deps.freeSpace();
        if (free !== null && free < limits.minFreeBytes) throw storageFull();
      }
      const maxBytes = spec.tag === 'Import' ? limits.importBytes : limits.jsonBytes;
      const body =
        spec.body === undefined
          ? undefined
          : spec.body === 'text'
            ? await readText(c, maxBytes)
            : await readJson(c, spec.body, maxBytes);
      const query = spec.query ? (readQuery(c, spec.query) as Record<string, string>) : {};
      const actor = c.get('actor');
      const answer = await spec.handle({
        c,
        deps,
        limits,
        actor,
        workspace,
        params: c.req.param(),
        query,
        body,
      });
      if (actor?.via === 'guest' && spec.access !== 'public')
        await auditGuestRequest(deps, c, spec, actor, answer.status, body);
      return answer;
    });
  }
  app.all('/api/*', (c) => {
    throw fail('not_found', `no API route ${c.req.method} ${new URL(c.req.url).pathname}; see /api/docs`);
  });
  app.onError((error, c) => {
    const expected = expectedFailure(error);
    if (expected) {
      // Logged by its message only: the database's error carries the query's values, people's data among them.
      if (expected !== error && expected.status >= 500)
        console.error(`${expected.code}: ${(error as Error).message}`);
      const res = c.json(expected.toBody(), expected.status as 400);
      // The rest of an oversized body is not read: the connection closes once the answer is sent.
      if (expected.status === 413) res.headers.set('connection', 'close');
      return res;
    }
    console.error(error);
    return c.json(
      {
        error: {
          code: 'internal_error',
          message:
            'something went wrong on the server; try again, and tell your administrator if it keeps happening',
          path: null,
        },
      },
      500,
    );
  });
  return app;
}
