import { useEffect, useState, type FormEvent } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { t } from '../i18n';

/** After sign-in: open the first workspace, or create one when the user has none. */
export function StartPage() {
  useTitle(t('pages.start.heading'));
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
    if (name === '') return setError(t('pages.start.nameMissing'));
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
      <h1>{t('pages.start.heading')}</h1>
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
              <span className="hint">({t(`model.role.${w.role}`)})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('pages.start.none')}</p>
      )}
      <ErrorSummary message={error} />
      <form onSubmit={create}>
        <TextField label={t('pages.start.newName')} name="name" />
        <button className="button button--secondary" type="submit">
          {t('pages.start.create')}
        </button>
      </form>
    </div>
  );
}
