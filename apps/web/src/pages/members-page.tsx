import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roles, type Member, type Role } from '../api/types';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { TableHead } from '../ui/table-head';
import { RoleField } from './role-field';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { SecretNotice, untilText } from '../ui/secret-notice';

export function MembersPage({ ws }: { ws: string }) {
  useTitle('Members and roles');
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
          text: `${email} was added. Give them this one-time password now, in person or by phone: it is not shown again. It works once, until ${untilText(added.oneTimePasswordExpiresAt)}; Waymark then asks them to choose their own password.`,
          password: added.oneTimePassword,
        });
      else setNotice(`${email} was added.`);
      target.reset();
    });
  }
  function resetPassword(m: Member) {
    const sure = window.confirm(
      `Reset the password of ${m.name}? Their current password stops working and they are signed out; you get a one-time password to give them.`,
    );
    if (!sure) return;
    void act(async () => {
      const reset = await api.resetPassword(ws, m.userId);
      setSecret({
        text: `${m.name}’s password was reset and they were signed out. Give them this one-time password now, in person or by phone: it is not shown again. It works once, until ${untilText(reset.oneTimePasswordExpiresAt)}.`,
        password: reset.oneTimePassword,
      });
    });
  }
  const me = session.status === 'signed-in' ? session.me.user.id : '';
  return (
    <>
      <p>
        <Link to={{ page: 'home', ws }}>Back to journeys</Link>
      </p>
      <h1>Members and roles</h1>
      {role !== 'owner' ? <p>Only owners of this workspace can manage members.</p> : null}
      <ErrorSummary message={error} />
      {notice ? (
        <div className="notice" role="status">
          {notice}
        </div>
      ) : null}
      {secret ? (
        <SecretNotice label="One-time password" secret={secret.password}>
          {secret.text}
        </SecretNotice>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">Members</caption>
        <TableHead columns={['Name', 'Email', 'Role']} />
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.userId}`}
                  value={m.role}
                  disabled={role !== 'owner' || m.userId === me}
                  onChange={(e) => act(() => api.setRole(ws, m.userId, e.target.value as Role))}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {role === 'owner' && m.userId !== me ? (
                  <>
                    <button className="button button--small" type="button" onClick={() => resetPassword(m)}>
                      Reset password <span className="visually-hidden">of {m.name}</span>
                    </button>{' '}
                    <button
                      className="button button--small button--warning"
                      type="button"
                      onClick={() => act(() => api.removeMember(ws, m.userId))}
                    >
                      Remove <span className="visually-hidden">{m.name}</span>
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
          <h2>Add a member</h2>
          <TextField label="Email address" name="email" type="email" required />
          <RoleField />
          <button className="button" type="submit">
            Add member
          </button>
        </form>
      ) : null}
    </>
  );
}
