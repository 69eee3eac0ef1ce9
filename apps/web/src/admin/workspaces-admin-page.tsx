import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateIn, t } from '../i18n';
import { ErrorSummary, TextField, errorText } from '../ui/field';
import { TableHead } from '../ui/table-head';
import { adminApi, type AdminWorkspace } from './admin-api';

/** Instance administrators create, rename, archive and bring back workspaces (decision 0025). */
export function WorkspacesAdminPage() {
  useTitle(t('admin.workspaces.heading'));
  const { session, refresh } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  const api = adminApi(me?.csrfToken ?? '');
  const [items, setItems] = useState<readonly AdminWorkspace[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const allowed = me !== null && (me as { instanceAdmin?: boolean }).instanceAdmin === true;
  const csrf = me?.csrfToken ?? '';
  const load = useCallback(async () => {
    try {
      setItems((await adminApi(csrf).workspaces()).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [csrf]);
  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  async function act(work: () => Promise<string>) {
    setError(null);
    setNotice(null);
    try {
      setNotice(await work());
      await load();
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  }
  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const ownerEmail = String(form.get('ownerEmail') ?? '').trim();
    void act(async () => {
      const made = await api.createWorkspace({
        name: String(form.get('name')).trim(),
        ...(ownerEmail ? { ownerEmail } : {}),
      });
      target.reset();
      return t('admin.workspaces.created.notice', { name: made.name });
    });
  }
  function rename(event: FormEvent<HTMLFormElement>, id: string) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name')).trim();
    void act(async () => {
      const changed = await api.changeWorkspace(id, { name });
      setRenaming(null);
      return t('admin.workspaces.renamed.notice', { name: changed.name });
    });
  }
  const archive = (w: AdminWorkspace, archived: boolean) =>
    void act(async () => {
      await api.changeWorkspace(w.id, { archived });
      return t(archived ? 'admin.workspaces.archived.notice' : 'admin.workspaces.unarchived.notice', {
        name: w.name,
      });
    });

  if (!allowed)
    return (
      <div className="narrow">
        <h1>{t('admin.workspaces.heading')}</h1>
        <p>{t('admin.workspaces.notAdmin')}</p>
      </div>
    );
  return (
    <>
      <h1>{t('admin.workspaces.heading')}</h1>
      <p>{t('admin.workspaces.intro')}</p>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('admin.workspaces.heading')}</caption>
        <TableHead
          columns={[
            t('admin.workspaces.name'),
            t('admin.workspaces.members'),
            t('admin.workspaces.created'),
            t('admin.workspaces.status'),
            t('admin.workspaces.actions'),
          ]}
        />
        <tbody>
          {items.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                {renaming === w.id ? (
                  <form className="inline-form" onSubmit={(e) => rename(e, w.id)}>
                    <TextField
                      label={t('admin.workspaces.newName', { name: w.name })}
                      name="name"
                      defaultValue={w.name}
                      required
                      autoFocus
                    />
                    <button className="button button--small" type="submit">
                      {t('admin.workspaces.saveName')}
                    </button>{' '}
                    <button
                      className="button button--small button--secondary"
                      type="button"
                      onClick={() => setRenaming(null)}
                    >
                      {t('admin.workspaces.cancel')}
                    </button>
                  </form>
                ) : (
                  w.name
                )}
              </th>
              <td>{w.memberCount ?? ''}</td>
              <td>{formatDateIn(w.createdAt)}</td>
              <td>
                {w.archivedAt
                  ? t('admin.workspaces.archivedOn', { date: formatDateIn(w.archivedAt) })
                  : t('admin.workspaces.active')}
              </td>
              <td>
                {renaming === w.id ? null : (
                  <button
                    className="button button--small button--secondary"
                    type="button"
                    onClick={() => setRenaming(w.id)}
                  >
                    {t('admin.workspaces.rename')} <span className="visually-hidden">{w.name}</span>
                  </button>
                )}{' '}
                <button
                  className={`button button--small${w.archivedAt ? ' button--secondary' : ' button--warning'}`}
                  type="button"
                  onClick={() => archive(w, w.archivedAt === null)}
                >
                  {w.archivedAt ? t('admin.workspaces.unarchive') : t('admin.workspaces.archive')}{' '}
                  <span className="visually-hidden">{w.name}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={create} className="panel">
        <h2>{t('admin.workspaces.createHeading')}</h2>
        <TextField label={t('admin.workspaces.name')} name="name" required />
        <TextField
          label={t('admin.workspaces.ownerEmail')}
          hint={t('admin.workspaces.ownerHint')}
          name="ownerEmail"
          type="email"
          autoComplete="off"
        />
        <button className="button" type="submit">
          {t('admin.workspaces.create')}
        </button>
      </form>
    </>
  );
}
