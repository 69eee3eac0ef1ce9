import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { tokenScopes, type ApiToken, type Role, type TokenScope } from '../api/types';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { TableHead } from '../ui/table-head';
import { RoleField } from './role-field';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { SecretNotice } from '../ui/secret-notice';

const scopeLabels: Record<TokenScope, string> = {
  read: 'Read journeys, comments, event logs and exports',
  'journeys:write': 'Change journeys (edits, comments, business cases), as `waymark push` does',
  import: 'Import files and upload event logs',
};

/** API tokens for scripts and the CLI: what each may do, made and revoked by owners. */
export function TokensPage({ ws }: { ws: string }) {
  useTitle('API tokens');
  const { api } = useSession();
  const role = useRole(ws);
  const [items, setItems] = useState<readonly ApiToken[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ name: string; token: string } | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await api.tokens(ws)).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws]);
  useEffect(() => void load(), [load]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    const scopes = tokenScopes.filter((s) => form.getAll('scopes').includes(s));
    setError(null);
    setMade(null);
    if (scopes.length === 0) return setError('Scopes: choose at least one thing the token may do.');
    try {
      const token = await api.createToken(ws, {
        name: String(form.get('name')).trim(),
        role: String(form.get('role')) as Role,
        scopes,
      });
      setMade({ name: token.name, token: token.token });
      target.reset();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function revoke(id: string) {
    setError(null);
    try {
      await api.revokeToken(ws, id);
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <>
      <p>
        <Link to={{ page: 'home', ws }}>Back to journeys</Link>
      </p>
      <h1>API tokens</h1>
      <p>
        Tokens let scripts and the <code>waymark</code> command read or change this workspace’s journeys. A
        token never manages members, tokens, share links or passwords, and never does more than its role or
        than the owner who made it.
      </p>
      {role !== 'owner' ? <p>Only owners of this workspace can manage API tokens.</p> : null}
      <ErrorSummary message={error} />
      {made ? (
        <SecretNotice label="Token" secret={made.token}>
          The token “{made.name}” was made. Copy it now into the script or tool that needs it: it is not shown
          again.
        </SecretNotice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">API tokens</caption>
        <TableHead columns={['Name', 'Role', 'May', 'Made']} />
        <tbody>
          {items.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.name}</th>
              <td>{t.role}</td>
              <td>{t.scopes.join(', ')}</td>
              <td>{t.createdAt.slice(0, 10)}</td>
              <td>
                {t.revokedAt ? (
                  `Revoked ${t.revokedAt.slice(0, 10)}`
                ) : role === 'owner' ? (
                  <button
                    className="button button--small button--warning"
                    type="button"
                    onClick={() => void revoke(t.id)}
                  >
                    Revoke <span className="visually-hidden">{t.name}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === 'owner' ? (
        <form onSubmit={create} className="panel">
          <h2>Make a token</h2>
          <TextField label="Name" name="name" hint="What uses it, for example ‘Nightly export’." required />
          <RoleField />
          <fieldset className="field">
            <legend>Scopes: what the token may do</legend>
            {tokenScopes.map((s) => (
              <div className="checkbox" key={s}>
                <input
                  id={`scope-${s}`}
                  type="checkbox"
                  name="scopes"
                  value={s}
                  defaultChecked={s !== 'import'}
                />
                <label htmlFor={`scope-${s}`}>{scopeLabels[s]}</label>
              </div>
            ))}
          </fieldset>
          <button className="button" type="submit">
            Make token
          </button>
        </form>
      ) : null}
    </>
  );
}
