import { useCallback, useEffect, useId, useState } from 'react';
import { LinkDialogButton, linkStateLabel, MadeLink, StatusAndError } from '../ui/made-link';
import { formatDateTime } from '../app/format';
import { useSession } from '../app/session';
import { errorText } from '../ui/field';
import type { GuestRole, ListedGuest, ListedGuestLink } from './guest-types';
import { untilText } from './guest-time';
import './guests.css';

/** How long a new link works: the API allows an hour to 7 days. */
const durations = [
  { value: 'tomorrow', label: 'Until the end of tomorrow' },
  { value: '2', label: '2 hours' },
  { value: '4', label: '4 hours' },
  { value: '8', label: '8 hours' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
] as const;

/**
 * "Invite guests" in the editor's toolbar (decision 0015): make a workshop link for people from other
 * organisations, copy it, see who joined and remove anyone at once. Owners and editors only.
 */
export function InviteGuestsButton({ ws, journeyId }: { ws: string; journeyId: string }) {
  return (
    <LinkDialogButton ws={ws} label="Invite guests" titleId="invite-guests-title">
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
  const [busy, setBusy] = useState(false);

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

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const hours = duration === 'tomorrow' ? null : Number(duration);
      const link = await api.createGuestLink(ws, journeyId, {
        role,
        ...(hours ? { expiresAt: new Date(Date.now() + hours * 3_600_000).toISOString() } : {}),
      });
      setMade({ url: link.url, expiresAt: link.link.expiresAt });
      setStatus(
        `Link made. Guests can join until ${untilText(link.link.expiresAt, new Date())}. Copy it now: it is shown only once.`,
      );
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (guest: ListedGuest) => {
    setError(null);
    try {
      await api.removeGuest(ws, journeyId, guest.id);
      setStatus(`${guest.name} was removed from this map. They can no longer see or change it.`);
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const withdraw = async (link: ListedGuestLink) => {
    setError(null);
    try {
      await api.revokeGuestLink(ws, journeyId, link.id);
      setStatus(`The link made ${formatDateTime(link.createdAt)} is withdrawn: its guests are out at once.`);
      await reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const guests = (links ?? []).flatMap((l) => l.guests.map((g) => ({ guest: g, link: l })));
  return (
    <div className="share-dialog__body">
      <h2 id="invite-guests-title">Invite guests to this map</h2>
      <p>
        People from other organisations can join this map without an account, by a link, until it expires.
        They give their name; they see this map only, and what they do is recorded with their name.
      </p>
      <div className="field">
        <label htmlFor={`${id}-role`}>Guests can</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as GuestRole)}>
          <option value="editor">Edit the map and comment</option>
          <option value="commenter">Comment only</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-duration`}>The link works for</label>
        <select id={`${id}-duration`} value={duration} onChange={(e) => setDuration(e.target.value)}>
          {durations.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => void create()} disabled={busy}>
        Create guest link
      </button>
      {made ? (
        <MadeLink
          id={`${id}-link`}
          label="Guest link (shown only now)"
          url={made.url}
          copiedText="Link copied. Paste it into an email or a chat to the people you are inviting."
          onStatus={setStatus}
        />
      ) : null}
      <StatusAndError status={status} error={error} />
      <h3>Guests who joined</h3>
      {links === null ? (
        <p>Loading…</p>
      ) : guests.length === 0 ? (
        <p>Nobody has joined yet.</p>
      ) : (
        <table className="table invite-guests__table">
          <thead>
            <tr>
              <th scope="col">Guest</th>
              <th scope="col">Joined</th>
              <th scope="col">Last seen</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {guests.map(({ guest }) => (
              <tr key={guest.id}>
                <td>
                  {guest.name}
                  {guest.organisation ? `, ${guest.organisation}` : ''}
                  <br />
                  {guest.removedAt ? (
                    guest.left ? (
                      'Left'
                    ) : (
                      'Removed'
                    )
                  ) : guest.here ? (
                    <span className="invite-guests__here">Here now</span>
                  ) : (
                    'Not here'
                  )}
                </td>
                <td>{formatDateTime(guest.joinedAt)}</td>
                <td>{formatDateTime(guest.lastSeenAt)}</td>
                <td>
                  {guest.removedAt ? null : (
                    <button type="button" className="link-button" onClick={() => void remove(guest)}>
                      Remove<span className="visually-hidden">{` ${guest.name}`}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Guest links</h3>
      {links === null ? null : links.length === 0 ? (
        <p>No guest links yet.</p>
      ) : (
        <table className="table invite-guests__table">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Guests can</th>
              <th scope="col">Until</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id}>
                <td>
                  {formatDateTime(l.createdAt)} by {l.createdBy.name}
                </td>
                <td>{l.role === 'editor' ? 'Edit' : 'Comment'}</td>
                <td>{formatDateTime(l.expiresAt)}</td>
                <td>{linkStateLabel[l.state]}</td>
                <td>
                  {l.state === 'active' ? (
                    <button type="button" className="link-button" onClick={() => void withdraw(l)}>
                      Withdraw
                      <span className="visually-hidden">{` the link made ${formatDateTime(l.createdAt)}`}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button button--secondary share-dialog__close" onClick={close}>
        Close
      </button>
    </div>
  );
}
