import type { Journey } from '@waymark/core';
import { useEffect, useState } from 'react';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { Editor } from '../editor/editor';
import '../editor/editor.css';
import { errorText } from '../ui/field';
import { GuestContext } from './guest-context';
import type { GuestMe } from './guest-types';
import { untilText } from './guest-time';
import { Ended } from './join-page';
import './guests.css';

/** How often the page asks whether the guest is still allowed in (removal also closes the live socket at once). */
const CHECK_MS = 3_000;

const endedTitle = {
  removed: 'You were removed from this workshop',
  expired: 'Your time on this map has ended',
  revoked: 'This workshop link was withdrawn',
} as const;

/** /guest: the one map of the guest who joined by a workshop link, live, with nothing else of the workspace. */
export function GuestMapPage() {
  const { api } = useSession();
  const [me, setMe] = useState<GuestMe | null>(null);
  const [loaded, setLoaded] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  useTitle(loaded ? `${loaded.journey.meta.title} (guest)` : 'Workshop map');

  useEffect(() => {
    // A guest's map is always live (decision 0013): everyone in the workshop sees each other's changes.
    if (!new URLSearchParams(window.location.search).has('live'))
      window.history.replaceState(null, '', '/guest?live');
    let stopped = false;
    const check = () =>
      api
        .guestMe()
        .then((next) => {
          if (!stopped) setMe((old) => (old?.state === next.state ? old : next));
        })
        .catch(() => undefined);
    void check();
    const timer = setInterval(() => void check(), CHECK_MS);
    window.addEventListener('focus', check);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [api]);

  const active = me?.state === 'active' ? me : null;
  // On a shared computer: end the guest session here, so the next person is not taken for this one.
  const leave = async () => {
    await api.leaveAsGuest().catch(() => undefined);
    setLeft(true);
  };
  useEffect(() => {
    if (!active) return;
    api
      .journey(active.workspaceId, active.journeyId)
      .then((j) => setLoaded({ version: j.version, journey: j.journey }))
      .catch((e: unknown) => setError(errorText(e)));
  }, [api, active]);

  if (left)
    return (
      <Ended
        title="You have left the map"
        message="Thank you for taking part. This browser no longer opens the map. To come back, open the workshop link again."
      />
    );
  if (me === null)
    return (
      <p role="status" className="editor-message">
        Loading…
      </p>
    );
  if (me.state === 'none')
    return (
      <Ended
        title="You are not a guest on any map"
        message="Open the workshop link you were sent to join a map. If you have an account, sign in instead."
      />
    );
  if (me.state !== 'active') return <Ended title={endedTitle[me.state]} message={me.message} />;
  if (error)
    return (
      <Ended
        title="This map could not be opened"
        message={`${error} Ask ${me.invitedBy}, who invited you.`}
      />
    );
  if (!loaded)
    return (
      <p role="status" className="editor-message">
        Loading the journey…
      </p>
    );
  const who = me.guest.organisation ? `${me.guest.name}, ${me.guest.organisation}` : me.guest.name;
  return (
    <GuestContext.Provider value={{ name: me.guest.name, expiresAt: me.expiresAt }}>
      <div className="notice guest-banner">
        <p>
          You are a guest on this map until {untilText(me.expiresAt, new Date())} ({who}). Your changes are
          recorded with your name.
        </p>
        <button type="button" className="button button--secondary button--small" onClick={() => void leave()}>
          Leave this map
        </button>
      </div>
      <Editor
        key={`${me.workspaceId}/${me.journeyId}`}
        ws={me.workspaceId}
        id={me.journeyId}
        initial={loaded}
        canEdit={me.role === 'editor'}
        canComment
      />
    </GuestContext.Provider>
  );
}
