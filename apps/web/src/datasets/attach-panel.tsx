import { useEffect, useState } from 'react';
import type { Journey } from '@waymark/core';
import type { JourneySummary } from '../api/types';
import { WordsError } from '../api/error-words';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { t, tRich } from '../i18n';
import { useOneAtATime } from '../state/one-at-a-time';
import { ErrorSummary, errorText } from '../ui/field';
import { datasetsApi, type Dataset, type Suggestion } from './datasets-api';
import { MeasuredSteps } from './measured-steps';

/**
 * Attach the log to a journey: each activity is mapped to one of the journey's steps (suggested by name),
 * and the measured figures are written onto those steps as metric cards marked as from a log.
 */
export function AttachPanel({
  ws,
  dataset,
  canEdit,
  onChanged,
}: {
  ws: string;
  dataset: Dataset;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { api } = useSession();
  const [journeys, setJourneys] = useState<readonly JourneySummary[]>([]);
  const [journeyId, setJourneyId] = useState(dataset.journeyId ?? '');
  const [suggestion, setSuggestion] = useState<Suggestion | null>(null);
  const [steps, setSteps] = useState<Record<string, string>>({});
  const [attached, setAttached] = useState<Journey | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const oneAtATime = useOneAtATime();
  const busy = oneAtATime.busy;

  useEffect(() => {
    void api.journeys(ws).then(
      (r) => setJourneys(r.items),
      (e: unknown) => setError(errorText(e)),
    );
  }, [api, ws]);
  useEffect(() => {
    if (!dataset.journeyId) return setAttached(null);
    void api.journey(ws, dataset.journeyId).then(
      (j) => setAttached(j.journey),
      () => setAttached(null),
    );
  }, [api, ws, dataset.journeyId, dataset.attachment]);

  /** Does `action` and says its words; asked again while one is on its way, does nothing. */
  function run(action: () => Promise<string>) {
    return oneAtATime.run(async () => {
      setError(null);
      try {
        setNotice(await action());
        onChanged();
      } catch (e) {
        setError(errorText(e));
      }
    });
  }
  const suggest = () =>
    run(async () => {
      const s = await datasetsApi.suggestion(ws, dataset.id, journeyId);
      setSuggestion(s);
      setSteps(
        Object.fromEntries(s.activities.flatMap((a) => (a.suggested ? [[a.activity, a.suggested]] : []))),
      );
      return t('datasets.attach.suggested', { journey: s.journey.title });
    });
  const attach = () =>
    run(async () => {
      if (!suggestion) throw new WordsError(t('datasets.attach.chooseFirst'));
      const r = await datasetsApi.attach(ws, dataset.id, {
        journeyId,
        baseVersion: suggestion.journey.version,
        steps,
      });
      setSuggestion(null);
      return [
        t('datasets.attach.attached', { count: r.measures.length, version: r.journey.version }),
        ...r.warnings,
      ].join(' ');
    });
  /** No journey chosen yet, or none of the log's activities put on a step: Map/Attach does nothing. */
  const nothingChosen = journeyId === '' || (suggestion !== null && Object.keys(steps).length === 0);
  const current = async () => (await api.journey(ws, dataset.journeyId as string)).version;

  return (
    <section aria-labelledby="attach-heading">
      <h2 id="attach-heading">{t('datasets.attach.heading')}</h2>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {dataset.journeyId && attached ? (
        <>
          <p>
            {tRich('datasets.attach.attachedTo', {
              journey: attached.meta.title,
              link: (chunks) => <Link to={{ page: 'editor', ws, id: dataset.journeyId! }}>{chunks}</Link>,
            })}
          </p>
          <MeasuredSteps journey={attached} datasetId={dataset.id} />
          {canEdit ? (
            <div className="datasets-actions">
              <button
                className="button button--secondary"
                type="button"
                aria-disabled={busy || undefined}
                onClick={() =>
                  void run(async () =>
                    t('datasets.attach.refreshed', {
                      version: (await datasetsApi.refresh(ws, dataset.id, await current())).journey.version,
                    }),
                  )
                }
              >
                {t('datasets.attach.refresh')}
              </button>
              <button
                className="button button--secondary"
                type="button"
                aria-disabled={busy || undefined}
                onClick={() =>
                  void run(async () => {
                    await datasetsApi.detach(ws, dataset.id, await current());
                    return t('datasets.attach.detached');
                  })
                }
              >
                {t('datasets.attach.detach')}
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p>{t('datasets.attach.notAttached')}</p>
      )}
      {canEdit ? (
        <form
          className="datasets-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (nothingChosen) return;
            void (suggestion ? attach() : suggest());
          }}
        >
          <div className="field">
            <label htmlFor="attach-journey">
              {dataset.journeyId ? t('datasets.attach.another') : t('datasets.attach.journey')}
            </label>
            <select
              id="attach-journey"
              value={journeyId}
              onChange={(e) => {
                setJourneyId(e.target.value);
                setSuggestion(null);
              }}
            >
              <option value="">{t('datasets.attach.chooseJourney')}</option>
              {journeys.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.title}
                </option>
              ))}
            </select>
          </div>
          {suggestion ? (
            <table className="datasets-table">
              <caption>{t('datasets.attach.caption', { journey: suggestion.journey.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('datasets.attach.activity')}</th>
                  <th scope="col">{t('datasets.attach.step')}</th>
                </tr>
              </thead>
              <tbody>
                {suggestion.activities.map((a, i) => (
                  <tr key={a.activity}>
                    <th scope="row" id={`act-${i}`}>
                      {a.activity}
                    </th>
                    <td>
                      <select
                        aria-labelledby={`act-${i}`}
                        value={steps[a.activity] ?? ''}
                        onChange={(e) =>
                          setSteps((s) => {
                            const next = { ...s };
                            if (e.target.value) next[a.activity] = e.target.value;
                            else delete next[a.activity];
                            return next;
                          })
                        }
                      >
                        <option value="">{t('datasets.attach.notOnJourney')}</option>
                        {suggestion.columns.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="datasets-actions">
            <button className="button" type="submit" aria-disabled={busy || nothingChosen || undefined}>
              {suggestion ? t('datasets.attach.submit') : t('datasets.attach.map')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
