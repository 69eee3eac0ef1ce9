import { useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';

/** First run: creates the first administrator, then their first workspace. */
export function SetupPage() {
  useTitle('Set up Waymark');
  const { api, refresh } = useSession();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password'));
    if ([...password].length < 12) {
      setError('Password: use at least 12 characters.');
      return;
    }
    setBusy(true);
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
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="narrow">
      <h1>Set up Waymark</h1>
      <p>
        Nobody has signed in yet. Create the first administrator account; you can invite colleagues
        afterwards.
      </p>
      <ErrorSummary message={error} />
      <form onSubmit={submit}>
        <TextField label="Your name" name="name" autoComplete="name" required />
        <TextField label="Email address" name="email" type="email" autoComplete="username" required />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Three random words together, like ‘tractor lemon chapel’, are long and easy to remember; a password manager can make one for you."
          required
        />
        <TextField
          label="Workspace name"
          name="workspace"
          hint="Usually your team or organisation, for example ‘Melton Borough Council’."
          defaultValue="My team"
          required
        />
        <button className="button" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account and sign in'}
        </button>
      </form>
    </div>
  );
}
