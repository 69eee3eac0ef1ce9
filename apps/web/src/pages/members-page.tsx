import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roles, type Member, type Role } from '../api/types';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { TableHead } from '../ui/table-head';
import { RoleField } from './role-field';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { SecretNotice, untilText } from '../ui/secret-notice';
import { t } from '../i18n';

export function MembersPage({ ws }: { ws: string }) {
  useTitle(t('pages.members.heading'));
  const { api, session } = useSession();
  const role = useRole(ws);
  const [members, setMembers] = useState<readonly Member[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** A one-time password just issued: shown once, with whose it is. */
  const [secret, setSecret] = useState<{ text: string; password: string } | null>(null);
  const load = useCallback(async () => {
    try {
      setMembers((await api.members(ws)).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws]);
  useEffect(() => void load(), [load]);

  async function act(action: () => Promise<unknown>) {
    setError(null);
    setNotice(null);
    setSecret(null);
    try {
      await action();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email')).trim();
    const target = event.currentTarget;
    await act(async () => {
      const added = await api.addMember(ws, { email, role: String(form.get('role')) as Role });
      if (added.oneTimePassword && added.oneTimePasswordExpiresAt)
        setSecret({
          text: t('pages.members.addedWithPassword', {
            email,
            until: untilText(added.oneTimePasswordExpiresAt),
          }),
          password: added.oneTimePassword,
        });
      else setNotice(t('pages.members.added', { email }));
      target.reset();
    });
  }
  function resetPassword(m: Member) {
    const sure = window.confirm(t('pages.members.resetSure', { name: m.name }));
    if (!sure) return;
    void act(async () => {
      const reset = await api.resetPassword(ws, m.userId);
      setSecret({
        text: t('pages.members.resetDone', {
          name: m.name,
          until: untilText(reset.oneTimePasswordExpiresAt),
        }),
        password: reset.oneTimePassword,
      });
    });
  }
  const me = session.status === 'signed-in' ? session.me.user.id : '';
  return (
    <>
      <p>
        <Link to={{ page: 'home', ws }}>{t('pages.backToJourneys')}</Link>
      </p>
      <h1>{t('pages.members.heading')}</h1>
      {role !== 'owner' ? <p>{t('pages.members.ownersOnly')}</p> : null}
      <ErrorSummary message={error} />
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      {secret ? (
        <SecretNotice label={t('pages.members.oneTimePassword')} secret={secret.password}>
          {secret.text}
        </SecretNotice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('pages.members.caption')}</caption>
        <TableHead columns={[t('pages.members.name'), t('pages.members.email'), t('pages.role')]} />
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                  {t('pages.members.roleOf', { name: m.name })}
                </label>
                <select
                  id={`role-${m.userId}`}
                  value={m.role}
                  disabled={role !== 'owner' || m.userId === me}
                  onChange={(e) => act(() => api.setRole(ws, m.userId, e.target.value as Role))}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`model.role.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {role === 'owner' && m.userId !== me ? (
                  <>
                    <button className="button button--small" type="button" onClick={() => resetPassword(m)}>
                      {t('pages.members.reset')}{' '}
                      <span className="visually-hidden">{t('pages.members.ofName', { name: m.name })}</span>
                    </button>{' '}
                    <button
                      className="button button--small button--warning"
                      type="button"
                      onClick={() => act(() => api.removeMember(ws, m.userId))}
                    >
                      {t('common.remove')} <span className="visually-hidden">{m.name}</span>
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {role === 'owner' ? (
        <form onSubmit={add} className="panel">
          <h2>{t('pages.members.addHeading')}</h2>
          <TextField label={t('pages.emailAddress')} name="email" type="email" required />
          <RoleField />
          <button className="button" type="submit">
            {t('pages.members.add')}
          </button>
        </form>
      ) : null}
    </>
  );
}
