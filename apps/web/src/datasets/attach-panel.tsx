import { useEffect, useState } from 'react';
import type { Journey } from '@waymark/core';
import type { JourneySummary } from '../api/types';
import { Link } from '../app/router';
import { useSession } from '../app/session';
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
  const [busy, setBusy] = useState(false);

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

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setError(null);
    try {
      setNotice(await action());
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  const suggest = () =>
    run(async () => {
      const s = await datasetsApi.suggestion(ws, dataset.id, journeyId);
      setSuggestion(s);
      setSteps(
        Object.fromEntries(s.activities.flatMap((a) => (a.suggested ? [[a.activity, a.suggested]] : []))),
      );
      return `Suggested steps of “${s.journey.title}” by name; check each one.`;
    });
  const attach = () =>
    run(async () => {
      if (!suggestion) throw new Error('Choose a journey and its steps first.');
      const r = await datasetsApi.attach(ws, dataset.id, {
        journeyId,
        baseVersion: suggestion.journey.version,
        steps,
      });
      setSuggestion(null);
      return [
        `Attached: the figures are on ${r.measures.length} steps (journey version ${r.journey.version}).`,
        ...r.warnings,
      ].join(' ');
    });
  const current = async () => (await api.journey(ws, dataset.journeyId as string)).version;

  return (
    <section aria-labelledby="attach-heading">
      <h2 id="attach-heading">Figures on a journey</h2>
      <ErrorSummary message={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {dataset.journeyId && attached ? (
        <>
          <p>
            Attached to <Link to={{ page: 'editor', ws, id: dataset.journeyId }}>{attached.meta.title}</Link>.
            Its steps show these measured figures:
          </p>
          <MeasuredSteps journey={attached} datasetId={dataset.id} />
          {canEdit ? (
            <div className="datasets-actions">
              <button
                className="button button--secondary"
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(
                    async () =>
                      `Refreshed (journey version ${(await datasetsApi.refresh(ws, dataset.id, await current())).journey.version}).`,
                  )
                }
              >
                Refresh the figures
              </button>
              <button
                className="button button--secondary"
                type="button"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await datasetsApi.detach(ws, dataset.id, await current());
                    return 'Detached: the figures were taken off the journey.';
                  })
                }
              >
                Detach from the journey
              </button>
            </div>
          ) : null}
        </>
      ) : (
        <p>Not attached to a journey.</p>
      )}
      {canEdit ? (
        <form
          className="datasets-form"
          onSubmit={(e) => {
            e.preventDefault();
            void (suggestion ? attach() : suggest());
          }}
        >
          <div className="field">
            <label htmlFor="attach-journey">
              {dataset.journeyId ? 'Attach to another journey, or map the steps again' : 'Journey'}
            </label>
            <select
              id="attach-journey"
              value={journeyId}
              onChange={(e) => {
                setJourneyId(e.target.value);
                setSuggestion(null);
              }}
            >
              <option value="">Choose a journey</option>
              {journeys.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.title}
                </option>
              ))}
            </select>
          </div>
          {suggestion ? (
            <table className="datasets-table">
              <caption>Which step of “{suggestion.journey.title}” each activity belongs to</caption>
              <thead>
                <tr>
                  <th scope="col">Activity in the log</th>
                  <th scope="col">Step on the journey</th>
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
                        <option value="">Not on this journey</option>
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
            <button
              className="button"
              type="submit"
              disabled={busy || journeyId === '' || (suggestion !== null && Object.keys(steps).length === 0)}
            >
              {suggestion ? 'Attach and write the figures' : 'Map activities to steps'}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
