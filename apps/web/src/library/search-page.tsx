import { useEffect, useState, type FormEvent } from 'react';
import { journeyTypeLabel } from '../app/format';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { t } from '../i18n';
import { errorText } from '../ui/field';
import { searchLibrary, type OpportunityHit } from '../hierarchy/hierarchy-api';
import { statusWords } from '../hierarchy/opportunity-words';
import type { SearchHit } from './library-api';
import { highlightParts } from './portfolio-model';
import './library.css';

const cardKinds = [
  'step',
  'touchpoint',
  'baton-change',
  'feeling',
  'emotion',
  'moment-of-truth',
  'pain-point',
  'lever',
  'metric',
  'text',
] as const;
const journeyTypes = ['current', 'desired', 'case', 'life-course'] as const;
const keys = ['q', 'workspace', 'find', 'status', 'type', 'owner', 'cardKind'] as const;
const finds = ['journeys', 'opportunities'] as const;
const statuses = ['open', 'in-progress', 'solved', 'parked'] as const;
type Key = (typeof keys)[number];

const read = (): Record<Key, string> => {
  const p = new URLSearchParams(window.location.search);
  return Object.fromEntries(keys.map((k) => [k, p.get(k) ?? ''])) as Record<Key, string>;
};

/** Search across the library (issue 14, item 6; decision 0035): every workspace the person belongs to. */
export function SearchPage() {
  useTitle(t('library.search.heading'));
  const { session } = useSession();
  const { navigate } = useRouter();
  const [form, setForm] = useState(read);
  const [asked, setAsked] = useState(read);
  const [hits, setHits] = useState<readonly SearchHit[] | null>(null);
  const [opportunities, setOpportunities] = useState<readonly OpportunityHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  // How many journeys' words are still being indexed in the background (decision 0039): not found yet.
  const [pending, setPending] = useState(0);
  useEffect(() => {
    const onPop = () => {
      setForm(read());
      setAsked(read());
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (asked.q.trim() === '') return setHits(null);
    const params = new URLSearchParams();
    for (const k of keys) if (asked[k] !== '') params.set(k, asked[k]);
    searchLibrary<SearchHit>(params).then(
      (r) => {
        setHits(r.items);
        setOpportunities(r.opportunities ?? []);
        setPending(r.pending ?? 0);
        setError(null);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [asked]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const k of keys) if (form[k] !== '') params.set(k, form[k]);
    navigate({ page: 'search' }, { search: `?${params.toString()}` });
    setAsked(form);
  };
  const set = (k: Key) => (value: string) => setForm((f) => ({ ...f, [k]: value }));
  const workspaces = session.status === 'signed-in' ? session.me.workspaces : [];
  return (
    <div className="search-page">
      <h1 id="search-heading">{t('library.search.heading')}</h1>
      <p>{t('library.search.intro')}</p>
      <form role="search" aria-labelledby="search-heading" onSubmit={submit} className="filters">
        <div className="field">
          <label htmlFor="search-q">{t('library.search.label')}</label>
          <input
            id="search-q"
            type="search"
            value={form.q}
            maxLength={300}
            onChange={(e) => set('q')(e.target.value)}
          />
        </div>
        <fieldset>
          <legend>{t('library.search.filters')}</legend>
          <div className="field">
            <label htmlFor="search-workspace">{t('library.search.filter.workspace')}</label>
            <select
              id="search-workspace"
              value={form.workspace}
              onChange={(e) => set('workspace')(e.target.value)}
            >
              <option value="">{t('library.search.filter.any')}</option>
              {workspaces.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-find">{t('hierarchy.search.find')}</label>
            <select id="search-find" value={form.find} onChange={(e) => set('find')(e.target.value)}>
              <option value="">{t('hierarchy.search.findAll')}</option>
              {finds.map((k) => (
                <option key={k} value={k}>
                  {t(`hierarchy.search.find.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-status">{t('hierarchy.search.status')}</label>
            <select id="search-status" value={form.status} onChange={(e) => set('status')(e.target.value)}>
              <option value="">{t('library.search.filter.any')}</option>
              {statuses.map((k) => (
                <option key={k} value={k}>
                  {statusWords(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-type">{t('library.search.filter.type')}</label>
            <select id="search-type" value={form.type} onChange={(e) => set('type')(e.target.value)}>
              <option value="">{t('library.search.filter.any')}</option>
              {journeyTypes.map((k) => (
                <option key={k} value={k}>
                  {journeyTypeLabel(k)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-owner">{t('library.search.filter.owner')}</label>
            <input
              id="search-owner"
              value={form.owner}
              maxLength={200}
              onChange={(e) => set('owner')(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="search-kind">{t('library.search.filter.cardKind')}</label>
            <select id="search-kind" value={form.cardKind} onChange={(e) => set('cardKind')(e.target.value)}>
              <option value="">{t('library.search.filter.any')}</option>
              {cardKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`model.laneKind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <button className="button" type="submit">
          {t('library.search.button')}
        </button>
      </form>
      {error ? (
        <p className="error-message" role="alert">
          {t('library.search.couldNotSearch', { reason: error })}
        </p>
      ) : null}
      {asked.q.trim() === '' ? (
        <p className="hint">{t('library.search.noQuery')}</p>
      ) : hits === null ? null : (
        <section aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" aria-live="polite">
            {t('library.search.results', { count: hits.length + opportunities.length, q: asked.q })}
          </h2>
          {pending > 0 ? (
            <p className="hint" data-testid="search-pending">
              {t('library.pending.search', { count: pending })}
            </p>
          ) : null}
          {opportunities.length > 0 ? (
            <>
              <h3>{t('hierarchy.search.opportunities')}</h3>
              <ol className="search-results" aria-label={t('hierarchy.search.opportunities')}>
                {opportunities.map((o) => (
                  <li key={`${o.workspaceId}/${o.id}`}>
                    <a
                      href={`/w/${encodeURIComponent(o.workspaceId)}/opportunities/${encodeURIComponent(o.id)}`}
                    >
                      {o.title}
                    </a>{' '}
                    <span className="hint">
                      {t('hierarchy.search.opportunityIn', {
                        matched: t(`hierarchy.search.matched.${o.matched}`),
                        status: statusWords(o.status),
                        workspace: o.workspaceName,
                      })}
                    </span>
                    <p>
                      {highlightParts(o.excerpt).map((p, n) =>
                        p.mark ? <mark key={n}>{p.text}</mark> : <span key={n}>{p.text}</span>,
                      )}
                    </p>
                  </li>
                ))}
              </ol>
              {hits.length > 0 ? <h3>{t('hierarchy.search.journeys')}</h3> : null}
            </>
          ) : null}
          <ol className="search-results">
            {hits.map((h) => (
              <li key={`${h.workspaceId}/${h.journeyId}/${h.kind}/${h.itemId ?? ''}/${h.language}`}>
                <a
                  href={`/w/${encodeURIComponent(h.workspaceId)}/j/${encodeURIComponent(h.journeyId)}${
                    h.columnId ? `?step=${encodeURIComponent(h.columnId)}` : ''
                  }`}
                >
                  {t(`library.search.kind.${h.kind}`)}
                </a>{' '}
                <span className="hint">
                  {t('library.search.in', { journey: h.journeyTitle, workspace: h.workspaceName })}
                  {h.language === 'cy' ? ` · ${t('library.search.welsh')}` : ''}
                </span>
                <p lang={h.language}>
                  {highlightParts(h.excerpt).map((p, n) =>
                    p.mark ? <mark key={n}>{p.text}</mark> : <span key={n}>{p.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
