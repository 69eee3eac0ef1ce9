import { useEffect, useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import type { GuestInvite } from './guest-types';
import { untilText } from './guest-time';
import './guests.css';

const roleWords = {
  editor: 'add and change cards, and comment',
  commenter: 'read the map and comment on it',
} as const;

/** /join/<token>: a guest from another organisation gives their name and joins the map of a workshop link. */
export function JoinPage({ token }: { token: string }) {
  const { api } = useSession();
  const { navigate } = useRouter();
  const [invite, setInvite] = useState<GuestInvite | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle('Join a workshop');

  useEffect(() => {
    api
      .guestInvite(token)
      .then(setInvite)
      .catch((e: unknown) => setProblem(errorText(e)));
  }, [api, token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError('Enter your name, so others in the workshop know who made each change');
      return;
    }
    setNameError(null);
    setBusy(true);
    try {
      await api.joinAsGuest(token, {
        name: name.trim(),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
      });
      navigate({ page: 'guest' }, { replace: true, search: '?live' });
    } catch (e) {
      setProblem(errorText(e));
      setBusy(false);
    }
  };

  if (problem && !invite) return <Ended title="This workshop link does not work" message={problem} />;
  if (!invite)
    return (
      <p role="status" className="narrow">
        Loading…
      </p>
    );
  if (invite.state !== 'active')
    return (
      <Ended
        title={
          invite.state === 'expired' ? 'This workshop link has expired' : 'This workshop link was withdrawn'
        }
        message={invite.message ?? ''}
      />
    );
  return (
    <div className="narrow guest-join">
      <h1>Join the workshop</h1>
      <p>
        {invite.invitedBy} has invited you to work on the journey map <strong>{invite.title}</strong>. You can{' '}
        {roleWords[invite.role]} until {untilText(invite.expiresAt, new Date())}. You do not need an account.
      </p>
      <ErrorSummary message={problem} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label="Your name"
          hint="Others in the workshop see it beside your changes and comments."
          autoComplete="name"
          maxLength={80}
          value={name}
          error={nameError}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Your organisation (optional)"
          autoComplete="organization"
          maxLength={120}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        <p className="hint">
          What you do on the map is recorded with your name. You will see this map only, not the rest of the
          workspace.
        </p>
        <button type="submit" className="button" disabled={busy}>
          Join the workshop
        </button>
      </form>
    </div>
  );
}

/** The plain page of a link or guest session that no longer works: what happened and whom to ask. */
export function Ended({ title, message }: { title: string; message: string }) {
  useTitle(title);
  return (
    <div className="narrow guest-ended">
      <h1>{title}</h1>
      <p>{message}</p>
    </div>
  );
}
