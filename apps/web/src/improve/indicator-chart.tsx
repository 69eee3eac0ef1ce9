import type { IndicatorSeries } from '@waymark/measure';
import { formatNumber, t } from '../i18n';
import { chartModel } from './indicator-chart-model';

const fmt = (n: number) => formatNumber(n, { maximumFractionDigits: 1 });

/** Values over time with baseline and target lines; a miss is a cross with the word "missed", not colour alone. */
export function IndicatorChart({ series }: { series: IndicatorSeries }) {
  const m = chartModel(series);
  const { indicator } = series;
  const titleId = `chart-${indicator.key}`;
  return (
    <svg
      className="improve-chart"
      viewBox={`0 0 ${m.width} ${m.height}`}
      role="img"
      aria-labelledby={titleId}
    >
      <title id={titleId}>
        {t('business.chart.title', {
          label: indicator.label,
          baseline: fmt(indicator.baseline),
          target: fmt(indicator.target),
          unit: indicator.unit,
          points:
            series.points
              .map((p) =>
                t('business.chart.point', { period: p.period, value: fmt(p.value), status: p.status }),
              )
              .join(', ') || t('business.chart.noValues'),
        })}
      </title>
      {m.yTicks.map((tick) => (
        <g key={tick.value}>
          <line x1={40} x2={m.width - 8} y1={tick.y} y2={tick.y} className="improve-chart__grid" />
          <text x={36} y={tick.y + 4} textAnchor="end" className="improve-chart__tick">
            {fmt(tick.value)}
          </text>
        </g>
      ))}
      <line x1={40} x2={m.width - 8} y1={m.baselineY} y2={m.baselineY} className="improve-chart__baseline" />
      <text x={m.width - 8} y={m.baselineY - 4} textAnchor="end" className="improve-chart__label">
        {t('business.chart.baseline', { value: fmt(indicator.baseline) })}
      </text>
      <line x1={40} x2={m.width - 8} y1={m.targetY} y2={m.targetY} className="improve-chart__target" />
      <text x={m.width - 8} y={m.targetY - 4} textAnchor="end" className="improve-chart__label">
        {t('business.chart.target', { value: fmt(indicator.target) })}
      </text>
      <path d={m.path} className="improve-chart__line" />
      {m.points.map((p) => (
        <g key={p.period}>
          {p.status === 'missed' ? (
            <path
              d={`M${p.x - 6},${p.y - 6} L${p.x + 6},${p.y + 6} M${p.x - 6},${p.y + 6} L${p.x + 6},${p.y - 6}`}
              className="improve-chart__miss"
            />
          ) : p.status === 'met' ? (
            <circle cx={p.x} cy={p.y} r={6} className="improve-chart__met" />
          ) : (
            <rect x={p.x - 5} y={p.y - 5} width={10} height={10} className="improve-chart__improving" />
          )}
          <text x={p.x} y={m.height - 4} textAnchor="middle" className="improve-chart__tick">
            {p.period}
          </text>
          <text x={p.x} y={p.y - 10} textAnchor="middle" className="improve-chart__tick">
            {p.status === 'missed' ? t('business.chart.missedValue', { value: fmt(p.value) }) : fmt(p.value)}
          </text>
        </g>
      ))}
    </svg>
  );
}
