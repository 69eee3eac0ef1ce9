import { useCallback, useEffect, useId, useState } from 'react';
import { LinkDialogButton, linkStateLabel, MadeLink, StatusAndError } from '../ui/made-link';
import { formatDateTime } from '../app/format';
import { useSession } from '../app/session';
import { useOneAtATime } from '../state/one-at-a-time';
import { errorText } from '../ui/field';
import type { GuestRole, ListedGuest, ListedGuestLink } from './guest-types';
import { untilText } from './guest-time';
import './guests.css';
import { t, tRich } from '../i18n';

/** How long a new link works: the API allows an hour to 7 days. */
const durations = ['tomorrow', '2', '4', '8', '72', '168'] as const;
const durationLabel = (value: (typeof durations)[number]) =>
  value === 'tomorrow'
    ? t('guests.invite.untilTomorrow')
    : Number(value) < 24
      ? t('guests.invite.hours', { count: Number(value) })
      : t('guests.invite.days', { count: Number(value) / 24 });

/**
 * "Invite guests" in the editor's toolbar (decision 0015): make a workshop link for people from other
 * organisations, copy it, see who joined and remove anyone at once. Owners and editors only.
 */
export function InviteGuestsButton({ ws, journeyId }: { ws: string; journeyId: string }) {
  return (
    <LinkDialogButton ws={ws} label={t('guests.invite.button')} titleId="invite-guests-title">
      {(close) => <InviteGuestsBody ws={ws} journeyId={journeyId} close={close} />}
    </LinkDialogButton>
  );
}

function InviteGuestsBody({ ws, journeyId, close }: { ws: string; journeyId: string; close: () => void }) {
  const { api } = useSession();
  const id = useId();
  const [duration, setDuration] = useState<string>('tomorrow');
  const [role, setRole] = useState<GuestRole>('editor');
  const [links, setLinks] = useState<readonly ListedGuestLink[] | null>(null);
  const [made, setMade] = useState<{ url: string; expiresAt: string } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();

  const reload = useCallback(async () => {
    try {
      setLinks((await api.guestLinks(ws, journeyId)).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws, journeyId]);
  useEffect(() => {
    void reload();
    // Who is here changes while the dialogue is open.
    const timer = setInterval(() => void reload(), 5_000);
    return () => clearInterval(timer);
  }, [reload]);

  const create = () =>
    run(async () => {
      setError(null);
      try {
        const hours = duration === 'tomorrow' ? null : Number(duration);
        const link = await api.createGuestLink(ws, journeyId, {
          role,
          ...(hours ? { expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString() } : {}),
        });
        setMade({ url: link.url, expiresAt: link.link.expiresAt });
        setStatus(t('guests.invite.made', { until: untilText(link.link.expiresAt, new Date()) }));
        await reload();
      } catch (e) {
        setError(errorText(e));
      }
    });
  const remove = async (guest: ListedGuest) => {
    setError(null);
    try {
      await api.removeGuest(ws, journeyId, guest.id);
      setStatus(t('guests.invite.removed', { name: guest.name }));
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const withdraw = async (link: ListedGuestLink) => {
    setError(null);
    try {
      await api.revokeGuestLink(ws, journeyId, link.id);
      setStatus(t('guests.invite.withdrawn', { made: formatDateTime(link.createdAt) }));
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const guests = (links ?? []).flatMap((l) => l.guests.map((g) => ({ guest: g, link: l })));
  return (
    <div className="share-dialog__body">
      <h2 id="invite-guests-title">{t('guests.invite.heading')}</h2>
      <p>{t('guests.invite.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-role`}>{t('guests.invite.roleLabel')}</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as GuestRole)}>
          <option value="editor">{t('guests.invite.roleEditor')}</option>
          <option value="commenter">{t('guests.invite.roleCommenter')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-duration`}>{t('guests.invite.durationLabel')}</label>
        <select id={`${id}-duration`} value={duration} onChange={(e) => setDuration(e.target.value)}>
          {durations.map((d) => (
            <option key={d} value={d}>
              {durationLabel(d)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="button"
        onClick={() => void create()}
        aria-disabled={busy || undefined}
      >
        {t('guests.invite.create')}
      </button>
      {made ? (
        <MadeLink
          id={`${id}-link`}
          label={t('guests.invite.linkLabel')}
          url={made.url}
          copiedText={t('guests.invite.copied')}
          onStatus={setStatus}
        />
      ) : null}
      <StatusAndError status={status} error={error} />
      <h3>{t('guests.invite.joinedHeading')}</h3>
      {links === null ? (
        <p>{t('common.loading')}</p>
      ) : guests.length === 0 ? (
        <p>{t('guests.invite.nobody')}</p>
      ) : (
        <table className="table invite-guests__table">
          <thead>
            <tr>
              <th scope="col">{t('guests.invite.colGuest')}</th>
              <th scope="col">{t('guests.invite.colJoined')}</th>
              <th scope="col">{t('guests.invite.colLastSeen')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('guests.invite.colAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {guests.map(({ guest }) => (
              <tr key={guest.id}>
                <td>
                  {guest.name}
                  {guest.organisation
                    ? t('guests.invite.organisationSuffix', { organisation: guest.organisation })
                    : ''}
                  <br />
                  {guest.removedAt ? (
                    guest.left ? (
                      t('guests.invite.left')
                    ) : (
                      t('guests.invite.removedState')
                    )
                  ) : guest.here ? (
                    <span className="invite-guests__here">{t('guests.invite.here')}</span>
                  ) : (
                    t('guests.invite.notHere')
                  )}
                </td>
                <td>{formatDateTime(guest.joinedAt)}</td>
                <td>{formatDateTime(guest.lastSeenAt)}</td>
                <td>
                  {guest.removedAt ? null : (
                    <button type="button" className="link-button" onClick={() => void remove(guest)}>
                      {tRich('guests.invite.remove', {
                        name: guest.name,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('guests.invite.linksHeading')}</h3>
      {links === null ? null : links.length === 0 ? (
        <p>{t('guests.invite.noLinks')}</p>
      ) : (
        <table className="table invite-guests__table">
          <thead>
            <tr>
              <th scope="col">{t('guests.invite.colMade')}</th>
              <th scope="col">{t('guests.invite.roleLabel')}</th>
              <th scope="col">{t('guests.invite.colUntil')}</th>
              <th scope="col">{t('guests.invite.colStatus')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('guests.invite.colAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id}>
                <td>
                  {t('guests.invite.madeBy', { made: formatDateTime(l.createdAt), name: l.createdBy.name })}
                </td>
                <td>{l.role === 'editor' ? t('guests.invite.canEdit') : t('guests.invite.canComment')}</td>
                <td>{formatDateTime(l.expiresAt)}</td>
                <td>{linkStateLabel[l.state]}</td>
                <td>
                  {l.state === 'active' ? (
                    <button type="button" className="link-button" onClick={() => void withdraw(l)}>
                      {tRich('guests.invite.withdraw', {
                        made: formatDateTime(l.createdAt),
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button button--secondary share-dialog__close" onClick={close}>
        {t('common.close')}
      </button>
    </div>
  );
}
