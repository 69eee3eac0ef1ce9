import { useCallback, useEffect, useState } from 'react';
import { callJson } from '../api/call-json';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { formatDateIn, t } from '../i18n';
import { ErrorSummary, errorText } from '../ui/field';

interface Person {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly instanceAdmin: boolean;
  readonly suspendedAt: string | null;
}

/** People as an instance administrator manages them by hand: suspend and restore, grant and remove administration. */
export function PeoplePage() {
  useTitle(t('ssoAdmin.people.title'));
  const { session, refresh } = useSession();
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [people, setPeople] = useState<readonly Person[]>([]);
  const [state, setState] = useState<'loading' | 'ready' | 'forbidden' | 'failed'>('loading');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const load = useCallback(async () => {
    setPeople((await callJson<{ items: Person[] }>('GET', '/api/admin/people')).items);
  }, []);
  useEffect(() => {
    load().then(
      () => setState('ready'),
      (e: unknown) => setState((e as { status?: number }).status === 403 ? 'forbidden' : 'failed'),
    );
  }, [load]);
  if (state === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (state !== 'ready')
    return (
      <div className="narrow">
        <h1>{t('ssoAdmin.people.title')}</h1>
        <p>{t(state === 'forbidden' ? 'ssoAdmin.people.notAdmin' : 'ssoAdmin.people.loadFailed')}</p>
      </div>
    );
  const change = (p: Person, body: { suspended?: boolean; instanceAdmin?: boolean }, done: string) =>
    void (async () => {
      setError(null);
      setNotice('');
      try {
        await callJson('PATCH', `/api/admin/people/${encodeURIComponent(p.id)}`, csrf, body);
        await load();
        setNotice(done);
        await refresh();
      } catch (e) {
        setError(errorText(e));
      }
    })();
  return (
    <>
      <h1>{t('ssoAdmin.people.title')}</h1>
      <p>{t('ssoAdmin.people.intro')}</p>
      <ErrorSummary message={error} />
      <p className={notice ? 'notice' : undefined} role="status">
        {notice}
      </p>
      <table className="table">
        <caption className="visually-hidden">{t('ssoAdmin.people.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ssoAdmin.people.name')}</th>
            <th scope="col">{t('ssoAdmin.people.email')}</th>
            <th scope="col">{t('ssoAdmin.people.role')}</th>
            <th scope="col">{t('ssoAdmin.people.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('ssoAdmin.people.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.name}</th>
              <td>{p.email}</td>
              <td>{t(p.instanceAdmin ? 'ssoAdmin.people.yes' : 'ssoAdmin.people.no')}</td>
              <td>
                {p.suspendedAt
                  ? t('ssoAdmin.people.suspendedOn', { date: formatDateIn(p.suspendedAt) })
                  : t('ssoAdmin.people.active')}
              </td>
              <td>
                <button
                  className={`button button--small${p.suspendedAt ? ' button--secondary' : ' button--warning'}`}
                  type="button"
                  onClick={() =>
                    p.suspendedAt
                      ? change(p, { suspended: false }, t('ssoAdmin.people.restored', { name: p.name }))
                      : change(p, { suspended: true }, t('ssoAdmin.people.suspended', { name: p.name }))
                  }
                >
                  {t(p.suspendedAt ? 'ssoAdmin.people.restore' : 'ssoAdmin.people.suspend', { name: p.name })}
                </button>{' '}
                <button
                  className="button button--small button--secondary"
                  type="button"
                  onClick={() =>
                    p.instanceAdmin
                      ? change(p, { instanceAdmin: false }, t('ssoAdmin.people.revoked', { name: p.name }))
                      : change(p, { instanceAdmin: true }, t('ssoAdmin.people.granted', { name: p.name }))
                  }
                >
                  {t(p.instanceAdmin ? 'ssoAdmin.people.revoke' : 'ssoAdmin.people.grant', { name: p.name })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
