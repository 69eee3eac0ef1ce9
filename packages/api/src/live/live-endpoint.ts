import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { JourneyId } from '@waymark/core';
import type { Role, WorkspaceId } from '@waymark/store';
import { parse as parseCookies } from 'hono/utils/cookie';
import { WebSocketServer, type WebSocket } from 'ws';
import { hashToken } from '../auth/secrets';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { defaultLimits, type ApiDeps } from '../deps';
import { GUEST_COOKIE } from '../guests/guest-session';
import {
  auditGuestMessage,
  auditedGuestTransport,
  guestRoleNow,
  liveGuest,
  watchGuestSocket,
} from '../guests/guest-live';
import type { LiveClient, LiveHub, LiveTransport } from './live-hub';
import {
  clientMessageSchema,
  liveCloseCodes,
  liveQuerySchema,
  pingMessageSchema,
  pongMessage,
} from './protocol';

const livePath = /^\/api\/workspaces\/([^/]+)\/journeys\/([^/]+)\/live$/;
/** A participant whose socket stops answering pings for this long is dropped (their tab reconnects). */
const PING_MS = 20_000;

/** The HTTP answer to an upgrade that is refused, in the API's error shape. */
function refuse(socket: Duplex, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message, path: null } });
  const reason = (
    { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as Record<number, string>
  )[status];
  socket.end(
    `HTTP/1.1 ${status} ${reason ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * The live route `/api/workspaces/{ws}/journeys/{id}/live` as an HTTP `upgrade` handler. The same checks as
 * the REST routes, in the same order: signed in (401), same origin as the server (403: the WebSocket form of
 * the CSRF check, since browsers send cookies on cross-site sockets), member of the workspace (404), journey
 * exists (404). Viewers and commenters follow live; submits need the editor role, checked again each time.
 */
export function createLiveEndpoint(deps: ApiDeps, hub: LiveHub) {
  const maxPayload = deps.limits?.jsonBytes ?? defaultLimits.jsonBytes;
  const wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
  let connections = 0;
  const alive = new WeakSet<WebSocket>();
  const pinger = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, PING_MS);
  pinger.unref();

  /** The signed-in person of a session (as the REST routes' authenticate), or null. */
  async function sessionUser(sessionHash: string) {
    const session = await deps.accounts.findSession(sessionHash, deps.clock().toISOString());
    // Signed in with a one-time password: such a session may only set a new password.
    const mustChange = (session as { mustChangePassword?: boolean } | null)?.mustChangePassword === true;
    if (!session || mustChange) return null;
    return session.user;
  }

  async function authorise(req: IncomingMessage, ws: WorkspaceId, id: JourneyId) {
    const cookies = parseCookies(req.headers.cookie ?? '');
    const cookie = cookies[SESSION_COOKIE];
    const sessionHash = hashToken(cookie ?? '');
    const user = cookie ? await sessionUser(sessionHash) : null;
    // A guest of this one map (decision 0015), when the browser is not signed in as a member.
    const guest = user ? null : await liveGuest(deps, cookies[GUEST_COOKIE], ws, id);
    if (guest?.ok === false) return guest;
    if (guest) return { ok: true, user: guest.actor.user, role: guest.role, sessionHash, guest } as const;
    if (!user) return { ok: false, status: 401, code: 'unauthenticated', message: 'sign in first' } as const;
    const role = await deps.accounts.roleOf(ws, user.id);
    if (role === null)
      return {
        ok: false,
        status: 404,
        code: 'workspace_not_found',
        message: `no workspace "${ws}" that you can see`,
      } as const;
    return { ok: true, user, role, sessionHash, guest: null } as const;
  }

  return {
    /** True for the live route's path: the caller hands such upgrades to `handleUpgrade`. */
    matches(url: string | undefined): boolean {
      return livePath.test(new URL(url ?? '/', 'http://x').pathname);
    },

    async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
      socket.on('error', () => undefined);
      const url = new URL(req.url ?? '/', 'http://x');
      const [, wsRaw, idRaw] = livePath.exec(url.pathname) ?? [];
      if (!wsRaw || !idRaw) return refuse(socket, 404, 'not_found', 'no such live route');
      const ws = decodeURIComponent(wsRaw) as WorkspaceId;
      const id = decodeURIComponent(idRaw) as JourneyId;
      const query = liveQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) {
        const issue = query.error.issues[0]!;
        return refuse(socket, 400, 'invalid_request', `${issue.path.join('.')}: ${issue.message}`);
      }
      const origin = req.headers.origin;
      if (origin !== undefined && new URL(origin, 'http://x').host !== req.headers.host) {
        return refuse(
          socket,
          403,
          'csrf_failed',
          'the live connection must come from a page of this server (its Origin did not match)',
        );
      }
      const allowed = await authorise(req, ws, id).catch(() => null);
      if (!allowed) return refuse(socket, 500, 'internal_error', 'could not check who you are; try again');
      if (!allowed.ok) return refuse(socket, allowed.status, allowed.code, allowed.message);
      if (!(await deps.journeys.getJourney(ws, id)))
        return refuse(socket, 404, 'journey_not_found', `no journey "${id}" in this workspace`);
      const { user, sessionHash, guest } = allowed;
      wss.handleUpgrade(req, socket, head, (socketOpen) => {
        alive.add(socketOpen);
        socketOpen.on('pong', () => alive.add(socketOpen));
        const transport: LiveTransport = {
          send: (text) => {
            if (socketOpen.readyState === socketOpen.OPEN) socketOpen.send(text);
          },
          close: (code, reason) => socketOpen.close(code, reason),
        };
        // A guest's stored edits are audited (decision 0015).
        const client: LiveClient = {
          // Opaque to the others on the map (presence shows it): a tab id seen there cannot be reused.
          connection: `c${++connections}-${deps.newId()}`,
          // Scoped to the person: nobody else's submits can be taken for this tab's own.
          clientId: `${user.id}/${query.data.client}`,
          user: { id: user.id, name: user.name },
          guest: guest !== null,
          transport: guest ? auditedGuestTransport(deps, guest.actor, transport) : transport,
          async reauthorise(): Promise<Role | 'unauthenticated' | null> {
            if (guest) return guestRoleNow(deps, guest.cookie);
            if (!(await sessionUser(sessionHash))) return 'unauthenticated';
            return deps.accounts.roleOf(ws, user.id);
          },
        };
        // A guest's socket closes when their link expires.
        const unwatch = guest ? watchGuestSocket(deps, hub, client, guest.actor) : () => undefined;
        let joined: Promise<void> = Promise.resolve();
        socketOpen.on('message', (data, isBinary) => {
          alive.add(socketOpen);
          let parsed: unknown;
          try {
            parsed = isBinary ? undefined : JSON.parse(data.toString());
          } catch {
            parsed = undefined;
          }
          // The tab's heartbeat: answered here, so a tab on a connection that died silently notices.
          if (pingMessageSchema.safeParse(parsed).success) return transport.send(JSON.stringify(pongMessage));
          const message = clientMessageSchema.safeParse(parsed);
          if (!message.success) {
            const issue = message.error?.issues[0];
            const where = issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'not JSON text';
            socketOpen.send(
              JSON.stringify({
                type: 'error',
                code: 'invalid_message',
                message: `a message from your browser was not understood (${where}); reload the page`,
              }),
            );
            return socketOpen.close(liveCloseCodes.badMessage, 'invalid_message');
          }
          if (guest) auditGuestMessage(deps, guest.actor, message.data);
          void joined.then(() => hub.receive(client, ws, id, message.data));
        });
        socketOpen.on('close', () => {
          unwatch();
          hub.leave(client, ws, id);
        });
        joined = hub.join(client, ws, id, allowed.role, query.data.since);
      });
    },

    async close(): Promise<void> {
      clearInterval(pinger);
      await hub.close();
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type LiveEndpoint = ReturnType<typeof createLiveEndpoint>;
