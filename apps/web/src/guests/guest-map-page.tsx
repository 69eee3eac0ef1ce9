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
import { t, type MessageId } from '../i18n';

/** How often the page asks whether the guest is still allowed in (removal also closes the live socket at once). */
const CHECK_MS = 3_000;

const endedTitle = {
  removed: 'guests.ended.removed',
  expired: 'guests.ended.expired',
  revoked: 'guests.ended.revoked',
} as const satisfies Record<string, MessageId>;

/** /guest: the one map of the guest who joined by a workshop link, live, with nothing else of the workspace. */
export function GuestMapPage() {
  const { api } = useSession();
  const [me, setMe] = useState<GuestMe | null>(null);
  const [loaded, setLoaded] = useState<{ version: number; journey: Journey } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  useTitle(
    loaded ? t('guests.map.title', { title: loaded.journey.meta.title }) : t('guests.map.titleLoading'),
  );

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

  if (left) return <Ended title={t('guests.left.title')} message={t('guests.left.message')} />;
  if (me === null)
    return (
      <p role="status" className="editor-message">
        {t('common.loading')}
      </p>
    );
  if (me.state === 'none') return <Ended title={t('guests.none.title')} message={t('guests.none.message')} />;
  if (me.state !== 'active') return <Ended title={t(endedTitle[me.state])} message={me.message} />;
  if (error)
    return (
      <Ended
        title={t('guests.map.notOpened')}
        message={t('guests.map.notOpenedMessage', { error, invitedBy: me.invitedBy })}
      />
    );
  if (!loaded)
    return (
      <p role="status" className="editor-message">
        {t('guests.map.loading')}
      </p>
    );
  const who = me.guest.organisation
    ? t('guests.nameAndOrganisation', { name: me.guest.name, organisation: me.guest.organisation })
    : me.guest.name;
  return (
    <GuestContext.Provider value={{ name: me.guest.name, expiresAt: me.expiresAt }}>
      <div className="notice guest-banner">
        <p>{t('guests.map.banner', { until: untilText(me.expiresAt, new Date()), who })}</p>
        <button type="button" className="button button--secondary button--small" onClick={() => void leave()}>
          {t('guests.map.leave')}
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
