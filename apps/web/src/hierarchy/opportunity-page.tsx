import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/api-error';
import { callJson } from '../api/call-json';
import { Link } from '../app/router';
import type { Route } from '../app/routes';
import { useRole, useSession } from '../app/session';
import { useTitle } from '../app/use-title';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { useSaveQueue, type SaveTurn } from '../state/save-queue';
import { ErrorSummary, SelectField, errorText } from '../ui/field';
import {
  addOpportunityLink,
  linkKinds,
  opportunityPriorities,
  opportunityStatuses,
  readHierarchy,
  readOpportunity,
  removeOpportunityLink,
  updateOpportunity,
  type JourneyBrief,
  type LinkKind,
  type OpportunityLinkView,
  type OpportunityPriority,
  type OpportunityStatus,
  type OpportunityView,
} from './hierarchy-api';
import { figureWords, loadTargets, type TargetChoice } from './link-targets';
import {
  cardKindWords,
  evidenceKinds,
  linkKindWords,
  outcomeKinds,
  priorityWords,
  statusWords,
} from './opportunity-words';
import { StepLink } from './step-link';
import './hierarchy.css';

const canEdit = (role: string | null) => role === 'owner' || role === 'editor';

/** Where a link opens: the map (at the card or step), or the Improve page of its idea, business case, indicator. */
function linkRoute(ws: string, l: OpportunityLinkView): Route {
  if (l.kind === 'idea') return { page: 'improve', ws, id: l.journeyId, view: 'ideas' };
  if (l.kind === 'business-case') return { page: 'improve', ws, id: l.journeyId, view: 'business-case' };
  if (l.kind === 'indicator') return { page: 'improve', ws, id: l.journeyId, view: 'indicators' };
  return { page: 'editor', ws, id: l.journeyId };
}

function linkLabel(l: OpportunityLinkView): string {
  if (l.kind === 'figure') return figureWords(l.target);
  return l.label ?? l.target;
}

/**
 * One opportunity (issue 14, item 2): its owner, status and priority; the evidence it gathers from journeys —
 * each card with the customers' words in its step — and the ideas, business cases and indicators it leads to.
 *
 * Each change (a save of the form, a link added or removed: each makes a new version) goes after the one before
 * it is answered, on the version that one produced: a double click on Save, or a second save on a slow line,
 * is not refused as if someone else had saved. Only the last change of a run shows its answer, so an earlier
 * answer never replaces later edits in the form. When someone else did save meanwhile, the rest of the run is
 * not sent over their version: the page shows their version and says so. A link is added or removed once at a
 * time: a second click before the first is answered (a double click) does nothing, rather than being refused
 * as a link that is there already, or gone already.
 */
