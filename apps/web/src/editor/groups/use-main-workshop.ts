import type { LiveServerMessage, WorkshopState } from '@waymark/api';
import { useEffect, useState } from 'react';

const RECONNECT_MS = [500, 1_000, 2_000, 5_000];

/**
 * The workshop of the main map, watched from a group's copy (decision 0014, "Groups"): a second live socket
 * to the main map that only listens for its workshop state (so the copy's members are also on the main map's
 * list of people, and hear when their group's work is merged or ended). Null while not known. `mainId` null:
 * does nothing.
 */
export function useMainWorkshop(ws: string, mainId: string | null): WorkshopState | null {
  const [state, setState] = useState<WorkshopState | null>(null);
  useEffect(() => {
    if (!mainId) return;
    let stopped = false;
    let socket: WebSocket | null = null;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let revision = -1;
    const client = `watch-${Math.random().toString(36).slice(2, 10)}`;
    const connect = () => {
      if (stopped) return;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const url = `${scheme}://${window.location.host}/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(mainId)}/live?client=${client}`;
      const open = new WebSocket(url);
      socket = open;
      open.onmessage = (event) => {
        attempt = 0;
        const message = JSON.parse(String(event.data)) as LiveServerMessage;
        const next =
          message.type === 'workshop'
            ? message.state
            : message.type === 'welcome'
              ? message.workshop
              : undefined;
        // A welcome is the whole truth; otherwise keep the newest revision seen.
        if (next && (message.type === 'welcome' || next.revision >= revision)) {
          revision = next.revision;
          setState(next);
        }
      };
      open.onclose = () => {
        if (socket !== open) return;
        socket = null;
        if (!stopped) timer = setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    };
  }, [ws, mainId]);
  return state;
}
