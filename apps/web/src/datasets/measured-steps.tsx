import type { Journey, MetricKind } from '@waymark/core';
import { metricKinds } from '@waymark/core';
import { formatNumber } from './dataset-format';

const shown: readonly MetricKind[] = ['contacts', 'wait-days', 'hand-offs', 'unit-cost', 'volume'];

/** The metric cards a dataset wrote on a journey, step by step, read back from the journey itself. */
export function MeasuredSteps({ journey, datasetId }: { journey: Journey; datasetId: string }) {
  const source = `ds-${datasetId}`.slice(0, 60);
  const cards = journey.cards.filter((c) => c.kind === 'metric' && c.sourceId === source);
  const columns = journey.columns.filter((col) => cards.some((c) => c.columnId === col.id));
  if (columns.length === 0) return <p>No step of the journey has figures from this log.</p>;
  const value = (columnId: string, metric: MetricKind) => {
    const card = cards.find((c) => c.columnId === columnId && c.kind === 'metric' && c.metric === metric);
    return card && card.kind === 'metric' ? formatNumber(card.value) : '—';
  };
  return (
    <table className="datasets-table" aria-label="Measured figures on the journey’s steps">
      <thead>
        <tr>
          <th scope="col">Step</th>
          {shown.map((m) => (
            <th scope="col" className="num" key={m}>
              {metricKinds[m].label} ({metricKinds[m].unit})
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {columns.map((col) => (
          <tr key={col.id}>
            <th scope="row">{col.label}</th>
            {shown.map((m) => (
              <td className="num" key={m}>
                {value(col.id, m)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
