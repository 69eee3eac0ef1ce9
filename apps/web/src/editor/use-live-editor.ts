import type { LiveFocus, LiveServerMessage, Participant, ServerMessage, WorkshopAction } from '@waymark/api';
import { applyCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { t } from '../i18n';
import type { EditorState } from '../state/editor-state';
import { explainRefusal, noteRefusal } from '../state/refusal';
import { unsavedFields } from '../state/unsaved-fields';
import {
  createLiveState,
  liveReducer,
  takeOutgoing,
  type LiveAction,
  type LiveNotice,
  type LiveSelf,
  type LiveState,
} from '../state/live-sync';
import type { EditorApi } from './use-editor';
import { startHeartbeat } from './live/heartbeat';
import { createPresenceStore, type PresenceStore } from './live/live-context';
import { emptyWorkshopClient, takeWorkshopMessage, type WorkshopClient } from './workshop/workshop-client';

/** Waits before connecting again after the socket closed: grows to 5 s. */
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];
/**
 * Connections in a row that ended without a welcome, before this tab was ever welcomed, on a network the
 * browser calls online, before giving up on live (about 9 s with the waits above).
 */
const ATTEMPTS_BEFORE_FALLBACK = 5;
/** At most one presence message this often: focus and typing follow the person, not every keystroke. */
export const PRESENCE_EVERY_MS = 300;

