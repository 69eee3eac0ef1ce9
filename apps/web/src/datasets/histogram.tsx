import { useId } from 'react';
import { t } from '../i18n';
import type { Bin } from './datasets-api';
import { formatCount, formatNumber } from './dataset-format';

const r1 = (x: number) => Math.round(x * 10) / 10;

/** A histogram as SVG bars, with the same counts in a table for screen readers and keyboard users. */
export function Histogram({
  title,
  unit,
  bins,
}: {
  title: string;
  /** What the bins count: contacts per case or days end to end. */
  unit: 'contacts' | 'days';
  bins: readonly Bin[];
}) {
  const titleId = useId();
  const max = Math.max(1, ...bins.map((b) => b.count));
  const W = 480;
  const H = 160;
  const bw = bins.length ? W / bins.length : W;
  const range = (b: Bin) =>
    t(unit === 'days' ? 'datasets.histogram.rangeDays' : 'datasets.histogram.rangeContacts', {
      from: r1(b.from),
      to: r1(b.to),
    });
  const peak = bins.reduce<Bin | null>((m, b) => (!m || b.count > m.count ? b : m), null);
  return (
    <figure className="datasets-histogram">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${W} ${H + 20}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-desc`}
      >
        <desc id={`${titleId}-desc`}>
          {peak
            ? t('datasets.histogram.description', {
                bars: bins.length,
                cases: peak.count,
                range: range(peak),
              })
            : t('datasets.histogram.empty')}
        </desc>
        {bins.map((b, i) => {
          const h = (b.count / max) * H;
          return (
            <rect key={i} x={i * bw + 1} y={H - h} width={Math.max(1, bw - 2)} height={h} fill="#1d70b8" />
          );
        })}
        <line x1={0} x2={W} y1={H} y2={H} stroke="#0b0c0c" />
        <text x={0} y={H + 16} className="datasets-axis">
          {bins[0] ? formatNumber(bins[0].from, 1) : ''}
        </text>
        <text x={W} y={H + 16} textAnchor="end" className="datasets-axis">
          {bins.length
            ? t(unit === 'days' ? 'eventlog.duration.days' : 'eventlog.count.contacts', {
                count: r1(bins[bins.length - 1]!.to),
              })
            : ''}
        </text>
      </svg>
      <details className="datasets-details">
        <summary>{t('datasets.histogram.asTable', { title })}</summary>
        <table className="datasets-table">
          <thead>
            <tr>
              <th scope="col">{t('datasets.histogram.range')}</th>
              <th scope="col" className="num">
                {t('datasets.histogram.cases')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((b, i) => (
              <tr key={i}>
                <td>{range(b)}</td>
                <td className="num">{formatCount(b.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
