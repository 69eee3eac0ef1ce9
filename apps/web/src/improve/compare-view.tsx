import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CostChoice, CostBasisLine, costQuery, type CostChoiceValue } from '../costs/cost-choice';
import type { AlignmentRow, CompareLogs, Comparison } from '@waymark/measure';
import { datasetsApi, type DatasetSummary } from '../datasets/datasets-api';
import { ErrorSummary, errorText } from '../ui/field';
import { t, tRich, type MessageId } from '../i18n';
import { CompareEvidence } from './compare-evidence';
import { attachedLog, CompareLogFigures, LogChoice, type LogPick } from './compare-logs';
import { figureLabel, figureOrder, formatChange, formatFigure } from './figures-format';
import { improveApi, type CompareOptions, type Pairing } from './improve-api';
import { journeyChoices } from './journey-figures';
import { counterpartPick, journeyChoiceLabel, type JourneyListItem } from './journey-choice';
import type { ImproveViewProps } from './improve-page';

interface Pick {
  readonly current: string;
  readonly desired: string;
}
const howLabel: Record<AlignmentRow['how'], MessageId | null> = {
  id: 'compare.how.id',
  name: 'compare.how.name',
  user: 'compare.how.user',
  unmatched: null,
};
const statusLabel: Record<'kept' | 'removed' | 'added', MessageId> = {
  kept: 'compare.status.kept',
  removed: 'compare.status.removed',
  added: 'compare.status.added',
};
/** A kind of journey's name from the catalogue; an unknown kind as it is. */
const typeName = (type: string): string => {
  const id = `model.journeyType.${type}` as MessageId;
  const words = t(id);
  return words === id ? type : words;
};

/** A channel's name in the chosen language; an unknown id as it is. */
const channelName = (channel: string): string => {
  const id = `model.channel.${channel}` as MessageId;
  const words = t(id);
  return words === id ? channel : words;
};