const tabId = () =>
  `tab-${Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/** The live engine's state as the editor's (the toolbar, status line and panels read it unchanged). */
function asEditorState(s: LiveState): EditorState {
  const notice = s.notices[s.notices.length - 1];
  const pending = s.pending.flatMap((b) => b.commands);
  return {
    journey: s.journey,
    version: s.version,
    base: s.confirmed,
    pending,
    inFlight: [],
    undo: s.undo.map((u) => ({ command: u.inverse, inverse: u.inverse })),
    redo: s.redo.map((u) => ({ command: u.inverse, inverse: u.inverse })),
    status: pending.length === 0 ? 'saved' : s.connected ? 'saving' : 'unsaved',
    message: notice ? notice.message : null,
    conflict: null,
  };
}

/** What the live editor adds to the editor's API: who is here, the connection, notices with their actions. */
export interface LiveExtras {
  readonly participants: readonly Participant[];
  /** Everyone but this tab, for the map's outlines and tags. */
  readonly others: PresenceStore;
  readonly you: LiveSelf | null;
  /** Welcomed on the current connection. */
  readonly connected: boolean;
  /** The browser says it has no network. */
  readonly offline: boolean;
  /** Live never got going though the network is up (a proxy that blocks live connections, say). */
  readonly unreachable: boolean;
  readonly notices: readonly LiveNotice[];
  /** Puts my words back (a replaced notice's restore, as an edit of mine) and puts the notice away. */
  readonly restore: (noticeId: number) => void;
  /** Puts a notice away (keeping the other person's words). */
  readonly keep: (noticeId: number) => void;
  /** Where I am on the map and whether I am typing; sent at most every PRESENCE_EVERY_MS, when it changes. */
  readonly sendPresence: (focus: LiveFocus, typing: boolean) => void;
  /** The map's workshop (decision 0014): its state, the server's clock offset, the last refusal. */
  readonly workshop: WorkshopClient;
  /** Sends a facilitation action; the new state comes back to every tab (a refusal to this one). */
  readonly sendWorkshop: (action: WorkshopAction) => void;
  /** Puts the last workshop refusal away. */
  readonly dismissWorkshop: () => void;
}

/**
 * The editor on the live route (decision 0013): the same EditorApi as useEditor, but every edit goes out at
 * once on a WebSocket and everyone else's arrive as they are stored. Reconnects by itself, from the version it
 * has, resending what was not acknowledged. While the browser says it is offline it does not try (the socket
 * is closed at once: browsers keep a dead one open for minutes), and edits wait in the tab. `enabled` false:
 * does nothing (the REST editor is in use).
 */
export function useLiveEditor(
  ws: string,
  id: string,
  initial: { version: number; journey: Journey },
  enabled: boolean,
): EditorApi & LiveExtras {
  const ref = useRef<LiveState | null>(null);
  ref.current ??= createLiveState(tabId(), initial.journey, initial.version);
  const socket = useRef<WebSocket | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const others = useRef<PresenceStore | null>(null);
  others.current ??= createPresenceStore();
  const workshop = useRef<WorkshopClient>(emptyWorkshopClient);
  const link = useRef({ offline: !navigator.onLine, unreachable: false });
  const presence = useRef<{ wanted: string; sent: string; at: number; timer: number | null }>({
    wanted: JSON.stringify({ type: 'presence', focus: null, typing: false }),
    sent: '',
    at: 0,
    timer: null,
  });

  const sendPresenceNow = useCallback(() => {
    const p = presence.current;
    const open = socket.current;
    if (p.timer !== null) {
      window.clearTimeout(p.timer);
      p.timer = null;
    }
    if (!open || open.readyState !== WebSocket.OPEN || !ref.current!.connected || p.wanted === p.sent) return;
    open.send(p.wanted);
    p.sent = p.wanted;
    p.at = Date.now();
  }, []);
  const sendPresence = useCallback(
    (focus: LiveFocus, typing: boolean) => {
      const p = presence.current;
      p.wanted = JSON.stringify({ type: 'presence', focus, typing });
      if (p.wanted === p.sent || p.timer !== null) return;
      const wait = p.at + PRESENCE_EVERY_MS - Date.now();
      if (wait <= 0) sendPresenceNow();
      else p.timer = window.setTimeout(sendPresenceNow, wait);
    },
    [sendPresenceNow],
  );

  const flush = useCallback(() => {
    const open = socket.current;
    if (!open || open.readyState !== WebSocket.OPEN) return;
    const out = takeOutgoing(ref.current!);
    ref.current = out.state;
    for (const submit of out.submits) open.send(JSON.stringify(submit));
  }, []);
  const act = useCallback(
    (action: LiveAction) => {
      const before = ref.current!;
      ref.current = liveReducer(applyCommand, before, action);
      const now = ref.current;
      if (now.participants !== before.participants || now.you !== before.you)
        others.current!.set(now.participants.filter((p) => p.connection !== now.you?.connection));
      flush();
      rerender();
    },
    [flush],
  );

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let attempt = 0;
    let unwelcomed = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      clearTimeout(timer);
      if (stopped || socket.current || !navigator.onLine) return;
      const s = ref.current!;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const url = `${scheme}://${window.location.host}/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}/live?client=${s.clientId}&since=${s.version}`;
      const open = new WebSocket(url);
      let welcomed = false;
      socket.current = open;
      // A connection that dies without a close event (a laptop asleep, a NAT timeout) is noticed by the
      // heartbeat: closed here and connected again, as if it had closed.
      const heartbeat = startHeartbeat({
        ping: () => {
          if (socket.current === open && open.readyState === WebSocket.OPEN) open.send('{"type":"ping"}');
        },
        dead: () => {
          ended();
          open.close();
        },
      });
      open.onmessage = (event) => {
        if (socket.current !== open) return;
        heartbeat.heard();
        attempt = 0;
        const message = JSON.parse(String(event.data)) as LiveServerMessage;
        if (message.type === 'pong') return;
        const facilitation = takeWorkshopMessage(workshop.current, message, Date.now());
        if (facilitation) workshop.current = facilitation.next;
        if (facilitation?.consumed) return rerender();
        act({ type: 'message', message: message as ServerMessage });
        if (message.type === 'welcome') {
          welcomed = true;
          // A new connection has no presence of ours yet: say where we are again.
          presence.current.sent = '';
          sendPresenceNow();
        }
        if (ref.current!.needsResync) open.close();
      };
      const ended = () => {
        heartbeat.stop();
        if (socket.current !== open) return;
        socket.current = null;
        if (!welcomed && navigator.onLine && ref.current!.you === null) unwelcomed++;
        if (unwelcomed >= ATTEMPTS_BEFORE_FALLBACK && !link.current.unreachable) {
          link.current = { ...link.current, unreachable: true };
        }
        act({ type: 'disconnected' });
        if (!stopped) timer = setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
      };
      open.onclose = ended;
    };
    const goneOffline = () => {
      link.current = { ...link.current, offline: true };
      const open = socket.current;
      socket.current = null;
      open?.close();
      act({ type: 'disconnected' });
    };
    const backOnline = () => {
      link.current = { ...link.current, offline: false };
      attempt = 0;
      rerender();
      connect();
    };
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      const open = socket.current;
      socket.current = null;
      open?.close();
    };
  }, [enabled, ws, id, act, sendPresenceNow]);

  // Leaving with edits not yet stored (offline, say): the browser asks first.
  useEffect(() => {
    if (!enabled) return;
    const warn = (e: BeforeUnloadEvent) => {
      if (ref.current!.pending.length > 0 || unsavedFields().length > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [enabled]);

  const execute = useCallback(
    (command: JourneyCommand) => {
      const before = ref.current!.journey;
      act({ type: 'local', command });
      if (ref.current!.journey !== before) return true;
      const refused = applyCommand(before, command);
      noteRefusal(refused.ok ? null : explainRefusal(before, command, refused.error));
      return false;
    },
    [act],
  );
  const undo = useCallback(() => act({ type: 'undo' }), [act]);
  const redo = useCallback(() => act({ type: 'redo' }), [act]);
  const keep = useCallback((noticeId: number) => act({ type: 'dismiss', id: noticeId }), [act]);
  const dismiss = useCallback(() => {
    const last = ref.current!.notices.at(-1);
    if (last) keep(last.id);
  }, [keep]);
  const restore = useCallback(
    (noticeId: number) => {
      const notice = ref.current!.notices.find((n) => n.id === noticeId);
      if (notice?.kind === 'replaced') act({ type: 'local', command: notice.restore });
      keep(noticeId);
    },
    [act, keep],
  );
  const sendWorkshop = useCallback((action: WorkshopAction) => {
    const open = socket.current;
    if (open && open.readyState === WebSocket.OPEN && ref.current!.connected) {
      open.send(JSON.stringify({ type: 'workshop', action }));
      return;
    }
    workshop.current = {
      ...workshop.current,
      refusal: t('errors.save.notConnected'),
    };
    rerender();
  }, []);
  const dismissWorkshop = useCallback(() => {
    workshop.current = { ...workshop.current, refusal: null };
    rerender();
  }, []);
  // Restores arrive as a `replaced` version from the server; there is no conflict to resolve.
  const nothing = useCallback(() => undefined, []);

  const s = ref.current;
  return {
    participants: s.participants,
    others: others.current,
    you: s.you,
    connected: s.connected,
    offline: link.current.offline,
    unreachable: link.current.unreachable,
    notices: s.notices,
    restore,
    keep,
    sendPresence,
    workshop: workshop.current,
    sendWorkshop,
    dismissWorkshop,
    state: asEditorState(s),
    execute,
    undo,
    redo,
    resolveConflict: nothing,
    replace: nothing,
    saveNow: flush,
    dismiss,
  };
}
