import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateTimeIn, t } from '../i18n';
import { ErrorSummary, errorText } from '../ui/field';
import { TableHead } from '../ui/table-head';
import { adminApi, type SessionItem } from './admin-api';

/** "Your sessions": where the person is signed in; sign one out, or every one (issue 12, item 3). */
export function SessionsPage() {
  useTitle(t('admin.sessions.heading'));
  const { session, refresh } = useSession();
  const { navigate } = useRouter();
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [items, setItems] = useState<readonly SessionItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await adminApi(csrf).sessions()).items);
    } catch (e) {
      setError(errorText(e));
    }
  }, [csrf]);
  useEffect(() => void load(), [load]);

  async function end(item: SessionItem) {
    setError(null);
    setNotice(null);
    try {
      const { current } = await adminApi(csrf).endSession(item.id);
      if (current) {
        await refresh();
        navigate({ page: 'sign-in' });
        return;
      }
      setNotice(t('admin.sessions.ended'));
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }
  async function endAll() {
    setError(null);
    try {
      await adminApi(csrf).endAllSessions();
      await refresh();
      navigate({ page: 'sign-in' });
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <>
      <h1>{t('admin.sessions.heading')}</h1>
      <p>{t('admin.sessions.intro')}</p>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('admin.sessions.heading')}</caption>
        <TableHead
          columns={[
            t('admin.sessions.started'),
            t('admin.sessions.ends'),
            t('admin.sessions.browser'),
            t('admin.workspaces.actions'),
          ]}
        />
        <tbody>
          {items.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {formatDateTimeIn(s.createdAt)}
                {s.current ? (
                  <>
                    {' '}
                    <strong className="tag">{t('admin.sessions.thisDevice')}</strong>
                  </>
                ) : null}
              </th>
              <td>{formatDateTimeIn(s.expiresAt)}</td>
              <td>{s.userAgent ?? t('admin.sessions.unknownBrowser')}</td>
              <td>
                <button
                  className="button button--small button--secondary"
                  type="button"
                  onClick={() => void end(s)}
                >
                  {t('admin.sessions.signOut')}{' '}
                  <span className="visually-hidden">
                    {t('admin.sessions.signOutOf', { date: formatDateTimeIn(s.createdAt) })}
                  </span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="panel" aria-labelledby="everywhere-heading">
        <h2 id="everywhere-heading">{t('admin.sessions.everywhereHeading')}</h2>
        <p>{t('admin.sessions.everywhereIntro')}</p>
        <button className="button button--warning" type="button" onClick={() => void endAll()}>
          {t('admin.sessions.everywhere')}
        </button>
      </section>
    </>
  );
}
