import type { Journey, MetricKind } from '@waymark/core';
import { formatMoney, t, type MessageId } from '../i18n';
import { formatDays, formatNumber } from './dataset-format';

/** The figures shown, each with a heading that names its unit once and a value written for that unit. */
const shown: readonly { metric: MetricKind; heading: MessageId; value: (n: number) => string }[] = [
  { metric: 'contacts', heading: 'datasets.measured.contacts', value: (n) => formatNumber(n) },
  { metric: 'elapsed-days', heading: 'datasets.measured.elapsed', value: formatDays },
  { metric: 'wait-days', heading: 'datasets.measured.wait', value: formatDays },
  { metric: 'hand-offs', heading: 'datasets.measured.handOffs', value: (n) => formatNumber(n) },
  { metric: 'unit-cost', heading: 'datasets.measured.unitCost', value: (n) => formatMoney(n) },
  { metric: 'volume', heading: 'datasets.measured.volume', value: (n) => formatNumber(n, 0) },
];

/** The metric cards a dataset wrote on a journey, step by step, read back from the journey itself. */
export function MeasuredSteps({ journey, datasetId }: { journey: Journey; datasetId: string }) {
  const source = `ds-${datasetId}`.slice(0, 60);
  const cards = journey.cards.filter((c) => c.kind === 'metric' && c.sourceId === source);
  const columns = journey.columns.filter((col) => cards.some((c) => c.columnId === col.id));
  if (columns.length === 0) return <p>{t('datasets.measured.none')}</p>;
  const value = (columnId: string, s: (typeof shown)[number]) => {
    const card = cards.find((c) => c.columnId === columnId && c.kind === 'metric' && c.metric === s.metric);
    return card && card.kind === 'metric' ? s.value(card.value) : '—';
  };
  return (
    <table className="datasets-table" aria-label={t('datasets.measured.table')}>
      <thead>
        <tr>
          <th scope="col">{t('datasets.measured.step')}</th>
          {shown.map((s) => (
            <th scope="col" className="num" key={s.metric}>
              {t(s.heading)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {columns.map((col) => (
          <tr key={col.id}>
            <th scope="row">{col.label}</th>
            {shown.map((s) => (
              <td className="num" key={s.metric}>
                {value(col.id, s)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
