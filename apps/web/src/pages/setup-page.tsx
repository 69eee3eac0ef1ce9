import { useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';

/** First run: creates the first administrator, then their first workspace. */
export function SetupPage() {
  useTitle(t('pages.setup.heading'));
  const { api, refresh } = useSession();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if ([...password].length < 12) {
      setError(t('pages.setup.passwordShort'));
      return;
    }
    void run(async () => {
      setError(null);
      try {
        await api.setup({ email: String(form.get('email')), name: String(form.get('name')), password });
        const session = await refresh();
        const workspace = String(form.get('workspace') ?? '').trim();
        if (session.status === 'signed-in' && session.me.workspaces.length === 0 && workspace !== '') {
          await api.createWorkspace(workspace);
          await refresh();
        }
        navigate({ page: 'start' }, { replace: true });
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  return (
    <div className="narrow">
      <h1>{t('pages.setup.heading')}</h1>
      <p>{t('pages.setup.intro')}</p>
      <ErrorSummary message={error} />
      <form onSubmit={submit}>
        <TextField label={t('pages.setup.name')} name="name" autoComplete="name" required />
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
          autoComplete="new-password"
          hint={t('pages.setup.passwordHint')}
          required
        />
        <TextField
          label={t('pages.setup.workspace')}
          name="workspace"
          hint={t('pages.setup.workspaceHint')}
          defaultValue={t('pages.setup.workspaceDefault')}
          required
        />
        <button className="button" type="submit" aria-disabled={busy || undefined}>
          {busy ? t('pages.setup.busy') : t('pages.setup.submit')}
        </button>
      </form>
    </div>
  );
}