/** Current and desired side by side: aligned steps with confirm/override controls, totals, emotion, downloads. */
export function CompareView({ ws, id }: ImproveViewProps) {
  const [journeys, setJourneys] = useState<JourneyListItem[]>([]);
  const [pick, setPick] = useState<Pick | null>(null);
  const [pairs, setPairs] = useState<Pairing[]>([]);
  const [confirm, setConfirm] = useState<string[]>([]);
  const [result, setResult] = useState<{
    comparison: Comparison;
    alignment: AlignmentRow[];
    logs: CompareLogs | null;
  } | null>(null);
  const [datasets, setDatasets] = useState<DatasetSummary[]>([]);
  const [logs, setLogs] = useState<LogPick>({ current: '', desired: '' });
  const [error, setError] = useState<string | null>(null);
  const [costs, setCosts] = useState<CostChoiceValue>({ modelId: '', priceYear: '' });

  useEffect(() => {
    void (async () => {
      try {
        const [list, here] = await Promise.all([improveApi.journeys(ws), improveApi.journey(ws, id)]);
        setJourneys(list.items);
        // The journey's own counterpart, or nothing: never an unrelated journey (issue 11 item 8).
        const load = async (other: string) => (await improveApi.journey(ws, other)).journey;
        const chosen = await counterpartPick(here.journey, list.items, load);
        // each side's attached event log, measured until the person chooses another (issue 13 items 1, 4, 5)
        const logList = await datasetsApi
          .list(ws)
          .then((r) => r.items)
          .catch(() => [] as DatasetSummary[]);
        setDatasets(logList);
        setLogs({
          current: attachedLog(logList, chosen.current),
          desired: attachedLog(logList, chosen.desired),
        });
        setPick(chosen);
      } catch (e) {
        setError(errorText(e));
      }
    })();
  }, [ws, id]);
  const options: CompareOptions = useMemo(
    () => ({
      ...costQuery(costs),
      ...(logs.current ? { currentLog: logs.current } : {}),
      ...(logs.desired ? { desiredLog: logs.desired } : {}),
    }),
    [costs, logs],
  );

  useEffect(() => {
    if (!pick || pick.current === '' || pick.desired === '') return setResult(null);
    improveApi
      .compare(ws, pick.current, pick.desired, pairs, confirm, options)
      .then((r) => {
        setResult(r);
        setError(null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, [ws, pick, pairs, confirm, options]);

  const c = result?.comparison;
  const currentSteps = useMemo(() => c?.rows.flatMap((r) => (r.current ? [r.current] : [])) ?? [], [c]);
  const setPair = (desired: string, current: string | null) =>
    setPairs((ps) => [...ps.filter((p) => p.desired !== desired), { desired, current }]);

  return (
    <section aria-labelledby="compare-heading">
      <h1 id="compare-heading">{t('compare.heading')}</h1>
      <ErrorSummary message={error} />
      {pick ? (
        <form className="improve-form improve-form--inline" onSubmit={(e) => e.preventDefault()}>
          {(['current', 'desired'] as const).map((side) => (
            <div className="field" key={side}>
              <label htmlFor={`compare-${side}`}>
                {side === 'current' ? t('compare.currentJourney') : t('compare.desiredJourney')}
              </label>
              <select
                id={`compare-${side}`}
                value={pick[side]}
                onChange={(e) => {
                  setPairs([]);
                  setConfirm([]);
                  setLogs({ ...logs, [side]: attachedLog(datasets, e.target.value) });
                  setPick({ ...pick, [side]: e.target.value });
                }}
              >
                {pick[side] === '' ? <option value="">{t('improve.choice.none')}</option> : null}
                {journeyChoices(journeys).map((g) => (
                  <optgroup key={g.journeyType} label={typeName(g.journeyType)}>
                    {g.items.map((j) => (
                      <option key={j.id} value={j.id}>
                        {journeyChoiceLabel(
                          journeys.find((x) => x.id === j.id) ?? { ...j, journeyType: g.journeyType },
                          journeys,
                        )}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </div>
          ))}
          <CostChoice ws={ws} value={costs} onChange={setCosts} />
          {(['current', 'desired'] as const).map((side) => (
            <LogChoice
              key={side}
              side={side}
              journeyId={pick[side]}
              datasets={datasets}
              value={logs[side]}
              onChange={(v) => setLogs({ ...logs, [side]: v })}
            />
          ))}
        </form>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      {c && pick ? (
        <>
          <p className="improve-downloads">
            {tRich('compare.downloads', {
              ...Object.fromEntries(
                (['html', 'md', 'csv', 'pdf'] as const).map((format) => [
                  format,
                  (chunks: ReactNode[]) => (
                    <a
                      href={improveApi.compareUrl(
                        ws,
                        pick.current,
                        pick.desired,
                        format,
                        pairs,
                        confirm,
                        options,
                      )}
                      download
                    >
                      {chunks}
                    </a>
                  ),
                ]),
              ),
            })}
          </p>
          {c.unconfirmed > 0 ? (
            <div className="improve-notice" role="status">
              <p>
                {tRich('compare.unconfirmed', {
                  count: c.unconfirmed,
                  confirm: (chunks) => (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        // Added to the ones already confirmed, which are no longer name matches.
                        setConfirm((cs) => [
                          ...cs,
                          ...c.rows
                            .filter((r) => r.alignment.how === 'name')
                            .map((r) => r.alignment.desired!),
                        ])
                      }
                    >
                      {chunks}
                    </button>
                  ),
                })}
              </p>
            </div>
          ) : null}
          <TotalsTable comparison={c} />
          <CostBasisLine basis={c.costBasis} />
          <table className="improve-table">
            <caption>{t('compare.steps.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('compare.steps.status')}</th>
                <th scope="col">{t('compare.steps.current')}</th>
                <th scope="col">{t('compare.steps.desired')}</th>
                <th scope="col">{t('compare.steps.pairing')}</th>
                <th scope="col">{figureLabel('contacts')}</th>
                <th scope="col">{figureLabel('elapsedDays')}</th>
                <th scope="col">{figureLabel('handOffs')}</th>
                <th scope="col">{t('compare.steps.cost')}</th>
                <th scope="col">{t('compare.steps.emotion')}</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r, i) => (
                <tr key={`${r.alignment.current}-${r.alignment.desired}-${i}`}>
                  <td>{t(statusLabel[r.status])}</td>
                  <th scope="row">{r.current?.label ?? '—'}</th>
                  <td>{r.desired?.label ?? '—'}</td>
                  <td>
                    {howLabel[r.alignment.how] ? t(howLabel[r.alignment.how]!) : '—'}
                    {r.alignment.desired ? (
                      <div className="improve-pairing">
                        {r.alignment.how === 'name' && !r.alignment.confirmed ? (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => setConfirm((cs) => [...cs, r.alignment.desired!])}
                          >
                            {tRich('compare.confirmPair', {
                              desired: r.desired?.label ?? '',
                              current: r.current?.label ?? '',
                              hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                            })}
                          </button>
                        ) : null}
                        <label className="visually-hidden" htmlFor={`pair-${i}`}>
                          {t('compare.pairWith', { desired: r.desired?.label ?? '' })}
                        </label>
                        <select
                          id={`pair-${i}`}
                          value={r.alignment.current ?? ''}
                          onChange={(e) =>
                            setPair(r.alignment.desired!, e.target.value === '' ? null : e.target.value)
                          }
                        >
                          <option value="">{t('compare.newStep')}</option>
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
                        ? t('compare.emotion.better', { amount: r.emotionDelta })
                        : r.emotionDelta < 0
                          ? t('compare.emotion.worse', { amount: -r.emotionDelta })
                          : t('compare.change.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <EmotionSummary comparison={c} />
          <div className="improve-columns">
            <section aria-labelledby="removed-heading">
              <h2 id="removed-heading">{t('compare.stepsRemoved')}</h2>
              {c.stepsRemoved.length === 0 ? (
                <p>{t('compare.noneListed')}</p>
              ) : (
                <ul>
                  {c.stepsRemoved.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby="added-heading">
              <h2 id="added-heading">{t('compare.stepsAdded')}</h2>
              {c.stepsAdded.length === 0 ? (
                <p>{t('compare.noneListed')}</p>
              ) : (
                <ul>
                  {c.stepsAdded.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <CompareEvidence comparison={c} />
          {result?.logs ? <CompareLogFigures comparison={c} logs={result.logs} /> : null}
          {c.uncostedChannels.length > 0 ? (
            <section aria-labelledby="notes-heading">
              <h2 id="notes-heading">{t('compare.notes')}</h2>
              <ul>
                {c.uncostedChannels.map((channel) => (
                  <li key={channel}>
                    {t('measure.compare.uncosted', {
                      channel: channelName(channel),
                      table: c.costTable.id,
                    })}
                  </li>
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
      <caption>{t('compare.totals.caption', { source: c.costTable.source })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('compare.totals.figure')}</th>
          <th scope="col">{t('compare.totals.current')}</th>
          <th scope="col">{t('compare.totals.desired')}</th>
          <th scope="col">{t('compare.totals.change')}</th>
        </tr>
      </thead>
      <tbody>
        {figureOrder.map((k) => (
          <tr key={k} data-figure={k}>
            <th scope="row">
              {k === 'handOffs'
                ? t('evidence.handOffs.label', {
                    source:
                      c.current.handOffs?.source === c.desired.handOffs?.source
                        ? (c.current.handOffs?.source ?? 'map')
                        : 'both',
                  })
                : figureLabel(k)}
            </th>
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
      <h2 id="emotion-heading">{t('compare.emotion.heading')}</h2>
      <div className="improve-columns">
        {(
          [
            ['current', t('compare.currentJourney'), c.current.emotion],
            ['desired', t('compare.desiredJourney'), c.desired.emotion],
          ] as const
        ).map(([key, name, e]) => (
          <div key={key}>
            <h3>{name}</h3>
            <p>
              {e.lowest
                ? tRich('compare.emotion.lowest', {
                    step: e.lowest.label,
                    score: Math.round(e.lowest.score * 10) / 10,
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })
                : t('compare.emotion.noScores')}
            </p>
            <p>{t('compare.emotion.moments')}</p>
            {e.momentsOfTruth.length === 0 ? (
              <p>{t('compare.emotion.noMoments')}</p>
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
