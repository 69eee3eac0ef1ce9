import { useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { t } from '../i18n';
import { SingleSignOn, ssoRefusal } from './single-sign-on';
import { SignedOutNotice } from '../sso-admin/signed-out';

export function SignInPage() {
  useTitle(t('pages.signIn.title'));
  const { api, refresh } = useSession();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(() => ssoRefusal(window.location.search));
  const { busy, run } = useOneAtATime();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void run(async () => {
      setError(null);
      try {
        await api.signIn({ email: String(form.get('email')), password: String(form.get('password')) });
        await refresh();
        navigate({ page: 'start' }, { replace: true });
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  return (
    <div className="narrow">
      <h1>{t('pages.signIn.heading')}</h1>
      <SignedOutNotice />
      <ErrorSummary message={error} />
      <SingleSignOn />
      <form onSubmit={submit} noValidate={false}>
        <TextField
          label={t('pages.emailAddress')}
          name="email"
          type="email"
          autoComplete="username"
          required
        />
        <TextField
          label={t('pages.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button className="button" type="submit" aria-disabled={busy || undefined}>
          {busy ? t('pages.signIn.busy') : t('pages.signIn.submit')}
        </button>
      </form>
    </div>
  );
}
