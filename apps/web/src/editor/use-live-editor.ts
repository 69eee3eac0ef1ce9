import type { Participant, ServerMessage } from '@waymark/api';
import { applyCommand, type Journey, type JourneyCommand } from '@waymark/core';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { EditorState } from '../state/editor-state';
import {
  createLiveState,
  liveReducer,
  takeOutgoing,
  type LiveAction,
  type LiveState,
} from '../state/live-sync';
import type { EditorApi } from './use-editor';

/** Waits before connecting again after the socket closed: grows to 5 s. */
const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

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

/**
 * The editor on the live route (decision 0013): the same EditorApi as useEditor, but every edit goes out at
 * once on a WebSocket and everyone else's arrive as they are stored. Reconnects by itself, from the version it
 * has, resending what was not acknowledged. `enabled` false: does nothing (the REST editor is in use).
 */
export function useLiveEditor(
  ws: string,
  id: string,
  initial: { version: number; journey: Journey },
  enabled: boolean,
): EditorApi & { readonly participants: readonly Participant[] } {
  const ref = useRef<LiveState | null>(null);
  ref.current ??= createLiveState(tabId(), initial.journey, initial.version);
  const socket = useRef<WebSocket | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  const flush = useCallback(() => {
    const open = socket.current;
    if (!open || open.readyState !== WebSocket.OPEN) return;
    const out = takeOutgoing(ref.current!);
    ref.current = out.state;
    for (const submit of out.submits) open.send(JSON.stringify(submit));
  }, []);
  const act = useCallback(
    (action: LiveAction) => {
      ref.current = liveReducer(applyCommand, ref.current!, action);
      flush();
      rerender();
    },
    [flush],
  );

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const s = ref.current!;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const url = `${scheme}://${window.location.host}/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}/live?client=${s.clientId}&since=${s.version}`;
      const open = new WebSocket(url);
      socket.current = open;
      open.onmessage = (event) => {
        attempt = 0;
        act({ type: 'message', message: JSON.parse(String(event.data)) as ServerMessage });
        if (ref.current!.needsResync) open.close();
      };
      open.onclose = () => {
        if (socket.current === open) socket.current = null;
        act({ type: 'disconnected' });
        if (!stopped) timer = setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket.current?.close();
    };
  }, [enabled, ws, id, act]);

  const execute = useCallback(
    (command: JourneyCommand) => {
      const before = ref.current!.journey;
      act({ type: 'local', command });
      return ref.current!.journey !== before;
    },
    [act],
  );
  const undo = useCallback(() => act({ type: 'undo' }), [act]);
  const redo = useCallback(() => act({ type: 'redo' }), [act]);
  const dismiss = useCallback(() => {
    const n = ref.current!.notices.length;
    if (n > 0) act({ type: 'dismiss', index: n - 1 });
  }, [act]);
  // Restores arrive as a `replaced` version from the server; there is no conflict to resolve.
  const nothing = useCallback(() => undefined, []);

  return {
    participants: ref.current.participants,
    state: asEditorState(ref.current),
    execute,
    undo,
    redo,
    resolveConflict: nothing,
    replace: nothing,
    saveNow: flush,
    dismiss,
  };
}
