import { GUESTS_CHANNEL, type JourneyVersion, type Role } from '@waymark/store';
import type { ApiDeps } from '../deps';
import type { LiveBus, LiveClient, LiveHub, LiveTransport } from '../live/live-hub';
import { liveCloseCodes } from '../live/protocol';
import { auditGuest } from './guest-audit';
import { guestActor, type GuestActor } from './guest-session';

/** What a guest's screen is told when their access ends while they are on the map. */
export const guestEndedWords = {
  removed: {
    code: 'guest_removed',
    message:
      'The people running this workshop removed you from the map. Your changes so far are kept; you cannot make more.',
  },
  revoked: {
    code: 'guest_link_ended',
    message:
      'The workshop link you joined by was withdrawn, so your time on this map has ended. Your changes so far are kept.',
  },
  left: {
    code: 'guest_left',
    message: 'You left this map. To come back, open the workshop link again.',
  },
  expired: {
    code: 'guest_link_ended',
    message:
      'The workshop link you joined by has expired, so your time on this map has ended. Your changes so far are kept.',
  },
} as const;

type Refusal = {
  readonly ok: false;
  readonly status: number;
  readonly code: string;
  readonly message: string;
};

/**
 * The guest of a live upgrade (the `waymark_guest` cookie), checked like `authorizeGuest`: their own map only;
 * another workspace or journey is answered as one that does not exist. Null when the cookie is not a guest's.
 */
export async function liveGuest(
  deps: ApiDeps,
  cookie: string | undefined,
  ws: string,
  id: string,
): Promise<
  | { readonly ok: true; readonly actor: GuestActor; readonly role: Role; readonly cookie: string }
  | Refusal
  | null
> {
  const actor = cookie ? await guestActor(deps, cookie) : null;
  if (!actor) return null;
  if (actor.link.workspaceId !== ws)
    return {
      ok: false,
      status: 404,
      code: 'workspace_not_found',
      message: `no workspace "${ws}" that you can see`,
    };
  if (actor.link.journeyId !== id)
    return {
      ok: false,
      status: 404,
      code: 'journey_not_found',
      message: `no journey "${id}" in this workspace`,
    };
  return { ok: true, actor, role: actor.link.role, cookie: cookie! };
}

/** The guest's role now, or 'unauthenticated' once they were removed or their link ended. */
export async function guestRoleNow(deps: ApiDeps, cookie: string): Promise<Role | 'unauthenticated'> {
  const actor = await guestActor(deps, cookie);
  return actor ? actor.link.role : 'unauthenticated';
}

/**
 * A guest's socket as the hub sees it: every edit of theirs that is stored (the hub acknowledges it with
 * their clientSeq) is written to the audit trail with the link they came by.
 */
export function auditedGuestTransport(
  deps: ApiDeps,
  actor: GuestActor,
  transport: LiveTransport,
): LiveTransport {
  return {
    close: (code, reason) => transport.close(code, reason),
    send(text) {
      transport.send(text);
      if (!text.startsWith('{"type":"applied"') || !text.includes('"clientSeq"')) return;
      const applied = JSON.parse(text) as Pick<JourneyVersion, 'version' | 'commands'> & {
        clientSeq?: number;
      };
      if (applied.clientSeq === undefined) return;
      void auditGuest(
        deps,
        actor,
        'guest.journey.edit',
        { via: 'live', version: applied.version, commands: applied.commands.map((c) => c.type) },
        null,
      ).catch((error: unknown) => console.error('audit of a guest edit failed:', error));
    },
  };
}

/**
 * Records what a guest does on the live route besides edits (audited when stored) and presence: workshop
 * actions such as their votes, with the action's type.
 */
export function auditGuestMessage(
  deps: ApiDeps,
  actor: GuestActor,
  message: { readonly type: string; readonly action?: unknown },
): void {
  if (message.type === 'presence' || message.type === 'submit') return;
  const action = (message.action as { type?: unknown } | undefined)?.type;
  void auditGuest(
    deps,
    actor,
    `guest.live.${message.type}`,
    typeof action === 'string' ? { action } : {},
    null,
  ).catch((error: unknown) => console.error('audit of a guest action failed:', error));
}

/**
 * While a guest's socket is open: closes it when their link expires, and records them as seen every minute
 * (the owner's list says who is still here). Returns the function that stops both.
 */
export function watchGuestSocket(
  deps: ApiDeps,
  hub: LiveHub,
  client: LiveClient,
  actor: GuestActor,
): () => void {
  const untilExpiry = Math.max(0, Date.parse(actor.link.expiresAt) - deps.clock().getTime());
  // setTimeout holds at most ~24.8 days; links last at most 7.
  const expiry = setTimeout(
    () => hub.disconnectWhere((c) => c === client, liveCloseCodes.unauthenticated, guestEndedWords.expired),
    Math.min(untilExpiry, 2_147_000_000),
  );
  const seen = setInterval(() => {
    void deps.guests?.touch(actor.user.id, deps.clock().toISOString()).catch(() => undefined);
  }, 60_000);
  expiry.unref();
  seen.unref();
  void auditGuest(deps, actor, 'guest.live.open', {}, null).catch(() => undefined);
  return () => {
    clearTimeout(expiry);
    clearInterval(seen);
  };
}

/**
 * Every server process closes at once the live sockets of guests who were removed or whose link was
 * withdrawn, wherever that happened (the store announces them on GUESTS_CHANNEL when it commits).
 */
export function closeEndedGuests(bus: Pick<LiveBus, 'listen' | 'schema'>, hub: LiveHub) {
  return bus.listen(GUESTS_CHANNEL, (payload) => {
    if (payload === null) return;
    let notice: { s?: string; g?: unknown; r?: string };
    try {
      notice = JSON.parse(payload) as typeof notice;
    } catch {
      return;
    }
    if (notice.s !== bus.schema || !Array.isArray(notice.g)) return;
    const ended = new Set(notice.g.filter((g): g is string => typeof g === 'string'));
    const words =
      notice.r === 'revoked'
        ? guestEndedWords.revoked
        : notice.r === 'left'
          ? guestEndedWords.left
          : guestEndedWords.removed;
    hub.disconnectWhere((c) => ended.has(c.user.id), liveCloseCodes.unauthenticated, words);
  });
}
