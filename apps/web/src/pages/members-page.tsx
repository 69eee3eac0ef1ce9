import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { roles, type Member, type Role } from '../api/types';
import { roleLabels } from '../app/format';
import { Link } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';

export function MembersPage({ ws }: { ws: string }) {
  useTitle('Members and roles');
  const { api, session } = useSession();
  const role = useRole(ws);
  const [members, setMembers] = useState<readonly Member[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
      const password = added.oneTimePassword ?? added.password;
      setNotice(
        password
          ? `${email} was added. Their one-time password is ${password} — give it to them now; it is not shown again.`
          : `${email} was added.`,
      );
      target.reset();
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
      <table className="table">
        <caption className="visually-hidden">Members</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td>{m.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.id}`}
                  value={m.role}
                  disabled={role !== 'owner' || m.id === me}
                  onChange={(e) => act(() => api.setRole(ws, m.id, e.target.value as Role))}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {role === 'owner' && m.id !== me ? (
                  <button
                    className="button button--small button--warning"
                    type="button"
                    onClick={() => act(() => api.removeMember(ws, m.id))}
                  >
                    Remove <span className="visually-hidden">{m.name}</span>
                  </button>
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
          <SelectField label="Role" name="role" defaultValue="editor">
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </SelectField>
          <button className="button" type="submit">
            Add member
          </button>
        </form>
      ) : null}
    </>
  );
}
