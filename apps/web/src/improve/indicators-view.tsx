import { indicatorSeries, recordIndicatorValue, type Indicator, type IndicatorValue } from '@waymark/measure';
import { useEffect, useState } from 'react';
import { ErrorSummary } from '../ui/field';
import { DefineIndicator, FromLog, RecordValue } from './indicator-forms';
import { IndicatorChart } from './indicator-chart';
import type { ImproveViewProps } from './improve-page';
import { figuresOfJourney } from './journey-figures';
import { improveApi } from './improve-api';
import { useArtifact } from './use-artifact';
import { useJourney } from './use-journey';
import { t } from '../i18n';

type Tracked = Indicator & { values: IndicatorValue[] };
interface IndicatorsData {
  indicators: Tracked[];
}
const statusText = {
  met: () => t('improve.ind.met'),
  improving: () => t('improve.ind.improving'),
  missed: () => t('improve.ind.missed'),
} as const;

/** Indicators of a journey: define them with baseline and target, record values by period, see the chart. */
export function IndicatorsView({ ws, id, canEdit }: ImproveViewProps) {
  const stored = useArtifact<IndicatorsData>(ws, id, 'indicators', () => ({ indicators: [] }));
  const { journey } = useJourney(ws, id);
  const figures = journey ? figuresOfJourney(journey) : {};
  const [data, setData] = useState<IndicatorsData | null>(null);
  useEffect(() => {
    if (stored.data) setData(stored.data);
  }, [stored.data]);
  if (!data)
    return (
      <>
        <ErrorSummary message={stored.error?.message ?? null} />
        <p role="status">{t('common.loading')}</p>
      </>
    );
  const update = (next: IndicatorsData) => {
    setData(next);
    void stored.save(next);
  };
  return (
    <section aria-labelledby="ind-heading">
      <h1 id="ind-heading">{t('improve.view.indicators')}</h1>
      <ErrorSummary message={stored.error?.message ?? null} />
      <p role="status" className="improve-status">
        {stored.status}
      </p>
      {data.indicators.length === 0 ? <p>{t('improve.ind.none')}</p> : null}
      {data.indicators.map((ind, i) => {
        const series = indicatorSeries(ind, ind.values);
        return (
          <section key={ind.key} aria-labelledby={`ind-${ind.key}`} className="improve-card">
            <h2 id={`ind-${ind.key}`}>{ind.label}</h2>
            <p>
              {t('improve.ind.baseline', {
                baseline: ind.baseline,
                target: ind.target,
                unit: ind.unit,
                direction: ind.direction === 'lower-is-better' ? 'lower' : 'higher',
              })}
            </p>
            {series.ok ? (
              <>
                {series.value.points.length > 0 ? <IndicatorChart series={series.value} /> : null}
                {series.value.misses.length > 0 ? (
                  <p>
                    <strong>{t('improve.ind.missedLabel')}</strong> {series.value.misses.join(', ')}
                  </p>
                ) : null}
                <table className="improve-table improve-table--narrow">
                  <caption>{t('improve.ind.caption', { label: ind.label })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('improve.ind.period')}</th>
                      <th scope="col">{t('improve.ind.value')}</th>
                      <th scope="col">{t('improve.ind.source')}</th>
                      <th scope="col">{t('improve.ind.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {series.value.points.map((p) => (
                      <tr key={p.period}>
                        <th scope="row">{p.period}</th>
                        <td className="num">{p.value}</td>
                        <td>{p.source}</td>
                        <td>{statusText[p.status]()}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : (
              <p className="error-message">{t('business.ind.seriesProblem')}</p>
            )}
            {canEdit ? (
              <RecordValue
                prefix={`ind-${i}`}
                computed={figures[ind.key]}
                onRecord={(v) =>
                  update({
                    indicators: data.indicators.map((x, k) =>
                      k === i ? { ...x, values: recordIndicatorValue(x.values, v) } : x,
                    ),
                  })
                }
              />
            ) : null}
          </section>
        );
      })}
      {canEdit && stored.version > 0 ? (
        <FromLog
          onSend={async (period, csv) => {
            const res = await improveApi.indicatorsFromLog<IndicatorsData>(
              ws,
              id,
              'main',
              period,
              await stored.settled(),
              csv,
            );
            stored.adopt(res.artifact);
            return t('improve.ind.fromLog', { recorded: res.recorded.join(', '), period });
          }}
        />
      ) : null}
      {canEdit ? (
        <DefineIndicator
          taken={data.indicators.map((x) => x.key)}
          onAdd={(ind) => update({ indicators: [...data.indicators, { ...ind, values: [] }] })}
        />
      ) : null}
    </section>
  );
}
