import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { tokenScopes, type ApiToken, type Role, type TokenScope } from '../api/types';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { TableHead } from '../ui/table-head';
import { RoleField } from './role-field';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { SecretNotice } from '../ui/secret-notice';
import { formatDateIn, formatDateTimeIn, t, tRich } from '../i18n';
import { SelectField } from '../ui/field';

/** How long a new token lives, in days ('never': no expiry). */
const expiryChoices = ['7', '30', '90', '365', 'never'] as const;
const expiryLabel = (choice: (typeof expiryChoices)[number]) =>
  t(`admin.tokens.expiry.${choice}` as 'admin.tokens.expiry.7');

const scopeLabels: Record<TokenScope, () => string> = {
  read: () => t('pages.tokens.scope.read'),
  'journeys:write': () => t('pages.tokens.scope.write'),
  import: () => t('pages.tokens.scope.import'),
};

/** API tokens for scripts and the CLI: what each may do, made and revoked by owners. */
export function TokensPage({ ws }: { ws: string }) {
  useTitle(t('pages.tokens.heading'));
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
    if (scopes.length === 0) return setError(t('pages.tokens.noScopes'));
    const days = String(form.get('expiry') ?? 'never');
    const expiresAt =
      days === 'never' ? undefined : new Date(Date.now() + Number(days) * 86_400_000).toISOString();
    try {
      const token = await api.createToken(ws, {
        name: String(form.get('name')).trim(),
        role: String(form.get('role')) as Role,
        scopes,
        ...(expiresAt ? { expiresAt } : {}),
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
        <Link to={{ page: 'home', ws }}>{t('pages.backToJourneys')}</Link>
      </p>
      <h1>{t('pages.tokens.heading')}</h1>
      {role === 'owner' ? (
        <p>
          <Link to={{ page: 'audit', ws }}>{t('admin.nav.audit')}</Link>
        </p>
      ) : null}
      <p>{tRich('pages.tokens.intro', { code: (chunks) => <code>{chunks}</code> })}</p>
      {role !== 'owner' ? <p>{t('pages.tokens.ownersOnly')}</p> : null}
      <ErrorSummary message={error} />
      {made ? (
        <SecretNotice label={t('pages.tokens.token')} secret={made.token}>
          {t('pages.tokens.made', { name: made.name })}
        </SecretNotice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('pages.tokens.heading')}</caption>
        <TableHead
          columns={[
            t('pages.tokens.name'),
            t('pages.role'),
            t('pages.tokens.may'),
            t('pages.tokens.madeOn'),
            t('admin.tokens.expiry'),
            t('admin.tokens.lastUsed'),
            t('admin.tokens.status'),
          ]}
        />
        <tbody>
          {items.map((token) => (
            <tr key={token.id}>
              <th scope="row">{token.name}</th>
              <td>{t(`model.role.${token.role}`)}</td>
              <td>{token.scopes.join(', ')}</td>
              <td>{formatDateIn(token.createdAt)}</td>
              <td>
                {!token.expiresAt
                  ? t('admin.tokens.neverExpires')
                  : Date.parse(token.expiresAt) <= Date.now()
                    ? t('admin.tokens.expiredOn', { date: formatDateIn(token.expiresAt) })
                    : formatDateIn(token.expiresAt)}
              </td>
              <td>{token.lastUsedAt ? formatDateTimeIn(token.lastUsedAt) : t('admin.tokens.neverUsed')}</td>
              <td>
                {token.revokedAt ? (
                  t('pages.tokens.revokedOn', { date: formatDateIn(token.revokedAt) })
                ) : role === 'owner' ? (
                  <button
                    className="button button--small button--warning"
                    type="button"
                    onClick={() => void revoke(token.id)}
                  >
                    {t('pages.tokens.revoke')} <span className="visually-hidden">{token.name}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === 'owner' ? (
        <form onSubmit={create} className="panel">
          <h2>{t('pages.tokens.makeHeading')}</h2>
          <TextField label={t('pages.tokens.name')} name="name" hint={t('pages.tokens.nameHint')} required />
          <RoleField />
          <SelectField label={t('admin.tokens.expiry')} name="expiry" defaultValue="90">
            {expiryChoices.map((c) => (
              <option key={c} value={c}>
                {expiryLabel(c)}
              </option>
            ))}
          </SelectField>
          <p className="hint">{t('admin.tokens.expiryHint')}</p>
          <fieldset className="field">
            <legend>{t('pages.tokens.scopes')}</legend>
            {tokenScopes.map((s) => (
              <div className="checkbox" key={s}>
                <input
                  id={`scope-${s}`}
                  type="checkbox"
                  name="scopes"
                  value={s}
                  defaultChecked={s !== 'import'}
                />
                <label htmlFor={`scope-${s}`}>{scopeLabels[s]()}</label>
              </div>
            ))}
          </fieldset>
          <button className="button" type="submit">
            {t('pages.tokens.make')}
          </button>
        </form>
      ) : null}
    </>
  );
}
