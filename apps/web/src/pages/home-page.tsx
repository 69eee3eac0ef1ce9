import { useCallback, useEffect, useState } from 'react';
import { journeyStatuses, journeyTypes } from '@waymark/core';
import type { JourneySummary } from '../api/types';
import { formatDate, journeyTypeLabels, statusLabels } from '../app/format';
import { Link, useRouter } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { ErrorSummary, SelectField, errorText } from '../ui/field';
import { CreateJourneyForm } from './create-journey-form';
import { ThingsToLookAt } from './inbox';

const canEdit = (role: string | null) => role === 'owner' || role === 'editor';

export function HomePage({ ws }: { ws: string }) {
  const { api, session } = useSession();
  const { navigate } = useRouter();
  const role = useRole(ws);
  const workspace =
    session.status === 'signed-in' ? session.me.workspaces.find((w) => w.id === ws) : undefined;
  useTitle(workspace ? `Journeys – ${workspace.name}` : 'Journeys');
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
        <h1>Journeys{workspace ? ` in ${workspace.name}` : ''}</h1>
        <Link to={{ page: 'datasets', ws }}>Event logs</Link>
        {role === 'owner' ? <Link to={{ page: 'members', ws }}>Members and roles</Link> : null}
        {role === 'owner' ? <Link to={{ page: 'tokens', ws }}>API tokens</Link> : null}
      </div>
      <ErrorSummary message={error} />
      <ThingsToLookAt ws={ws} />
      {canEdit(role) ? <CreateJourneyForm ws={ws} /> : null}
      <section aria-labelledby="list-heading">
        <h2 id="list-heading">All journeys</h2>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="q">Search</label>
            <input id="q" type="search" value={filters.q} onChange={(e) => set('q')(e.target.value)} />
          </div>
          <SelectField label="Type" value={filters.type} onChange={(e) => set('type')(e.target.value)}>
            <option value="">Any type</option>
            {journeyTypes.map((t) => (
              <option key={t} value={t}>
                {journeyTypeLabels[t]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Status" value={filters.status} onChange={(e) => set('status')(e.target.value)}>
            <option value="">Any status</option>
            {journeyStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <label htmlFor="owner">Owner</label>
            <input id="owner" value={filters.owner} onChange={(e) => set('owner')(e.target.value)} />
          </div>
          <div className="checkbox">
            <input
              id="deleted"
              type="checkbox"
              checked={filters.deleted}
              onChange={(e) => set('deleted')(e.target.checked)}
            />
            <label htmlFor="deleted">Show deleted</label>
          </div>
        </form>
        {items === null ? (
          <p role="status">Loading journeys…</p>
        ) : items.length === 0 ? (
          <p role="status">No journeys match. {canEdit(role) ? 'Start one above.' : ''}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Journeys, {items.length} shown</caption>
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Type</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last changed</th>
                  <th scope="col">Review date</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                    <td>{journeyTypeLabels[j.journeyType] ?? j.journeyType}</td>
                    <td>{j.owner ?? ''}</td>
                    <td>
                      <span className={`tag tag--${j.status}`}>{statusLabels[j.status] ?? j.status}</span>
                    </td>
                    <td>
                      {formatDate(j.updatedAt)}
                      {j.updatedBy
                        ? ` by ${typeof j.updatedBy === 'string' ? j.updatedBy : j.updatedBy.name}`
                        : ''}
                    </td>
                    <td>{formatDate(j.reviewDate)}</td>
                    <td className="actions">
                      {!filters.deleted ? (
                        <Link to={{ page: 'improve', ws, id: j.id, view: 'compare' }}>
                          Improve <span className="visually-hidden">{j.title}</span>
                        </Link>
                      ) : null}
                      {canEdit(role) && filters.deleted ? (
                        <button
                          className="button button--small"
                          type="button"
                          onClick={() => act(() => api.undelete(ws, j.id))}
                        >
                          Restore <span className="visually-hidden">{j.title}</span>
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
                                title: `${j.title} (desired)`,
                              });
                              navigate({ page: 'editor', ws, id: copy.id });
                            })
                          }
                        >
                          Duplicate as desired <span className="visually-hidden">journey of {j.title}</span>
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