export function OpportunityPage({ ws, id }: { ws: string; id: string }) {
  const { session } = useSession();
  const role = useRole(ws);
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [o, setO] = useState<OpportunityView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [members, setMembers] = useState<{ userId: string; name: string }[]>([]);
  const [journeys, setJourneys] = useState<readonly JourneyBrief[]>([]);
  const [draft, setDraft] = useState<{
    status: OpportunityStatus;
    priority: OpportunityPriority;
    ownerId: string;
  }>({ status: 'open', priority: 'medium', ownerId: '' });
  const [linkJourney, setLinkJourney] = useState('');
  const [linkKind, setLinkKind] = useState<LinkKind>('card');
  const [targets, setTargets] = useState<TargetChoice[] | null>(null);
  const [target, setTarget] = useState('');
  // The version the next change is based on, outside React's render cycle, and the changes not yet answered.
  const base = useRef(0);
  const changes = useSaveQueue();
  const linking = useOneAtATime();
  useTitle(o ? o.title : t('hierarchy.opportunity.heading'));

  const show = useCallback((next: OpportunityView) => {
    base.current = next.version;
    setO(next);
    setDraft({ status: next.status, priority: next.priority, ownerId: next.owner?.id ?? '' });
  }, []);

  useEffect(() => {
    readOpportunity(ws, id)
      .then(show)
      .catch((e: unknown) => setError(errorText(e)));
    callJson<{ items: { userId: string; name: string }[] }>(
      'GET',
      `/api/workspaces/${encodeURIComponent(ws)}/members`,
    )
      .then((r) => setMembers(r.items))
      .catch(() => setMembers([]));
    readHierarchy(ws)
      .then((h) => {
        setJourneys(h.journeys);
        setLinkJourney((j) => j || (h.journeys[0]?.id ?? ''));
      })
      .catch(() => setJourneys([]));
  }, [ws, id, show]);

  useEffect(() => {
    if (!linkJourney) return;
    setTargets(null);
    loadTargets(ws, linkJourney, linkKind)
      .then((list) => {
        setTargets(list);
        setTarget(list[0]?.value ?? '');
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, linkJourney, linkKind]);

  /**
   * Sends one change after those asked for before it. `send` gets the version to base it on and gives the
   * opportunity as the server then has it; only the last change of a run shows it, with `done` as its status.
   */
  const change = (send: (version: number) => Promise<OpportunityView>, done: string) => {
    setSaved(null);
    return changes.add(async (turn: SaveTurn) => {
      if (turn.refused) return;
      try {
        const next = await send(base.current);
        base.current = next.version;
        setError(null);
        if (turn.last()) {
          show(next);
          setSaved(done);
        }
      } catch (e) {
        setError(errorText(e));
        if (e instanceof ApiError && e.code === 'version_conflict') {
          turn.refuse();
          // Their version on the screen, as the message says, to make the change again on.
          await readOpportunity(ws, id).then(show, () => undefined);
        }
      }
    });
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!o) return;
    const fields = {
      status: draft.status,
      priority: draft.priority,
      ownerId: draft.ownerId === '' ? null : draft.ownerId,
    };
    void change(
      (baseVersion) => updateOpportunity(ws, csrf, o.id, { baseVersion, ...fields }),
      t('hierarchy.opportunity.saved'),
    );
  };

  const addLink = (event: FormEvent) => {
    event.preventDefault();
    if (!o || !linkJourney || !target) return;
    const link = { journeyId: linkJourney, kind: linkKind, target };
    void linking.run(() =>
      change(() => addOpportunityLink(ws, csrf, o.id, link), t('hierarchy.opportunity.linkAdded')),
    );
  };

  const unlink = (l: OpportunityLinkView) => {
    if (!o) return;
    void linking.run(() =>
      change(
        () => removeOpportunityLink(ws, csrf, o.id, l).then(() => readOpportunity(ws, o.id)),
        t('hierarchy.opportunity.linkRemoved'),
      ),
    );
  };

  const editable = canEdit(role);
  const linkItem = (l: OpportunityLinkView) => (
    <li key={`${l.journeyId}/${l.kind}/${l.target}`}>
      <span className="tag">
        {l.kind === 'card' && l.cardKind ? cardKindWords(l.cardKind) : linkKindWords(l.kind)}
      </span>{' '}
      {l.kind === 'card' || l.kind === 'step' ? (
        <StepLink ws={ws} journeyId={l.journeyId} stepId={l.kind === 'step' ? l.target : l.stepId}>
          {linkLabel(l)}
        </StepLink>
      ) : (
        <Link to={linkRoute(ws, l)}>{linkLabel(l)}</Link>
      )}{' '}
      <span className="hint">
        {l.stepLabel
          ? t('hierarchy.opportunity.inJourneyStep', {
              journey: l.journeyTitle ?? l.journeyId,
              step: l.stepLabel,
            })
          : t('hierarchy.opportunity.inJourney', { journey: l.journeyTitle ?? l.journeyId })}
      </span>
      {l.missing ? <p className="error-message">{t('hierarchy.opportunity.missing')}</p> : null}
      {(l.quotes ?? []).map((q) => (
        <blockquote className="opportunity-quote" key={q}>
          {q}
        </blockquote>
      ))}
      {editable ? (
        <button
          type="button"
          className="link-button"
          aria-disabled={linking.busy || undefined}
          onClick={() => unlink(l)}
        >
          {t('hierarchy.opportunity.unlink')} <span className="visually-hidden">{linkLabel(l)}</span>
        </button>
      ) : null}
    </li>
  );

  if (!o)
    return (
      <div className="narrow">
        <ErrorSummary message={error} />
        {error ? null : <p role="status">{t('common.loading')}</p>}
      </div>
    );
  const evidence = o.links.filter((l) => evidenceKinds.includes(l.kind));
  const outcomes = o.links.filter((l) => outcomeKinds.includes(l.kind));
  return (
    <div className="narrow hierarchy-page">
      <div className="page-heading">
        <h1>{o.title}</h1>
        <Link to={{ page: 'opportunities', ws }}>{t('hierarchy.opportunities.all')}</Link>
      </div>
      <ErrorSummary message={error} />
      <p role="status">{saved ?? ''}</p>
      <dl className="opportunity-summary">
        <dt>{t('hierarchy.opportunity.status')}</dt>
        <dd>{statusWords(o.status)}</dd>
        <dt>{t('hierarchy.opportunity.priority')}</dt>
        <dd>{priorityWords(o.priority)}</dd>
        <dt>{t('hierarchy.opportunity.owner')}</dt>
        <dd>{o.owner?.name ?? t('hierarchy.opportunity.noOwner')}</dd>
      </dl>
      {o.description ? <p>{o.description}</p> : null}
      {editable ? (
        <form onSubmit={save} aria-labelledby="opportunity-change-heading">
          <h2 id="opportunity-change-heading">{t('hierarchy.opportunity.change')}</h2>
          <div className="opportunity-meta">
            <SelectField
              label={t('hierarchy.opportunity.status')}
              value={draft.status}
              onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as OpportunityStatus }))}
            >
              {opportunityStatuses.map((s) => (
                <option key={s} value={s}>
                  {statusWords(s)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('hierarchy.opportunity.priority')}
              value={draft.priority}
              onChange={(e) => setDraft((d) => ({ ...d, priority: e.target.value as OpportunityPriority }))}
            >
              {opportunityPriorities.map((p) => (
                <option key={p} value={p}>
                  {priorityWords(p)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t('hierarchy.opportunity.owner')}
              value={draft.ownerId}
              onChange={(e) => setDraft((d) => ({ ...d, ownerId: e.target.value }))}
            >
              <option value="">{t('hierarchy.opportunity.noOwner')}</option>
              {members.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name}
                </option>
              ))}
            </SelectField>
          </div>
          <button type="submit" className="button">
            {t('hierarchy.opportunity.save')}
          </button>
        </form>
      ) : null}
      <section aria-labelledby="evidence-heading">
        <h2 id="evidence-heading">{t('hierarchy.opportunity.evidence')}</h2>
        {evidence.length === 0 ? <p>{t('hierarchy.opportunity.noEvidence')}</p> : null}
        <ul className="opportunity-links">{evidence.map(linkItem)}</ul>
      </section>
      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('hierarchy.opportunity.leadsTo')}</h2>
        {outcomes.length === 0 ? <p>{t('hierarchy.opportunity.noOutcomes')}</p> : null}
        <ul className="opportunity-links">{outcomes.map(linkItem)}</ul>
      </section>
      {editable && journeys.length > 0 ? (
        <form onSubmit={addLink} aria-labelledby="add-link-heading">
          <h2 id="add-link-heading">{t('hierarchy.opportunity.addLink')}</h2>
          <SelectField
            label={t('hierarchy.opportunity.linkJourney')}
            value={linkJourney}
            onChange={(e) => setLinkJourney(e.target.value)}
          >
            {journeys.map((j) => (
              <option key={j.id} value={j.id}>
                {j.title}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('hierarchy.opportunity.linkKind')}
            value={linkKind}
            onChange={(e) => setLinkKind(e.target.value as LinkKind)}
          >
            {linkKinds.map((k) => (
              <option key={k} value={k}>
                {linkKindWords(k)}
              </option>
            ))}
          </SelectField>
          {targets === null ? (
            <p role="status">{t('common.loading')}</p>
          ) : targets.length === 0 ? (
            <p>{t('hierarchy.opportunity.noTargets')}</p>
          ) : (
            <SelectField
              label={t('hierarchy.opportunity.linkTarget')}
              value={target}
              onChange={(e) => setTarget(e.target.value)}
            >
              {targets.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </SelectField>
          )}
          <button
            type="submit"
            className="button"
            disabled={!target}
            aria-disabled={linking.busy || undefined}
          >
            {t('hierarchy.opportunity.addLinkButton')}
          </button>
        </form>
      ) : null}
    </div>
  );
}
