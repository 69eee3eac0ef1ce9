import { useEffect, useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';

/** After sign-in: open the first workspace, or create one when the user has none. */
export function StartPage() {
  useTitle('Your workspaces');
  const { api, session, refresh } = useSession();
  const { navigate } = useRouter();
  const [error, setError] = useState<string | null>(null);
  const workspaces = session.status === 'signed-in' ? session.me.workspaces : [];
  const first = workspaces[0];
  useEffect(() => {
    if (workspaces.length === 1 && first) navigate({ page: 'home', ws: first.id }, { replace: true });
  }, [workspaces.length, first, navigate]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name')).trim();
    if (name === '') return setError('Workspace name: enter a name, for example your team.');
    try {
      const created = await api.createWorkspace(name);
      await refresh();
      navigate({ page: 'home', ws: created.id });
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <div className="narrow">
      <h1>Your workspaces</h1>
      {workspaces.length > 0 ? (
        <ul className="list">
          {workspaces.map((w) => (
            <li key={w.id}>
              <a
                href={`/w/${encodeURIComponent(w.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ page: 'home', ws: w.id });
                }}
              >
                {w.name}
              </a>{' '}
              <span className="hint">({w.role})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>You are not in a workspace yet. Create one for your team, or ask an owner to add you.</p>
      )}
      <ErrorSummary message={error} />
      <form onSubmit={create}>
        <TextField label="New workspace name" name="name" />
        <button className="button button--secondary" type="submit">
          Create workspace
        </button>
      </form>
    </div>
  );
}
