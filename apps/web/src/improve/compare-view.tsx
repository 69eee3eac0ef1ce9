import { useEffect, useMemo, useState } from 'react';
import type { AlignmentRow, Comparison } from '@waymark/measure';
import { ErrorSummary, errorText } from '../ui/field';
import { figureLabels, figureOrder, formatChange, formatFigure } from './figures-format';
import { improveApi, type Pairing } from './improve-api';
import type { ImproveViewProps } from './improve-page';

interface Pick {
  readonly current: string;
  readonly desired: string;
}
const howLabel: Record<AlignmentRow['how'], string> = {
  id: 'Linked',
  name: 'Same name (not confirmed)',
  user: 'Paired by you',
  unmatched: '—',
};

/** Current and desired side by side: aligned steps with confirm/override controls, totals, emotion, downloads. */
export function CompareView({ ws, id }: ImproveViewProps) {
  const [journeys, setJourneys] = useState<{ id: string; title: string; journeyType: string }[]>([]);
  const [pick, setPick] = useState<Pick | null>(null);
  const [pairs, setPairs] = useState<Pairing[]>([]);
  const [confirm, setConfirm] = useState<string[]>([]);
  const [result, setResult] = useState<{ comparison: Comparison; alignment: AlignmentRow[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void (async () => {
      try {
        const [list, here] = await Promise.all([improveApi.journeys(ws), improveApi.journey(ws, id)]);
        setJourneys(list.items);
        const j = here.journey;
        const basedOn = j.meta.basedOn;
        if (j.meta.journeyType === 'desired' && basedOn) setPick({ current: basedOn, desired: j.id });
        else {
          const desired = list.items.find((x) => x.journeyType === 'desired' && x.id !== j.id);
          setPick({ current: j.id, desired: desired?.id ?? j.id });
        }
      } catch (e) {
        setError(errorText(e));
      }
    })();
  }, [ws, id]);

  useEffect(() => {
    if (!pick) return;
    improveApi
      .compare(ws, pick.current, pick.desired, pairs, confirm)
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, pick, pairs, confirm]);

  const c = result?.comparison;
  const currentSteps = useMemo(() => c?.rows.flatMap((r) => (r.current ? [r.current] : [])) ?? [], [c]);
  const setPair = (desired: string, current: string | null) =>
    setPairs((ps) => [...ps.filter((p) => p.desired !== desired), { desired, current }]);

  return (
    <section aria-labelledby="compare-heading">
      <h1 id="compare-heading">Compare the current and desired journeys</h1>
      <ErrorSummary message={error} />
      {pick ? (
        <form className="improve-form improve-form--inline" onSubmit={(e) => e.preventDefault()}>
          {(['current', 'desired'] as const).map((side) => (
            <div className="field" key={side}>
              <label htmlFor={`compare-${side}`}>
                {side === 'current' ? 'Current journey' : 'Desired journey'}
              </label>
              <select
                id={`compare-${side}`}
                value={pick[side]}
                onChange={(e) => {
                  setPairs([]);
                  setConfirm([]);
                  setPick({ ...pick, [side]: e.target.value });
                }}
              >
                {journeys.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.title} ({j.journeyType})
                  </option>
                ))}
              </select>
            </div>
          ))}
        </form>
      ) : (
        <p role="status">Loading…</p>
      )}
      {c && pick ? (
        <>
          <p className="improve-downloads">
            Download the comparison:{' '}
            <a href={improveApi.compareUrl(ws, pick.current, pick.desired, 'html', pairs, confirm)} download>
              HTML report
            </a>{' '}
            ·{' '}
            <a href={improveApi.compareUrl(ws, pick.current, pick.desired, 'md', pairs, confirm)} download>
              Markdown
            </a>
          </p>
          {c.unconfirmed > 0 ? (
            <div className="improve-notice" role="status">
              <p>
                {c.unconfirmed} step {c.unconfirmed === 1 ? 'pairing was' : 'pairings were'} matched by name
                only. Check each one below, or{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    // Added to the ones already confirmed, which are no longer name matches.
                    setConfirm((cs) => [
                      ...cs,
                      ...c.rows.filter((r) => r.alignment.how === 'name').map((r) => r.alignment.desired!),
                    ])
                  }
                >
                  confirm all name matches
                </button>
                .
              </p>
            </div>
          ) : null}
          <TotalsTable comparison={c} />
          <table className="improve-table">
            <caption>Step by step (desired minus current)</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Current step</th>
                <th scope="col">Desired step</th>
                <th scope="col">Pairing</th>
                <th scope="col">Contacts</th>
                <th scope="col">Elapsed days</th>
                <th scope="col">Hand-offs</th>
                <th scope="col">Cost</th>
                <th scope="col">Emotion</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r, i) => (
                <tr key={`${r.alignment.current}-${r.alignment.desired}-${i}`}>
                  <td>{r.status === 'added' ? 'New' : r.status === 'removed' ? 'Removed' : 'Kept'}</td>
                  <th scope="row">{r.current?.label ?? '—'}</th>
                  <td>{r.desired?.label ?? '—'}</td>
                  <td>
                    {howLabel[r.alignment.how]}
                    {r.alignment.desired ? (
                      <div className="improve-pairing">
                        {r.alignment.how === 'name' && !r.alignment.confirmed ? (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => setConfirm((cs) => [...cs, r.alignment.desired!])}
                          >
                            Confirm
                            <span className="visually-hidden">
                              {' '}
                              that {r.desired?.label} is {r.current?.label}
                            </span>
                          </button>
                        ) : null}
                        <label className="visually-hidden" htmlFor={`pair-${i}`}>
                          Current step paired with {r.desired?.label}
                        </label>
                        <select
                          id={`pair-${i}`}
                          value={r.alignment.current ?? ''}
                          onChange={(e) =>
                            setPair(r.alignment.desired!, e.target.value === '' ? null : e.target.value)
                          }
                        >
                          <option value="">New step (no current step)</option>
                          {currentSteps.map((s) => (
                            <option key={s.columnId} value={s.columnId}>
                              {s.label}
                            </option>
                          ))}
                        </select>
                      </div>
                    ) : null}
                  </td>
                  <td className="num">{formatChange('contacts', r.delta.contacts)}</td>
                  <td className="num">{formatChange('elapsedDays', r.delta.elapsedDays)}</td>
                  <td className="num">{formatChange('handOffs', r.delta.handOffs)}</td>
                  <td className="num">{formatChange('cost', r.delta.cost)}</td>
                  <td className="num">
                    {r.emotionDelta === null
                      ? '—'
                      : r.emotionDelta > 0
                        ? `+${r.emotionDelta} (better)`
                        : r.emotionDelta < 0
                          ? `−${-r.emotionDelta} (worse)`
                          : 'no change'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <EmotionSummary comparison={c} />
          <div className="improve-columns">
            <section aria-labelledby="removed-heading">
              <h2 id="removed-heading">Steps removed</h2>
              {c.stepsRemoved.length === 0 ? (
                <p>None.</p>
              ) : (
                <ul>
                  {c.stepsRemoved.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="added-heading">
              <h2 id="added-heading">Steps added</h2>
              {c.stepsAdded.length === 0 ? (
                <p>None.</p>
              ) : (
                <ul>
                  {c.stepsAdded.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          {c.notes.length > 0 ? (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes</h2>
              <ul>
                {c.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function TotalsTable({ comparison: c }: { comparison: Comparison }) {
  return (
    <table className="improve-table" data-testid="compare-totals">
      <caption>Totals per journey ({c.costTable.source})</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Current</th>
          <th scope="col">Desired</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {figureOrder.map((k) => (
          <tr key={k} data-figure={k}>
            <th scope="row">{figureLabels[k]}</th>
            <td className="num" data-value={c.current.totals[k]}>
              {formatFigure(k, c.current.totals[k])}
            </td>
            <td className="num" data-value={c.desired.totals[k]}>
              {formatFigure(k, c.desired.totals[k])}
            </td>
            <td className="num" data-value={c.delta[k]}>
              {formatChange(k, c.delta[k])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmotionSummary({ comparison: c }: { comparison: Comparison }) {
  return (
    <section aria-labelledby="emotion-heading">
      <h2 id="emotion-heading">How it feels</h2>
      <div className="improve-columns">
        {(
          [
            ['Current', c.current.emotion],
            ['Desired', c.desired.emotion],
          ] as const
        ).map(([name, e]) => (
          <div key={name}>
            <h3>{name} journey</h3>
            <p>
              Lowest point:{' '}
              {e.lowest ? (
                <>
                  <strong>{e.lowest.label}</strong> (score {e.lowest.score} on −100 to +100)
                </>
              ) : (
                'no scores yet'
              )}
            </p>
            <p>Moments of truth:</p>
            {e.momentsOfTruth.length === 0 ? (
              <p>None marked.</p>
            ) : (
              <ul>
                {e.momentsOfTruth.map((m, i) => (
                  <li key={i}>
                    <strong>{m.label}</strong>: {m.text}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
