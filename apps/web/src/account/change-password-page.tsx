import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';

const MIN_PASSWORD = 12;
const HINT =
  'At least 12 characters. Three random words together, like ‘tractor lemon chapel’, are long and easy to remember. Do not use your name, your email address or the word Waymark.';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/**
 * Change your own password; `forced` right after signing in with a one-time password, when nothing else
 * works until the person chooses their own (no current password asked: they have just typed it).
 */
export function ChangePasswordPage({ forced = false }: { forced?: boolean }) {
  useTitle(forced ? 'Choose your own password' : 'Change your password');
  const { api, session, refresh, signOut } = useSession();
  const email = session.status === 'signed-in' ? session.me.user.email : '';
  const { navigate } = useRouter();
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  function fail(field: Field | null, message: string) {
    setErrors(field ? { [field]: message } : {});
    setSummary(message);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    if (!forced && currentPassword === '') return fail('currentPassword', 'Type your current password.');
    if ([...newPassword].length < MIN_PASSWORD)
      return fail('newPassword', `Use at least ${MIN_PASSWORD} characters for your new password.`);
    if (newPassword !== String(form.get('confirm') ?? ''))
      return fail('confirm', 'The two new passwords are not the same. Type the new password again.');
    setBusy(true);
    try {
      await api.changePassword(forced ? { newPassword } : { currentPassword, newPassword });
      setErrors({});
      setSummary(null);
      setDone(true);
      await refresh();
      if (forced) navigate({ page: 'start' }, { replace: true });
    } catch (e) {
      const path = e instanceof ApiError ? e.path : null;
      fail(path === 'currentPassword' || path === 'newPassword' ? path : null, errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <h1>{forced ? 'Choose your own password' : 'Change your password'}</h1>
      {forced ? (
        <p>
          You signed in with a one-time password. Choose a password of your own to carry on: only you will
          know it.
        </p>
      ) : (
        <p>Changing your password signs you out of Waymark on every other computer and browser.</p>
      )}
      <ErrorSummary message={summary} />
      {done && !forced ? (
        <div className="notice" role="status">
          Your password has been changed. You have been signed out everywhere else.
        </div>
      ) : null}
      <form onSubmit={submit} noValidate>
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
        {forced ? null : (
          <TextField
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword ?? null}
            required
          />
        )}
        <TextField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={HINT}
          error={errors.newPassword ?? null}
          required
        />
        <TextField
          label="Type the new password again"
          name="confirm"
          type="password"
          autoComplete="new-password"
          error={errors.confirm ?? null}
          required
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Saving…' : forced ? 'Save my password and continue' : 'Change password'}
        </button>
        {forced ? (
          <button className="link-button" type="button" onClick={() => void signOut()}>
            Sign out instead
          </button>
        ) : null}
      </form>
    </div>
  );
}
