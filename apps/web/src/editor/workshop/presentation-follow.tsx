import type { LiveServerMessage, WorkshopAction } from '@waymark/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyWorkshopClient, takeWorkshopMessage, type WorkshopClient } from './workshop-client';
import './workshop.css';
import { t } from '../../i18n';

const RECONNECT_MS = [500, 1000, 2000, 5000];
const tabId = () =>
  `present-${Array.from(crypto.getRandomValues(new Uint8Array(9)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * The workshop of a map from a page that is not the editor (presentation mode): its own live connection, used
 * only for the workshop (the journey's edits that arrive on it are not used). Reconnects by itself.
 */
export function useWorkshopSocket(ws: string, id: string) {
  const [client, setClient] = useState<WorkshopClient>(emptyWorkshopClient);
  const [me, setMe] = useState<string | null>(null);
  const socket = useRef<WebSocket | null>(null);
  const clientRef = useRef(client);
  clientRef.current = client;

  useEffect(() => {
    let stopped = false;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tab = tabId();
    const connect = () => {
      if (stopped) return;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const open = new WebSocket(
        `${scheme}://${window.location.host}/api/workspaces/${encodeURIComponent(ws)}/journeys/${encodeURIComponent(id)}/live?client=${tab}`,
      );
      socket.current = open;
      open.onmessage = (event) => {
        attempt = 0;
        const message = JSON.parse(String(event.data)) as LiveServerMessage;
        if (message.type === 'welcome') setMe(message.you.user.id);
        const taken = takeWorkshopMessage(clientRef.current, message, Date.now());
        if (taken) setClient((clientRef.current = taken.next));
      };
      open.onclose = () => {
        if (socket.current === open) socket.current = null;
        if (!stopped) timer = setTimeout(connect, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(timer);
      socket.current?.close();
    };
  }, [ws, id]);

  const send = useCallback((action: WorkshopAction) => {
    const open = socket.current;
    if (open?.readyState === WebSocket.OPEN) open.send(JSON.stringify({ type: 'workshop', action }));
  }, []);
  return { workshop: client.state, me, send };
}

/**
 * Follow the facilitator in presentation mode (decision 0014). The facilitator's slide goes to everyone while
 * they follow; a follower's presentation moves with it (back to the editor when the facilitator goes back to
 * the map), until they choose "Stop following". Returns the strip to show in the presentation's bar, or null.
 */
export function usePresentationFollow(props: {
  ws: string;
  id: string;
  index: number;
  go: (index: number) => void;
  leave: () => void;
}) {
  const { ws, id, index, go, leave } = props;
  const { workshop, me, send } = useWorkshopSocket(ws, id);
  const follow = workshop?.follow ?? null;
  const facilitator = workshop?.facilitator ?? null;
  const leading = !!facilitator && facilitator.id === me;
  const [stoppedAt, setStoppedAt] = useState<number | null>(null);
  const following = !!follow && !!me && !leading && stoppedAt !== follow.since;

  // The facilitator presents: each slide goes to everyone following.
  const since = follow?.since ?? null;
  useEffect(() => {
    if (leading && since !== null) send({ type: 'follow.view', view: { mode: 'present', slide: index } });
  }, [leading, since, index, send]);

  // A follower: the facilitator's slide, or back to the map with them.
  const target = following ? JSON.stringify(follow!.view) : null;
  useEffect(() => {
    if (!target) return;
    const view = JSON.parse(target) as { mode: string; slide?: number };
    if (view.mode === 'map') leave();
    else if (view.slide !== undefined) go(view.slide);
  }, [target, go, leave]);

  if (!facilitator || !follow) return null;
  if (leading)
    return (
      <p className="present__follow" role="status">
        {t('workshop.present.leading')}
      </p>
    );
  return (
    <p className="present__follow">
      {following
        ? t('workshop.follows', { name: facilitator.name })
        : t('workshop.stoppedFollowing', { name: facilitator.name })}{' '}
      {following ? (
        <button type="button" className="button button--secondary" onClick={() => setStoppedAt(follow.since)}>
          {t('workshop.stopFollowing')}
        </button>
      ) : (
        <button type="button" className="button" onClick={() => setStoppedAt(null)}>
          {t('workshop.followAgain')}
        </button>
      )}
    </p>
  );
}
