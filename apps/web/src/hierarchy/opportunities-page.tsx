import { useEffect, useState, type FormEvent } from 'react';
import { Link, useRouter } from '../app/router';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import {
  createOpportunity,
  listOpportunities,
  opportunityPriorities,
  type OpportunityPriority,
  type OpportunityView,
} from './hierarchy-api';
import { evidenceKinds, priorityWords, statusWords } from './opportunity-words';
import './hierarchy.css';

const canEdit = (role: string | null) => role === 'owner' || role === 'editor';

/** The workspace's opportunities, high priority first (issue 14, item 2), and a form to start one. */
export function OpportunitiesPage({ ws }: { ws: string }) {
  useTitle(t('hierarchy.opportunities.heading'));
  const { session } = useSession();
  const role = useRole(ws);
  const { navigate } = useRouter();
  const [items, setItems] = useState<OpportunityView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [priority, setPriority] = useState<OpportunityPriority>('medium');
  const [titleError, setTitleError] = useState<string | null>(null);
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  // A double click on Start opportunity starts one, not two.
  const { busy, run } = useOneAtATime();

  useEffect(() => {
    listOpportunities(ws)
      .then(setItems)
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws]);

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('hierarchy.opportunities.titleMissing'));
      return;
    }
    setTitleError(null);
    void run(() =>
      createOpportunity(ws, csrf, { title: title.trim(), priority })
        .then((o) => navigate({ page: 'opportunity', ws, id: o.id }))
        .catch((e: unknown) => setError(errorText(e))),
    );
  };

  return (
    <div className="narrow hierarchy-page">
      <div className="page-heading">
        <h1>{t('hierarchy.opportunities.heading')}</h1>
        <Link to={{ page: 'home', ws }}>{t('hierarchy.backToJourneys')}</Link>
        <Link to={{ page: 'tree', ws }}>{t('hierarchy.tree.heading')}</Link>
      </div>
      <p>{t('hierarchy.opportunities.intro')}</p>
      <ErrorSummary message={error} />
      {items === null && !error ? <p role="status">{t('common.loading')}</p> : null}
      {items && items.length === 0 ? <p>{t('hierarchy.opportunities.none')}</p> : null}
      {items && items.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">{t('hierarchy.opportunities.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('hierarchy.opportunity.title')}</th>
              <th scope="col">{t('hierarchy.opportunity.status')}</th>
              <th scope="col">{t('hierarchy.opportunity.priority')}</th>
              <th scope="col">{t('hierarchy.opportunity.owner')}</th>
              <th scope="col">{t('hierarchy.opportunities.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((o) => {
              const evidence = o.links.filter((l) => evidenceKinds.includes(l.kind));
              return (
                <tr key={o.id}>
                  <td>
                    <Link to={{ page: 'opportunity', ws, id: o.id }}>{o.title}</Link>
                  </td>
                  <td>{statusWords(o.status)}</td>
                  <td>{priorityWords(o.priority)}</td>
                  <td>{o.owner?.name ?? t('hierarchy.opportunity.noOwner')}</td>
                  <td>
                    {t('hierarchy.opportunities.evidenceCount', {
                      count: evidence.length,
                      journeys: new Set(evidence.map((l) => l.journeyId)).size,
                    })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {canEdit(role) ? (
        <form onSubmit={create} noValidate aria-labelledby="new-opportunity-heading">
          <h2 id="new-opportunity-heading">{t('hierarchy.opportunities.new')}</h2>
          <TextField
            label={t('hierarchy.opportunity.title')}
            hint={t('hierarchy.opportunities.titleHint')}
            value={title}
            error={titleError}
            onChange={(e) => setTitle(e.target.value)}
          />
          <SelectField
            label={t('hierarchy.opportunity.priority')}
            value={priority}
            onChange={(e) => setPriority(e.target.value as OpportunityPriority)}
          >
            {opportunityPriorities.map((p) => (
              <option key={p} value={p}>
                {priorityWords(p)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {t('hierarchy.opportunities.create')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
