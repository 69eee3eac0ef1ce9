import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useEditorContext } from '../editor/editor-context';
import { t } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ChoiceField, ErrorSummary, SelectField, TextField, errorText } from '../ui/field';
import {
  addOpportunityLink,
  addStepLink,
  createOpportunity,
  listOpportunities,
  readConnections,
  readHierarchy,
  removeChild,
  removeStepLink,
  setChild,
  type Connections,
  type JourneyBrief,
  type OpportunityView,
} from './hierarchy-api';
import { loadTargets, targetsInJourney, type TargetChoice } from './link-targets';
import { statusWords } from './opportunity-words';
import { StepLink } from './step-link';
import './hierarchy.css';

const NEW = '__new__';

/**
 * The editor's side panel of what this map is linked to (issue 14): the step of the journey above it, the
 * journeys its steps open, hand-overs to steps of other journeys, and the opportunities its cards are evidence
 * for — each change made here is seen from the other journey and the opportunity too. One change at a time: a
 * second click while one is on its way (a double click) makes nothing twice and no error about the first.
 */
export function ConnectionsPanel({ ws, id }: { ws: string; id: string }) {
  const { journey, canEdit } = useEditorContext();
  const { session } = useSession();
  const csrf = session.status === 'signed-in' ? session.me.csrfToken : '';
  const [c, setC] = useState<Connections | null>(null);
  const [journeys, setJourneys] = useState<readonly JourneyBrief[]>([]);
  const [opportunities, setOpportunities] = useState<OpportunityView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const steps = journey.columns;
  const others = journeys.filter((j) => j.id !== id);
  const [childStep, setChildStep] = useState(steps[0]?.id ?? '');
  const [childJourney, setChildJourney] = useState('');
  const [fromStep, setFromStep] = useState(steps[0]?.id ?? '');
  const [toJourney, setToJourney] = useState('');
  const [toSteps, setToSteps] = useState<TargetChoice[]>([]);
  const [toStep, setToStep] = useState('');
  const cards = useMemo(() => targetsInJourney(journey, 'card'), [journey]);
  const [card, setCard] = useState('');
  const [opportunity, setOpportunity] = useState(NEW);
  const [newTitle, setNewTitle] = useState('');
  const [titleError, setTitleError] = useState<string | null>(null);
  const { busy, run } = useOneAtATime();

  const reload = useCallback(() => {
    readConnections(ws, id)
      .then(setC)
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, id]);
  useEffect(() => {
    reload();
    readHierarchy(ws)
      .then((h) => setJourneys(h.journeys))
      .catch((e: unknown) => setError(errorText(e)));
    listOpportunities(ws)
      .then(setOpportunities)
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, reload]);
  useEffect(() => {
    if (!childJourney && others[0]) setChildJourney(others[0].id);
    if (!toJourney && others[0]) setToJourney(others[0].id);
  }, [others, childJourney, toJourney]);
  useEffect(() => {
    if (!card && cards[0]) setCard(cards[0].value);
  }, [cards, card]);
  useEffect(() => {
    if (!toJourney) return;
    // the journey chosen before offers its steps no longer: Link the steps would send a step of another journey
    setToSteps([]);
    setToStep('');
    let chosen = true;
    loadTargets(ws, toJourney, 'step')
      .then((list) => {
        // an answer for a journey chosen before this one (answers can come out of order) is not shown
        if (!chosen) return;
        setToSteps(list);
        setToStep(list[0]?.value ?? '');
      })
      .catch((e: unknown) => {
        if (chosen) setError(errorText(e));
      });
    return () => {
      chosen = false;
    };
  }, [ws, toJourney]);

  /** Starts `work` unless a change is on its way already; says `words` once it is done. */
  const act = (work: () => Promise<unknown>, words: string) =>
    run(() =>
      work()
        .then(() => {
          setError(null);
          setDone(words);
          reload();
        })
        .catch((e: unknown) => {
          setDone(null);
          setError(errorText(e));
        }),
    );

  const stepName = (stepId: string) => steps.find((s) => s.id === stepId)?.label ?? stepId;

  const linkChild = (event: FormEvent) => {
    event.preventDefault();
    void act(() => setChild(ws, csrf, id, childStep, childJourney), t('hierarchy.connections.childLinked'));
  };
  const linkStep = (event: FormEvent) => {
    event.preventDefault();
    void act(
      () =>
        addStepLink(ws, csrf, {
          fromJourneyId: id,
          fromStepId: fromStep,
          toJourneyId: toJourney,
          toStepId: toStep,
        }),
      t('hierarchy.connections.stepLinked'),
    );
  };
  const addToOpportunity = (event: FormEvent) => {
    event.preventDefault();
    const link = { journeyId: id, kind: 'card' as const, target: card };
    if (opportunity === NEW) {
      if (newTitle.trim() === '') {
        setTitleError(t('hierarchy.opportunities.titleMissing'));
        return;
      }
      setTitleError(null);
      void act(
        () =>
          createOpportunity(ws, csrf, { title: newTitle.trim(), links: [link] }).then((o) => {
            setOpportunities((list) => [...list, o]);
            setNewTitle('');
          }),
        t('hierarchy.connections.opportunityMade'),
      );
      return;
    }
    void act(
      () => addOpportunityLink(ws, csrf, opportunity, link),
      t('hierarchy.connections.addedToOpportunity'),
    );
  };

  return (
    <div className="connections-panel">
      <ErrorSummary message={error} />
      <p role="status">{done ?? ''}</p>
      {c === null && !error ? <p role="status">{t('common.loading')}</p> : null}
      <section aria-labelledby="conn-parent">
        <h3 id="conn-parent">{t('hierarchy.connections.above')}</h3>
        {c?.parent ? (
          <p>
            {t('hierarchy.connections.opensFrom', {
              step: c.parent.parentStepLabel ?? c.parent.parentStepId,
            })}{' '}
            <StepLink ws={ws} journeyId={c.parent.parentJourneyId} stepId={c.parent.parentStepId}>
              {c.parent.parentTitle ?? c.parent.parentJourneyId}
            </StepLink>
          </p>
        ) : (
          <p>{t('hierarchy.connections.noParent')}</p>
        )}
        <Link to={{ page: 'tree', ws }}>{t('hierarchy.connections.seeTree')}</Link>
      </section>
      <section aria-labelledby="conn-children">
        <h3 id="conn-children">{t('hierarchy.connections.children')}</h3>
        {c && c.children.length === 0 ? <p>{t('hierarchy.connections.noChildren')}</p> : null}
        <ul className="hierarchy-list">
          {c?.children.map((k) => (
            <li key={k.childJourneyId}>
              {t('hierarchy.connections.stepOpens', { step: stepName(k.parentStepId) })}{' '}
              <Link to={{ page: 'editor', ws, id: k.childJourneyId }}>
                {k.childTitle ?? k.childJourneyId}
              </Link>
              {canEdit ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-disabled={busy || undefined}
                    onClick={() =>
                      void act(
                        () => removeChild(ws, csrf, id, k.parentStepId),
                        t('hierarchy.connections.childRemoved'),
                      )
                    }
                  >
                    {t('hierarchy.connections.takeOff')}{' '}
                    <span className="visually-hidden">{k.childTitle ?? k.childJourneyId}</span>
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit && others.length > 0 && steps.length > 0 ? (
          <form onSubmit={linkChild}>
            <ChoiceField
              label={t('hierarchy.connections.step')}
              value={childStep}
              onChange={setChildStep}
              choices={steps.map((s) => ({ value: s.id, label: s.label }))}
            />
            <ChoiceField
              label={t('hierarchy.connections.childJourney')}
              value={childJourney}
              onChange={setChildJourney}
              choices={others.map((j) => ({ value: j.id, label: j.title }))}
            />
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              {t('hierarchy.connections.linkChild')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="conn-steps">
        <h3 id="conn-steps">{t('hierarchy.stepLinks.heading')}</h3>
        {c && c.stepLinks.length === 0 ? <p>{t('hierarchy.connections.noStepLinks')}</p> : null}
        <ul className="hierarchy-list">
          {c?.stepLinks.map((l) => (
            <li key={l.id}>
              {t('hierarchy.stepLinks.item', {
                from: l.fromTitle ?? l.fromJourneyId,
                fromStep: l.fromStepLabel ?? l.fromStepId,
                to: l.toTitle ?? l.toJourneyId,
                toStep: l.toStepLabel ?? l.toStepId,
              })}{' '}
              <StepLink
                ws={ws}
                journeyId={l.fromJourneyId === id ? l.toJourneyId : l.fromJourneyId}
                stepId={l.fromJourneyId === id ? l.toStepId : l.fromStepId}
              >
                {t('hierarchy.connections.openOther')}
              </StepLink>
              {canEdit ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="link-button"
                    aria-disabled={busy || undefined}
                    onClick={() =>
                      void act(() => removeStepLink(ws, csrf, l.id), t('hierarchy.connections.stepUnlinked'))
                    }
                  >
                    {t('hierarchy.connections.remove')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {canEdit && others.length > 0 && steps.length > 0 ? (
          <form onSubmit={linkStep}>
            <ChoiceField
              label={t('hierarchy.connections.fromStep')}
              value={fromStep}
              onChange={setFromStep}
              choices={steps.map((s) => ({ value: s.id, label: s.label }))}
            />
            <ChoiceField
              label={t('hierarchy.connections.toJourney')}
              value={toJourney}
              onChange={setToJourney}
              choices={others.map((j) => ({ value: j.id, label: j.title }))}
            />
            <ChoiceField
              label={t('hierarchy.connections.toStep')}
              value={toStep}
              onChange={setToStep}
              choices={toSteps}
            />
            <button
              type="submit"
              className="button button--secondary"
              disabled={!toStep}
              aria-disabled={busy || undefined}
            >
              {t('hierarchy.connections.linkStep')}
            </button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="conn-opportunities">
        <h3 id="conn-opportunities">{t('hierarchy.opportunities.heading')}</h3>
        {c && c.opportunities.length === 0 ? <p>{t('hierarchy.connections.noOpportunities')}</p> : null}
        <ul className="hierarchy-list">
          {c?.opportunities.map((o) => (
            <li key={o.id}>
              <Link to={{ page: 'opportunity', ws, id: o.id }}>{o.title}</Link> ({statusWords(o.status)})
              <ul>
                {o.links.map((l) => (
                  <li key={`${l.kind}/${l.target}`}>
                    {cards.find((x) => x.value === l.target)?.label ??
                      steps.find((s) => s.id === l.target)?.label ??
                      l.target}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
        {canEdit && cards.length > 0 ? (
          <form onSubmit={addToOpportunity} noValidate>
            <ChoiceField
              label={t('hierarchy.connections.card')}
              value={card}
              onChange={setCard}
              choices={cards}
            />
            <SelectField
              label={t('hierarchy.connections.opportunity')}
              value={opportunity}
              onChange={(e) => setOpportunity(e.target.value)}
            >
              <option value={NEW}>{t('hierarchy.connections.newOpportunity')}</option>
              {opportunities.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </SelectField>
            {opportunity === NEW ? (
              <TextField
                label={t('hierarchy.opportunity.title')}
                value={newTitle}
                error={titleError}
                onChange={(e) => setNewTitle(e.target.value)}
              />
            ) : null}
            <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
              {t('hierarchy.connections.addToOpportunity')}
            </button>
          </form>
        ) : null}
      </section>
    </div>
  );
}
