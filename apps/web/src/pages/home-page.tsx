import { useCallback, useEffect, useState } from 'react';
import { journeyStatuses, journeyTypes } from '@waymark/core';
import type { JourneySummary } from '../api/types';
import { formatDate } from '../app/format';
import { Link, useRouter } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, SelectField, errorText } from '../ui/field';
import { CreateJourneyForm } from './create-journey-form';
import { ThingsToLookAt } from './inbox';
import { ReviewsDue } from '../library/reviews-due';
import { t } from '../i18n';

const canEdit = (role: string | null) => role === 'owner' || role === 'editor';

export function HomePage({ ws }: { ws: string }) {
  const { api, session } = useSession();
  const { navigate } = useRouter();
  const role = useRole(ws);
  const workspace =
    session.status === 'signed-in' ? session.me.workspaces.find((w) => w.id === ws) : undefined;
  useTitle(workspace ? t('pages.home.titleIn', { workspace: workspace.name }) : t('pages.home.journeys'));
  const [filters, setFilters] = useState({ q: '', type: '', status: '', owner: '', deleted: false });
  const [items, setItems] = useState<readonly JourneySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.journeys(ws, filters)).items);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api, ws, filters]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), 200);
    return () => clearTimeout(timer);
  }, [load]);

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      await load();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const set = (key: keyof typeof filters) => (value: string | boolean) =>
    setFilters((f) => ({ ...f, [key]: value }));
  return (
    <>
      <div className="page-heading">
        <h1>
          {workspace ? t('pages.home.headingIn', { workspace: workspace.name }) : t('pages.home.journeys')}
        </h1>
        <Link to={{ page: 'datasets', ws }}>{t('pages.home.eventLogs')}</Link>
        <Link to={{ page: 'costs', ws }}>{t('costs.heading')}</Link>
        <Link to={{ page: 'portfolio', ws }}>{t('library.portfolio.link')}</Link>
        <Link to={{ page: 'tree', ws }}>{t('hierarchy.home.tree')}</Link>
        <Link to={{ page: 'opportunities', ws }}>{t('hierarchy.home.opportunities')}</Link>
        <Link to={{ page: 'templates', ws }}>{t('templates.link')}</Link>
        {role === 'owner' ? <Link to={{ page: 'members', ws }}>{t('pages.home.members')}</Link> : null}
        {role === 'owner' ? <Link to={{ page: 'tokens', ws }}>{t('pages.home.tokens')}</Link> : null}
        {role === 'owner' ? <Link to={{ page: 'audit', ws }}>{t('admin.nav.audit')}</Link> : null}
        {role === 'owner' ? <Link to={{ page: 'retention', ws }}>{t('retention.link')}</Link> : null}
      </div>
      <ErrorSummary message={error} />
      <ThingsToLookAt ws={ws} />
      <ReviewsDue ws={ws} />
      {canEdit(role) ? <CreateJourneyForm ws={ws} /> : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">{t('pages.home.all')}</h2>
        <form
          className="filters"
          role="search"
          aria-labelledby="list-heading"
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="field">
            <label htmlFor="q">{t('pages.home.search')}</label>
            <input id="q" type="search" value={filters.q} onChange={(e) => set('q')(e.target.value)} />
          </div>
          <SelectField
            label={t('pages.home.type')}
            value={filters.type}
            onChange={(e) => set('type')(e.target.value)}
          >
            <option value="">{t('pages.home.anyType')}</option>
            {journeyTypes.map((type) => (
              <option key={type} value={type}>
                {t(`model.journeyType.${type}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('pages.home.status')}
            value={filters.status}
            onChange={(e) => set('status')(e.target.value)}
          >
            <option value="">{t('pages.home.anyStatus')}</option>
            {journeyStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`model.status.${s}`)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="owner">{t('pages.home.owner')}</label>
            <input id="owner" value={filters.owner} onChange={(e) => set('owner')(e.target.value)} />
          </div>
          <div className="checkbox">
            <input
              id="deleted"
              type="checkbox"
              checked={filters.deleted}
              onChange={(e) => set('deleted')(e.target.checked)}
            />
            <label htmlFor="deleted">{t('pages.home.showDeleted')}</label>
          </div>
        </form>
        {items === null ? (
          <p role="status">{t('pages.home.loading')}</p>
        ) : items.length === 0 ? (
          <p role="status">{canEdit(role) ? t('pages.home.noneStart') : t('pages.home.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">
                {t('pages.home.caption', { count: items.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('pages.home.col.title')}</th>
                  <th scope="col">{t('pages.home.type')}</th>
                  <th scope="col">{t('pages.home.owner')}</th>
                  <th scope="col">{t('pages.home.status')}</th>
                  <th scope="col">{t('pages.home.col.changed')}</th>
                  <th scope="col">{t('pages.home.col.review')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('pages.home.col.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((j) => (
                  <tr key={j.id}>
                    <th scope="row">
                      <Link to={{ page: 'editor', ws, id: j.id }}>{j.title}</Link>
                      {j.segment ? <span className="hint"> {j.segment}</span> : null}
                    </th>
                    <td>{t(`model.journeyType.${j.journeyType}`)}</td>
                    <td>{j.owner ?? ''}</td>
                    <td>
                      <span className={`tag tag--${j.status}`}>{t(`model.status.${j.status}`)}</span>
                    </td>
                    <td>
                      {formatDate(j.updatedAt)}
                      {j.updatedBy
                        ? ` ${t('pages.home.by', { who: typeof j.updatedBy === 'string' ? j.updatedBy : j.updatedBy.name })}`
                        : ''}
                    </td>
                    <td>{formatDate(j.reviewDate)}</td>
                    <td className="actions">
                      {!filters.deleted ? (
                        <Link to={{ page: 'improve', ws, id: j.id, view: 'compare' }}>
                          {t('pages.home.improve')} <span className="visually-hidden">{j.title}</span>
                        </Link>
                      ) : null}
                      {canEdit(role) && filters.deleted ? (
                        <button
                          className="button button--small"
                          type="button"
                          onClick={() => act(() => api.undelete(ws, j.id))}
                        >
                          {t('pages.home.restore')} <span className="visually-hidden">{j.title}</span>
                        </button>
                      ) : null}
                      {canEdit(role) && j.journeyType === 'current' && !filters.deleted ? (
                        <button
                          className="button button--small button--secondary"
                          type="button"
                          onClick={() =>
                            act(async () => {
                              const copy = await api.duplicate(ws, j.id, {
                                journeyType: 'desired',
                                title: t('pages.home.desiredTitle', { title: j.title }),
                              });
                              navigate({ page: 'editor', ws, id: copy.id });
                            })
                          }
                        >
                          {t('pages.home.duplicate')}{' '}
                          <span className="visually-hidden">
                            {t('pages.home.duplicateOf', { title: j.title })}
                          </span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
