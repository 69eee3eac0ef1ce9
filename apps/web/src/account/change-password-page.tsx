import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { unknownErrorWords } from '../api/error-words';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, TextField } from '../ui/field';

const MIN_PASSWORD = 12;

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Change your own password; `forced` right after signing in with a one-time password, when nothing else
 * works until the person chooses their own (no current password asked: they have just typed it).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  const heading = forced ? t('account.chooseHeading') : t('account.changeHeading');
  useTitle(heading);
  const { api, session, refresh, signOut } = useSession();
  const email = session.status === 'signed-in' ? session.me.user.email : '';
  const { navigate } = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const { busy, run } = useOneAtATime();

  function fail(field: Field | null, message: string) {
    setErrors(field ? { [field]: message } : {});
    setSummary(message);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    if (!forced && currentPassword === '') return fail('currentPassword', t('account.currentMissing'));
    if ([...newPassword].length < MIN_PASSWORD)
      return fail('newPassword', t('account.tooShort', { min: MIN_PASSWORD }));
    if (newPassword !== String(form.get('confirm') ?? '')) return fail('confirm', t('account.notSame'));
    void run(async () => {
      try {
        await api.changePassword(forced ? { newPassword } : { currentPassword, newPassword });
        setErrors({});
        setSummary(null);
        setDone(true);
        await refresh();
        if (forced) navigate({ page: 'start' }, { replace: true });
      } catch (e) {
        const path = e instanceof ApiError ? e.path : null;
        fail(path === 'currentPassword' || path === 'newPassword' ? path : null, unknownErrorWords(e));
      }
    });
  }

  return (
    <div className="narrow">
      <h1>{heading}</h1>
      <p>{forced ? t('account.chooseIntro') : t('account.changeIntro')}</p>
      <ErrorSummary message={summary} />
      {done && !forced ? (
        <div className="notice" role="status">
          {t('account.changed')}
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
        {forced ? null : (
          <TextField
            label={t('account.currentPassword')}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword ?? null}
            required
          />
        )}
        <TextField
          label={t('account.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t('account.passwordHint', { min: MIN_PASSWORD })}
          error={errors.newPassword ?? null}
          required
        />
        <TextField
          label={t('account.confirmPassword')}
          name="confirm"
          type="password"
          autoComplete="new-password"
          error={errors.confirm ?? null}
          required
        />
        <button className="button" type="submit" aria-disabled={busy || undefined}>
          {busy ? t('account.saving') : forced ? t('account.saveAndContinue') : t('account.change')}
        </button>
        {forced ? (
          <button className="link-button" type="button" onClick={() => void signOut()}>
            {t('account.signOutInstead')}
          </button>
        ) : null}
      </form>
    </div>
  );
}
