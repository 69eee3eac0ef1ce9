import { compareLogTable, type CompareLogs, type Comparison } from '@waymark/measure';
import type { DatasetSummary } from '../datasets/datasets-api';
import { getTranslator, t } from '../i18n';

/** Each side's chosen event log (dataset id), '' for none. */
export interface LogPick {
  readonly current: string;
  readonly desired: string;
}

/** The log attached to a journey, else none: what Compare measures until the person chooses another. */
export const attachedLog = (datasets: readonly DatasetSummary[], journeyId: string): string =>
  datasets.find((d) => d.journeyId === journeyId)?.id ?? '';

/** The choice of an event log for one side: the journey's attached logs first, then the workspace's others. */
export function LogChoice(props: {
  side: 'current' | 'desired';
  journeyId: string;
  datasets: readonly DatasetSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  const attached = props.datasets.filter((d) => d.journeyId === props.journeyId);
  const others = props.datasets.filter((d) => d.journeyId !== props.journeyId);
  const option = (d: DatasetSummary) => (
    <option key={d.id} value={d.id}>
      {d.name}
    </option>
  );
  return (
    <div className="field">
      <label htmlFor={`compare-log-${props.side}`}>{t('compareLog.chooseLog', { side: props.side })}</label>
      <select
        id={`compare-log-${props.side}`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      >
        <option value="">{t('compareLog.chooseNone')}</option>
        {attached.length > 0 ? (
          <optgroup label={t('compareLog.attached')}>{attached.map(option)}</optgroup>
        ) : null}
        {others.length > 0 ? <optgroup label={t('compareLog.others')}>{others.map(option)}</optgroup> : null}
      </select>
    </div>
  );
}

/**
 * The figures of each side's event log beside its map's (issue 13 items 1, 4, 5): closing the loop, the
 * Successful Customer Outcome and the time to it, the value-added ratio and hand-offs, each share with its
 * interval and each log named with its number of cases. The table is the one the downloads print.
 */
export function CompareLogFigures({ comparison, logs }: { comparison: Comparison; logs: CompareLogs }) {
  const table = compareLogTable(comparison, logs, getTranslator());
  return (
    <section aria-labelledby="compare-log-heading" data-testid="compare-log">
      <h2 id="compare-log-heading">{t('compareLog.heading')}</h2>
      <p>{t('compareLog.intro')}</p>
      <ul>
        {table.sources.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <table className="improve-table">
        <caption className="visually-hidden">{t('compareLog.heading')}</caption>
        <thead>
          <tr>
            {table.head.map((h) => (
              <th scope="col" key={h}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map(([label, ...cells]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {cells.map((x, i) => (
                <td key={i}>{x}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
