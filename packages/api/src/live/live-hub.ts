import type { JourneyId } from '@waymark/core';
import {
  hasRole,
  WORKSHOP_CHANNEL,
  type JourneyVersion,
  type Role,
  type UserId,
  type WorkspaceId,
} from '@waymark/store';
import { commitCommands } from '../journeys/apply-commands';
import type { ApiDeps } from '../deps';
import type {
  AppliedMessage,
  ClientMessage,
  LiveFocus,
  LivePerson,
  Participant,
  ServerMessage,
} from './protocol';
import { liveCloseCodes, type WorkshopMessage } from './protocol';
import {
  applyWorkshopAction,
  refused,
  workshopOf,
  type WorkshopAction,
  type WorkshopRefusal,
  type WorkshopState,
} from './workshop';
import { votingSeenBy } from './workshop-voting';

/** The socket of one participant, as the hub needs it. */
export interface LiveTransport {
  send(text: string): void;
  close(code: number, reason: string): void;
}

export interface LiveClient {
  readonly connection: string;
  /** The browser tab's own id: its submits are numbered, so a resent one is recognised. */
  readonly clientId: string;
  readonly user: { readonly id: UserId; readonly name: string };
  /** A guest from a workshop link (decision 0015): may take part in a workshop, never run it. */
  readonly guest?: boolean;
  readonly transport: LiveTransport;
  /** The caller's role now (sessions end and roles change during a workshop); null when no longer allowed in. */
  reauthorise(): Promise<Role | 'unauthenticated' | null>;
}

/**
 * How server processes on one database tell each other about new versions and presence: PostgreSQL
 * LISTEN/NOTIFY (`Sql.listen` and `pg_notify`). New versions are announced by the database itself (migration
 * 007); presence is announced by the hub. `shared` is false for the embedded database (one process).
 */
export interface LiveBus {
  readonly shared: boolean;
  /** The schema the stores work in: notifications from other schemas of the same database are ignored. */
  readonly schema: string;
  listen(channel: string, handler: (payload: string | null) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
}

export const JOURNEYS_CHANNEL = 'waymark_journeys';
export const PRESENCE_CHANNEL = 'waymark_presence';
/** A workshop action that keeps losing the race to other processes' changes is refused after this many. */
const WORKSHOP_ATTEMPTS = 8;
/** A welcome carries at most this many missed versions; further behind, it carries the whole document. */
const MISSED_LIMIT = 500;
const PRESENCE_DELAY_MS = 40;
const SEEN_PER_TAB = 1000;
const PRESENCE_HEARTBEAT_MS = 10_000;
const PRESENCE_EXPIRES_MS = 25_000;
/** NOTIFY payloads must stay under 8000 bytes. */
const PRESENCE_PAYLOAD_MAX = 7_800;

/** Colours with at least 4.5:1 contrast against white, for names and outlines. */
const colours = [
  '#1d70b8',
  '#b3261e',
  '#00703c',
  '#6f3cc3',
  '#a34700',
  '#005ea5',
  '#8a1f56',
  '#3d6b00',
  '#5c4400',
  '#2b5f75',
  '#7a2e8e',
  '#9c3d00',
];
export function colourOf(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) | 0;
  return colours[Math.abs(h) % colours.length]!;
}

interface Room {
  readonly ws: WorkspaceId;
  readonly id: JourneyId;
  readonly key: string;
  /** The last version every participant here has been sent. */
  known: number;
  /** The newest version other writers have announced (it may not be read yet). */
  heard: number;
  readonly clients: Set<LiveClient>;
  /** One thing at a time per journey in this process: welcomes, submits and catching up. */
  tail: Promise<void>;
  /** The clientSeqs seen stored, per browser tab (the latest SEEN_PER_TAB of each). */
  readonly seen: Map<string, Set<number>>;
  readonly presence: Map<string, Participant>;
  /**
   * Each other process's participants here, as its newest notice (`n`) said. An empty list is kept until it
   * expires, so an older notice that arrives after it (NOTIFYs sent on two connections can commit in either
   * order) cannot bring back who has left.
   */
  readonly remote: Map<string, { list: Participant[]; at: number; n: number }>;
  presenceTimer: ReturnType<typeof setTimeout> | null;
  /** The workshop as everyone here was last sent it (decision 0014); null until first read. */
  workshop: WorkshopState | null;
}

