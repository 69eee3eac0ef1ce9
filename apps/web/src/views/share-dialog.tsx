import { useCallback, useEffect, useId, useState } from 'react';
import { LinkDialogButton, linkStateLabel, MadeLink, StatusAndError } from '../ui/made-link';
import { formatDate } from '../app/format';
import { t, tRich } from '../i18n';
import { useSession } from '../app/session';
import { useOneAtATime } from '../state/one-at-a-time';
import { errorText } from '../ui/field';
import { expiryFor, shareDurations, shareState, sortShares, type ListedShare } from './share-model';
import './views.css';

/**
 * The Share button of the editor's toolbar and its dialogue: make a read-only link that works for a chosen
 * time, copy it, see the links made before and withdraw them. Only owners and editors may share (the API's
 * rule); for other roles the button is not shown.
 */
export function ShareButton({ ws, journeyId }: { ws: string; journeyId: string }) {
  return (
    <LinkDialogButton ws={ws} label={t('views.share.button')} titleId="share-dialog-title">
      {(close) => <ShareDialogBody ws={ws} journeyId={journeyId} close={close} />}
    </LinkDialogButton>
  );
}

function ShareDialogBody({ ws, journeyId, close }: { ws: string; journeyId: string; close: () => void }) {
  const { api } = useSession();
  const id = useId();
  const [days, setDays] = useState(30);
  const [shares, setShares] = useState<ListedShare[] | null>(null);
  const [made, setMade] = useState<{ url: string; expiresAt: string } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();

  const reload = useCallback(async () => {
    try {
      setShares(((await api.shares(ws, journeyId)).items as ListedShare[]) ?? []);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws, journeyId]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const create = () =>
    run(async () => {
      setError(null);
      try {
        const link = await api.createShare(ws, journeyId, expiryFor(new Date(), days));
        const url = link.url ?? `${window.location.origin}/share/${link.token ?? ''}`;
        setMade({ url, expiresAt: link.expiresAt });
        setStatus(t('views.share.made', { date: formatDate(link.expiresAt) }));
        await reload();
      } catch (e) {
        setError(errorText(e));
      }
    });
  const revoke = async (share: ListedShare) => {
    setError(null);
    try {
      await api.revokeShare(ws, journeyId, share.id);
      setStatus(t('views.share.withdrawn', { date: formatDate(share.createdAt) }));
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const now = new Date();
  return (
    <div className="share-dialog__body">
      <h2 id="share-dialog-title">{t('views.share.title')}</h2>
      <p>{t('views.share.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-days`}>{t('views.share.worksFor')}</label>
        <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {shareDurations.map((d) => (
            <option key={d} value={d}>
              {t(`views.share.duration.${d}`)}
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
        {t('views.share.create')}
      </button>
      {made ? (
        <MadeLink
          id={`${id}-link`}
          label={t('views.share.newLink')}
          url={made.url}
          copiedText={t('views.share.copied')}
          onStatus={setStatus}
        />
      ) : null}
      <StatusAndError status={status} error={error} />
      <h3>{t('views.share.links')}</h3>
      {shares === null ? (
        <p>{t('views.share.loading')}</p>
      ) : shares.length === 0 ? (
        <p>{t('views.share.none')}</p>
      ) : (
        <table className="table share-dialog__table">
          <thead>
            <tr>
              <th scope="col">{t('views.share.column.made')}</th>
              <th scope="col">{t('views.share.column.expires')}</th>
              <th scope="col">{t('views.share.column.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('views.share.column.action')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortShares(shares, now).map((s) => {
              const state = shareState(s, now);
              return (
                <tr key={s.id}>
                  <td>{formatDate(s.createdAt)}</td>
                  <td>{formatDate(s.expiresAt)}</td>
                  <td>{linkStateLabel[state]}</td>
                  <td>
                    {state === 'active' ? (
                      <button type="button" className="link-button" onClick={() => void revoke(s)}>
                        {tRich('views.share.withdraw', {
                          made: formatDate(s.createdAt),
                          expires: formatDate(s.expiresAt),
                          hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                        })}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="button button--secondary share-dialog__close" onClick={close}>
        {t('views.share.close')}
      </button>
    </div>
  );
}
