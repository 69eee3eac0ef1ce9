import { useEffect, useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import type { GuestInvite } from './guest-types';
import { untilText } from './guest-time';
import './guests.css';
import { t, tRich } from '../i18n';

/** /join/<token>: a guest from another organisation gives their name and joins the map of a workshop link. */
export function JoinPage({ token }: { token: string }) {
  const { api } = useSession();
  const { navigate } = useRouter();
  const [invite, setInvite] = useState<GuestInvite | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();
  useTitle(t('guests.join.title'));

  useEffect(() => {
    api
      .guestInvite(token)
      .then(setInvite)
      .catch((e: unknown) => setProblem(errorText(e)));
  }, [api, token]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setNameError(t('guests.join.nameMissing'));
      return;
    }
    setNameError(null);
    void run(async () => {
      try {
        await api.joinAsGuest(token, {
          name: name.trim(),
          ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        });
        navigate({ page: 'guest' }, { replace: true, search: '?live' });
      } catch (e) {
        setProblem(errorText(e));
      }
    });
  };

  if (problem && !invite) return <Ended title={t('guests.join.broken')} message={problem} />;
  if (!invite)
    return (
      <p role="status" className="narrow">
        {t('common.loading')}
      </p>
    );
  if (invite.state !== 'active')
    return (
      <Ended
        title={invite.state === 'expired' ? t('guests.join.expired') : t('guests.join.withdrawn')}
        message={invite.message ?? ''}
      />
    );
  return (
    <div className="narrow guest-join">
      <h1>{t('guests.join.heading')}</h1>
      <p>
        {tRich('guests.join.invited', {
          invitedBy: invite.invitedBy,
          role: invite.role,
          until: untilText(invite.expiresAt, new Date()),
          title: invite.title,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <ErrorSummary message={problem} />
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('guests.join.name')}
          hint={t('guests.join.nameHint')}
          autoComplete="name"
          maxLength={80}
          value={name}
          error={nameError}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('guests.join.organisation')}
          autoComplete="organization"
          maxLength={120}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        <p className="hint">{t('guests.join.recorded')}</p>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {t('guests.join.submit')}
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