type HubDeps = Pick<ApiDeps, 'journeys' | 'applyCommand' | 'clock' | 'workshops'>;

const refusalText = (code: string, message: string) => JSON.stringify({ type: 'error', code, message });

/**
 * The live co-editing hub of one server process: a room per open journey, its participants, their presence.
 * Submits go through `commitCommands` (the REST route's path) one at a time per journey; what is stored is
 * broadcast in version order, whoever wrote it (this process, another one, a REST call, the CLI).
 */
export function createLiveHub(deps: HubDeps, bus: LiveBus, processId: string) {
  const rooms = new Map<string, Room>();
  const stops: (() => Promise<void>)[] = [];
  let heartbeat: ReturnType<typeof setInterval> | null = null;
  /** Numbers this process's presence notices in the order their lists were taken. */
  let presenceSeq = 0;
  const roomKey = (ws: string, id: string) => `${ws}\u0000${id}`;

  function roomFor(ws: WorkspaceId, id: JourneyId): Room {
    const key = roomKey(ws, id);
    let room = rooms.get(key);
    if (!room) {
      room = {
        ws,
        id,
        key,
        known: 0,
        heard: 0,
        clients: new Set(),
        tail: Promise.resolve(),
        seen: new Map(),
        presence: new Map(),
        remote: new Map(),
        presenceTimer: null,
        workshop: null,
      };
      rooms.set(key, room);
    }
    return room;
  }

  function run(room: Room, task: () => Promise<void>): Promise<void> {
    const next = room.tail.then(task).catch((error: unknown) => {
      console.error(`live: journey ${room.id}:`, error);
    });
    room.tail = next;
    return next;
  }

  const person = (v: JourneyVersion): LivePerson | null => (v.by ? { id: v.by.id, name: v.by.name } : null);
  const detailOf = (v: JourneyVersion) => {
    const client = v.detail?.['client'];
    const seq = v.detail?.['seq'];
    return typeof client === 'string' && typeof seq === 'number' ? { client, seq } : null;
  };
  const appliedOf = (v: JourneyVersion): AppliedMessage => ({
    type: 'applied',
    version: v.version,
    commands: v.commands,
    by: person(v),
  });

  /** Sends an applied version to everyone here, with clientSeq only to the tab that submitted it. */
  function broadcastApplied(
    room: Room,
    message: AppliedMessage,
    from: { client: string; seq: number } | null,
  ) {
    const plain = JSON.stringify(message);
    const own = from ? JSON.stringify({ ...message, clientSeq: from.seq }) : plain;
    for (const c of room.clients) c.transport.send(from && c.clientId === from.client ? own : plain);
    room.known = message.version;
    if (from) markSeen(room, from);
  }

  function markSeen(room: Room, from: { client: string; seq: number }) {
    const set = room.seen.get(from.client) ?? new Set<number>();
    set.add(from.seq);
    if (set.size > SEEN_PER_TAB) set.delete(set.values().next().value!);
    room.seen.set(from.client, set);
  }

  /** Reads what was stored after `known` and sends it on, in order. */
  async function catchUp(room: Room): Promise<void> {
    for (;;) {
      const later = await deps.journeys.history(room.ws, room.id, { after: room.known, limit: MISSED_LIMIT });
      for (const v of later) {
        if (v.version <= room.known) continue;
        if (v.kind === 'commands' && v.commands.length > 0) {
          broadcastApplied(room, appliedOf(v), detailOf(v));
          continue;
        }
        const current = await deps.journeys.getJourney(room.ws, room.id);
        if (!current) return goneAll(room);
        const text = JSON.stringify({
          type: 'replaced',
          version: current.version,
          journey: current.journey,
          by: person(v),
        } satisfies ServerMessage);
        for (const c of room.clients) c.transport.send(text);
        room.known = Math.max(room.known, current.version);
      }
      if (later.length < MISSED_LIMIT) return;
    }
  }

  function goneAll(room: Room) {
    for (const c of room.clients) {
      c.transport.send(refusalText('journey_not_found', 'this journey was deleted or moved to the bin'));
      c.transport.close(liveCloseCodes.gone, 'journey_not_found');
    }
    room.clients.clear();
  }

  async function welcome(room: Room, client: LiveClient, role: Role, since: number | undefined) {
    // The document must be at exactly the version the others here were last sent.
    let current = await deps.journeys.getJourney(room.ws, room.id);
    for (let i = 0; current && current.version !== room.known && i < 5; i++) {
      if (room.known === 0 || room.clients.size === 0) room.known = current.version;
      else {
        await catchUp(room);
        current = await deps.journeys.getJourney(room.ws, room.id);
      }
    }
    if (!current) {
      client.transport.send(refusalText('journey_not_found', 'this journey was deleted or moved to the bin'));
      client.transport.close(liveCloseCodes.gone, 'journey_not_found');
      return;
    }
    room.known = current.version;
    const you = { connection: client.connection, user: client.user, role };
    let missed: AppliedMessage[] | null = null;
    const acked: number[] = [];
    if (since !== undefined && since <= current.version && current.version - since <= MISSED_LIMIT) {
      const later = await deps.journeys.history(room.ws, room.id, { after: since, limit: MISSED_LIMIT });
      const upTo = later.filter((v) => v.version <= current.version);
      for (const v of upTo) {
        const from = detailOf(v);
        if (from) markSeen(room, from);
        if (from?.client === client.clientId) acked.push(from.seq);
      }
      if (upTo.every((v) => v.kind === 'commands' && v.commands.length > 0)) {
        missed = upTo.map((v) => {
          const from = detailOf(v);
          return from?.client === client.clientId ? { ...appliedOf(v), clientSeq: from.seq } : appliedOf(v);
        });
      }
    } else if (since !== undefined && since < current.version) {
      // Too far behind for `missed`: the whole document, and which of this tab's submits it already holds,
      // read page by page, so none is sent again and applied twice.
      for (let after = since; after < current.version;) {
        const page = await deps.journeys.history(room.ws, room.id, { after, limit: MISSED_LIMIT });
        for (const v of page) {
          if (v.version > current.version) break;
          const from = detailOf(v);
          if (from?.client === client.clientId) acked.push(from.seq);
        }
        if (page.length < MISSED_LIMIT) break;
        after = page.at(-1)!.version;
      }
    }
    const workshop = await readWorkshop(room);
    const facilitation = workshop
      ? { workshop: workshopSeenBy(workshop, client), now: deps.clock().getTime() }
      : {};
    const message: ServerMessage = missed
      ? { type: 'welcome', version: current.version, you, missed, ...facilitation }
      : { type: 'welcome', version: current.version, you, journey: current.journey, acked, ...facilitation };
    client.transport.send(JSON.stringify(message));
    room.clients.add(client);
    room.presence.set(client.connection, {
      connection: client.connection,
      user: client.user,
      colour: colourOf(client.user.id),
      role,
      focus: null,
      typing: false,
    });
    schedulePresence(room, true);
  }

  async function submit(room: Room, client: LiveClient, message: Extract<ClientMessage, { type: 'submit' }>) {
    if (!room.clients.has(client)) return;
    const reject = (code: string, text: string, path: string | null = null) =>
      client.transport.send(
        JSON.stringify({
          type: 'rejected',
          clientSeq: message.clientSeq,
          code,
          message: text,
          path,
        } satisfies ServerMessage),
      );
    const role = await client.reauthorise();
    if (role === 'unauthenticated' || role === null) {
      const [code, text, close] =
        role === null
          ? ['workspace_not_found', 'you are no longer a member of this workspace', liveCloseCodes.gone]
          : ['unauthenticated', 'your session has ended: sign in again', liveCloseCodes.unauthenticated];
      reject(code, `your change was not saved: ${text}`);
      client.transport.close(close, code);
      return leaveNow(room, client);
    }
    if (!hasRole(role, 'editor')) {
      return reject(
        'forbidden',
        `your change was not saved: you can follow this map live, but changing it needs the editor role; you are ${role}`,
      );
    }
    // Others' versions first (only when some were announced), so a resent submit is recognised below.
    if (room.heard > room.known) await catchUp(room);
    // Already stored (sent again after a reconnect whose acknowledgement was lost): say so, store nothing.
    if (room.seen.get(client.clientId)?.has(message.clientSeq)) {
      client.transport.send(JSON.stringify({ type: 'duplicate', clientSeq: message.clientSeq }));
      return;
    }
    const committed = await commitCommands(deps, {
      workspaceId: room.ws,
      journeyId: room.id,
      commands: message.commands,
      baseVersion: message.baseVersion,
      onStale: 'rebase',
      by: client.user.id,
      at: deps.clock().toISOString(),
      detail: { client: client.clientId, seq: message.clientSeq },
    });
    if (committed.ok) {
      const stored = committed.value;
      if (stored.version === room.known + 1) {
        broadcastApplied(
          room,
          {
            type: 'applied',
            version: stored.version,
            commands: message.commands,
            by: { id: client.user.id, name: client.user.name },
          },
          { client: client.clientId, seq: message.clientSeq },
        );
      } else await catchUp(room);
      return;
    }
    const failure = committed.error;
    if (failure.code === 'journey_not_found') return goneAll(room);
    if (failure.code === 'version_conflict') {
      return reject(
        'version_conflict',
        'your change was not saved: the map was changing too fast to fit it in; please make it again',
      );
    }
    const { code, message: why, path, index } = failure.refused;
    if (code === 'structure_locked') return reject(code, why);
    reject(
      code,
      `your change was not saved: ${message.commands[index]!.type} was refused: ${why}`,
      path.replace(/^commands\[\d+\]\.?/, '') || null,
    );
  }

  /**
   * The journey's workshop from the database; when newer than what this room was sent, everyone here is sent
   * it. Null when this server keeps no workshops.
   */
  async function readWorkshop(room: Room): Promise<WorkshopState | null> {
    if (!deps.workshops) return null;
    const stored = workshopOf(await deps.workshops.get(room.ws, room.id));
    setWorkshop(room, stored);
    return room.workshop;
  }

  /** The workshop as one tab is sent it: dot-voting ballots are secret but for the facilitator's. */
  function workshopSeenBy(state: WorkshopState, client: LiveClient): WorkshopState {
    if (!state.voting) return state;
    const facilitator = state.facilitator?.id === client.user.id;
    return { ...state, voting: votingSeenBy(state.voting, client.user.id, facilitator) };
  }

  function setWorkshop(room: Room, state: WorkshopState) {
    if (room.workshop && state.revision <= room.workshop.revision) return;
    room.workshop = state;
    const now = deps.clock().getTime();
    const plain = state.voting
      ? null
      : JSON.stringify({ type: 'workshop', state, now } satisfies WorkshopMessage);
    for (const c of room.clients)
      c.transport.send(
        plain ??
          JSON.stringify({
            type: 'workshop',
            state: workshopSeenBy(state, c),
            now,
          } satisfies WorkshopMessage),
      );
  }

  /** A facilitation action: applied by the reducer to the stored workshop, stored on its revision, sent to all. */
  async function workshopAction(room: Room, client: LiveClient, action: WorkshopAction) {
    if (!room.clients.has(client)) return;
    const refuse = ({ code, values, message }: WorkshopRefusal) =>
      client.transport.send(
        JSON.stringify({ type: 'workshop-refused', code, values, message } satisfies WorkshopMessage),
      );
    if (!deps.workshops) return refuse(refused('not_available'));
    const role = await client.reauthorise();
    if (role === 'unauthenticated' || role === null) {
      const [code, close] =
        role === null
          ? (['workspace_not_found', liveCloseCodes.gone] as const)
          : (['unauthenticated', liveCloseCodes.unauthenticated] as const);
      refuse(refused(code));
      client.transport.close(close, code);
      return leaveNow(room, client);
    }
    const actor = {
      user: { id: client.user.id, name: client.user.name },
      role,
      connection: client.connection,
      guest: client.guest === true,
    };
    let current = room.workshop ?? workshopOf(await deps.workshops.get(room.ws, room.id));
    for (let attempt = 0; attempt < WORKSHOP_ATTEMPTS; attempt++) {
      const now = deps.clock();
      const result = applyWorkshopAction(current, action, actor, now.getTime());
      if (!result.ok) return refuse(result);
      const { revision: _revision, ...state } = result.state;
      const stored = await deps.workshops.put({
        workspaceId: room.ws,
        journeyId: room.id,
        state,
        baseRevision: current.revision,
        at: now.toISOString(),
      });
      if (stored.ok) return setWorkshop(room, workshopOf(stored.workshop));
      if (stored.code === 'journey_not_found') return goneAll(room);
      // Another process changed it first: apply the action again to theirs (and send theirs on).
      current = workshopOf(stored.current);
      setWorkshop(room, current);
    }
    refuse(refused('busy'));
  }

  function onWorkshopNotice(payload: string | null) {
    if (payload === null) {
      for (const room of rooms.values()) void run(room, async () => void (await readWorkshop(room)));
      return;
    }
    let notice: { s?: string; w?: string; j?: string; r?: number };
    try {
      notice = JSON.parse(payload) as typeof notice;
    } catch {
      return;
    }
    if (notice.s !== bus.schema || !notice.w || !notice.j || typeof notice.r !== 'number') return;
    const room = rooms.get(roomKey(notice.w, notice.j));
    const revision = notice.r;
    if (!room || (room.workshop && revision <= room.workshop.revision)) return;
    void run(room, async () => {
      if (room.clients.size > 0 && (!room.workshop || revision > room.workshop.revision))
        await readWorkshop(room);
    });
  }

  function leaveNow(room: Room, client: LiveClient) {
    room.clients.delete(client);
    room.presence.delete(client.connection);
    schedulePresence(room, true);
  }

  function participants(room: Room): Participant[] {
    const now = deps.clock().getTime();
    const all = [...room.presence.values()];
    for (const [proc, entry] of room.remote) {
      if (now - entry.at > PRESENCE_EXPIRES_MS) room.remote.delete(proc);
      else all.push(...entry.list);
    }
    return all;
  }

  const remoteShown = (room: Room) => [...room.remote.values()].reduce((k, e) => k + e.list.length, 0);

  function schedulePresence(room: Room, publish: boolean) {
    if (room.presenceTimer) {
      if (publish) room.presenceTimer = (clearTimeout(room.presenceTimer), null);
      else return;
    }
    room.presenceTimer = setTimeout(() => {
      room.presenceTimer = null;
      const text = JSON.stringify({
        type: 'presence',
        participants: participants(room),
      } satisfies ServerMessage);
      for (const c of room.clients) c.transport.send(text);
      if (publish) void publishPresence(room);
      if (room.clients.size === 0 && room.presence.size === 0) void run(room, async () => dropIfEmpty(room));
    }, PRESENCE_DELAY_MS);
  }

  function dropIfEmpty(room: Room) {
    if (room.clients.size === 0 && rooms.get(room.key) === room && !room.presenceTimer)
      rooms.delete(room.key);
  }

  async function publishPresence(room: Room) {
    if (!bus.shared) return;
    let list = [...room.presence.values()];
    const n = ++presenceSeq;
    const payload = () => JSON.stringify({ s: bus.schema, p: processId, n, w: room.ws, j: room.id, list });
    if (payload().length > PRESENCE_PAYLOAD_MAX) list = list.map((p) => ({ ...p, focus: null }));
    while (payload().length > PRESENCE_PAYLOAD_MAX) list = list.slice(0, -1);
    await bus.notify(PRESENCE_CHANNEL, payload()).catch(() => undefined);
  }

  function onJourneyNotice(payload: string | null) {
    if (payload === null) {
      for (const room of rooms.values()) {
        room.heard = Number.MAX_SAFE_INTEGER;
        void run(room, async () => {
          await catchUp(room);
          room.heard = room.known;
        });
      }
      return;
    }
    let notice: { s?: string; w?: string; j?: string; v?: number };
    try {
      notice = JSON.parse(payload) as typeof notice;
    } catch {
      return;
    }
    if (notice.s !== bus.schema || !notice.w || !notice.j || typeof notice.v !== 'number') return;
    const room = rooms.get(roomKey(notice.w, notice.j));
    const version = notice.v;
    if (!room || version <= room.known) return;
    room.heard = Math.max(room.heard, version);
    void run(room, async () => {
      if (version > room.known && room.clients.size > 0) await catchUp(room);
    });
  }

  function onPresenceNotice(payload: string | null) {
    if (payload === null) return;
    let notice: { s?: string; p?: string; n?: number; w?: string; j?: string; list?: Participant[] };
    try {
      notice = JSON.parse(payload) as typeof notice;
    } catch {
      return;
    }
    if (notice.s !== bus.schema || notice.p === processId || !notice.w || !notice.j || !notice.p) return;
    const room = rooms.get(roomKey(notice.w, notice.j));
    if (!room) return;
    // A heartbeat's notice and a newer one can reach here in either order: the newer one stands.
    const n = typeof notice.n === 'number' ? notice.n : 0;
    const held = room.remote.get(notice.p);
    if (held && n <= held.n) return;
    room.remote.set(notice.p, { list: notice.list ?? [], at: deps.clock().getTime(), n });
    schedulePresence(room, false);
  }

  return {
    /** Starts listening for other processes' versions and presence. */
    async start(): Promise<void> {
      stops.push(await bus.listen(JOURNEYS_CHANNEL, onJourneyNotice));
      if (bus.shared) stops.push(await bus.listen(PRESENCE_CHANNEL, onPresenceNotice));
      if (deps.workshops) stops.push(await bus.listen(WORKSHOP_CHANNEL, onWorkshopNotice));
      heartbeat = setInterval(() => {
        for (const room of rooms.values()) {
          if (room.presence.size > 0) void publishPresence(room);
          // Another process gone quiet: its participants expire (an expired empty list changes nothing shown).
          const before = remoteShown(room);
          participants(room);
          if (remoteShown(room) !== before) schedulePresence(room, false);
        }
      }, PRESENCE_HEARTBEAT_MS);
      heartbeat.unref();
    },

    /** A participant's socket opened: sends the welcome, then everything that follows. */
    join(client: LiveClient, ws: WorkspaceId, id: JourneyId, role: Role, since?: number) {
      const room = roomFor(ws, id);
      return run(room, () => welcome(room, client, role, since));
    },

    receive(client: LiveClient, ws: WorkspaceId, id: JourneyId, message: ClientMessage) {
      const room = rooms.get(roomKey(ws, id));
      if (!room) return Promise.resolve();
      if (message.type === 'submit') return run(room, () => submit(room, client, message));
      if (message.type === 'workshop') return run(room, () => workshopAction(room, client, message.action));
      const entry = room.presence.get(client.connection);
      if (!entry) return Promise.resolve();
      room.presence.set(client.connection, {
        ...entry,
        focus: message.focus as LiveFocus,
        typing: message.typing,
      });
      schedulePresence(room, true);
      return Promise.resolve();
    },

    leave(client: LiveClient, ws: WorkspaceId, id: JourneyId) {
      const room = rooms.get(roomKey(ws, id));
      if (room) leaveNow(room, client);
    },

    /** The workshop of a journey as this process last sent it (for tests). */
    workshopOf(ws: WorkspaceId, id: JourneyId): WorkshopState | null {
      return rooms.get(roomKey(ws, id))?.workshop ?? null;
    },

    /** Participants of a journey in this process (for tests and the bench). */
    roomSize(ws: WorkspaceId, id: JourneyId): number {
      return rooms.get(roomKey(ws, id))?.clients.size ?? 0;
    },

    /** Tells everyone to reconnect (elsewhere) and stops listening. */
    async close(): Promise<void> {
      if (heartbeat) clearInterval(heartbeat);
      for (const room of rooms.values()) {
        if (room.presenceTimer) clearTimeout(room.presenceTimer);
        for (const c of room.clients) c.transport.close(liveCloseCodes.restarting, 'server stopping');
        room.clients.clear();
        room.presence.clear();
        await publishPresence(room);
      }
      rooms.clear();
      for (const stop of stops.splice(0)) await stop().catch(() => undefined);
    },

    /**
     * Closes at once the sockets of every participant `pick` chooses (a guest removed, a workshop link
     * withdrawn: decision 0015), after telling them why in an `error` message. Returns how many.
     */
    disconnectWhere(
      pick: (client: LiveClient) => boolean,
      code: number,
      why: { readonly code: string; readonly message: string },
    ): number {
      let closed = 0;
      for (const room of rooms.values()) {
        for (const c of [...room.clients]) {
          if (!pick(c)) continue;
          c.transport.send(refusalText(why.code, why.message));
          c.transport.close(code, why.code);
          leaveNow(room, c);
          closed++;
        }
      }
      return closed;
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
