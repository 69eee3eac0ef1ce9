import { useCallback, useEffect, useId, useState } from 'react';
import { LinkDialogButton, linkStateLabel, MadeLink, StatusAndError } from '../ui/made-link';
import { formatDate } from '../app/format';
import { useSession } from '../app/session';
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
    <LinkDialogButton ws={ws} label="Share" titleId="share-dialog-title">
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
  const [busy, setBusy] = useState(false);

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

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await api.createShare(ws, journeyId, expiryFor(new Date(), days));
      const url = link.url ?? `${window.location.origin}/share/${link.token ?? ''}`;
      setMade({ url, expiresAt: link.expiresAt });
      setStatus(
        `Link made. It works until ${formatDate(link.expiresAt)}. Copy it now: it is shown only once.`,
      );
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (share: ListedShare) => {
    setError(null);
    try {
      await api.revokeShare(ws, journeyId, share.id);
      setStatus(`The link made ${formatDate(share.createdAt)} is withdrawn: it stopped working at once.`);
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const now = new Date();
  return (
    <div className="share-dialog__body">
      <h2 id="share-dialog-title">Share a read-only link</h2>
      <p>
        Anyone with the link can see this journey — its poster and steps — without signing in, until it
        expires or you withdraw it. They cannot change it or see anything else in the workspace.
      </p>
      <div className="field">
        <label htmlFor={`${id}-days`}>The link works for</label>
        <select id={`${id}-days`} value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {shareDurations.map((d) => (
            <option key={d.days} value={d.days}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => void create()} disabled={busy}>
        Create link
      </button>
      {made ? (
        <MadeLink
          id={`${id}-link`}
          label="New link (shown only now)"
          url={made.url}
          copiedText="Link copied. Paste it into an email or a chat."
          onStatus={setStatus}
        />
      ) : null}
      <StatusAndError status={status} error={error} />
      <h3>Links to this journey</h3>
      {shares === null ? (
        <p>Loading…</p>
      ) : shares.length === 0 ? (
        <p>No links yet.</p>
      ) : (
        <table className="table share-dialog__table">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
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
                        Withdraw
                        <span className="visually-hidden">
                          {` the link made ${formatDate(s.createdAt)}, expiring ${formatDate(s.expiresAt)}`}
                        </span>
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
        Close
      </button>
    </div>
  );
}
