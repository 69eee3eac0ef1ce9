import { t } from '../i18n';
import { useId } from 'react';
import { curveAt, curveScales, type CurveBox } from './curve-geometry';
import { formatScore, type CurveSeries, type SeriesShape } from './presentation-model';

const box: CurveBox = { width: 960, height: 300, left: 70, right: 16, top: 22, bottom: 34 };
/** The poster's series colours, each with its own dash and shape, so colour never carries meaning alone. */
const styles = [
  { colour: '#1f4e79', dash: undefined },
  { colour: '#a93226', dash: '7 4' },
  { colour: '#1e6b45', dash: '2 3' },
  { colour: '#5b2c6f', dash: '9 3 2 3' },
  { colour: '#6e5a00', dash: '4 2' },
];

/** A point of the given shape centred on (x, y). */
export function Shape({
  shape,
  x,
  y,
  r,
  colour,
  hollow,
}: {
  shape: SeriesShape;
  x: number;
  y: number;
  r: number;
  colour: string;
  hollow: boolean;
}) {
  const paint = { fill: hollow ? '#fff' : colour, stroke: colour, strokeWidth: 2 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={r} {...paint} />;
    case 'square':
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} {...paint} />;
    case 'triangle':
      return (
        <polygon
          points={`${x},${y - r * 1.2} ${x + r * 1.1},${y + r * 0.8} ${x - r * 1.1},${y + r * 0.8}`}
          {...paint}
        />
      );
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - r * 1.3} ${x + r * 1.3},${y} ${x},${y + r * 1.3} ${x - r * 1.3},${y}`}
          {...paint}
        />
      );
    case 'cross':
      return (
        <path
          d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`}
          stroke={colour}
          strokeWidth={3}
        />
      );
  }
}

/**
 * The emotion curve up to the current step: earlier points drawn, the current one larger, ringed and labelled
 * with its score; the steps still to come are empty slots. Its text alternative lists every score so far.
 */
export function EmotionCurve({
  series,
  count,
  current,
  stepTitle,
}: {
  series: readonly CurveSeries[];
  count: number;
  current: number;
  stepTitle: (index: number) => string;
}) {
  const id = useId();
  const { x, y } = curveScales(box, count);
  const drawn = curveAt(series, count, current, box);
  // Step numbers stay legible on a long journey: every nth, and always the current one.
  const labelEvery = Math.max(1, Math.ceil(count / 24));
  // Points shrink on a long journey so neighbours stay apart; the current one stays large.
  const radius = Math.max(1.5, Math.min(6, (x(1) - x(0)) / 3));
  const description = drawn
    .map((s) => {
      const scores = s.points.map(
        (p) => `step ${p.index + 1} ${formatScore(p.score)}${p.current ? ' (this step)' : ''}`,
      );
      return `${s.label}: ${scores.length > 0 ? scores.join(', ') : 'no score yet'}`;
    })
    .join('. ');
  return (
    <figure className="emotion-curve">
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="emotion-curve__svg"
      >
        <title id={`${id}-title`}>{t('views.curve.title', { step: current + 1, count })}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[100, 50, 0, -50, -100].map((score) => (
          <g key={score}>
            <line
              x1={box.left}
              x2={box.width - box.right}
              y1={y(score)}
              y2={y(score)}
              stroke={score === 0 ? '#0b0c0c' : '#8c8c8c'}
              strokeWidth={score === 0 ? 2 : 1}
              strokeDasharray={score === 0 || Math.abs(score) === 100 ? undefined : '4 4'}
            />
            <text x={box.left - 8} y={y(score) + 5} textAnchor="end" fontSize="15" fill="#0b0c0c">
              {score === 100 ? '+100 Great' : score === -100 ? '−100 Poor' : formatScore(score)}
            </text>
          </g>
        ))}
        {Array.from({ length: count }, (_, i) => i)
          .filter((i) => i === current || (i % labelEvery === 0 && Math.abs(i - current) > labelEvery / 2))
          .map((i) => (
            <text
              key={i}
              x={x(i)}
              y={box.height - 10}
              textAnchor="middle"
              fontSize="15"
              fontWeight={i === current ? 700 : 400}
              fill={i <= current ? '#0b0c0c' : '#505a5f'}
            >
              <title>{stepTitle(i)}</title>
              {i + 1}
            </text>
          ))}
        <rect
          x={x(current) - (x(1) - x(0)) / 2}
          y={box.top - 12}
          width={x(1) - x(0)}
          height={box.height - box.top - box.bottom + 12}
          fill="#1d70b8"
          opacity="0.08"
        />
        {drawn.map((s, i) => {
          const style = styles[i % styles.length]!;
          return (
            <g key={s.key} data-series={s.key}>
              <polyline
                points={s.points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke={style.colour}
                strokeWidth={3}
                strokeDasharray={style.dash}
                strokeLinejoin="round"
              />
              {s.points.map((p) => (
                <g key={p.index} data-role="curve-point" data-current={p.current ? 'true' : undefined}>
                  {p.current ? <circle cx={p.x} cy={p.y} r={16} fill="#ffdd00" stroke="#0b0c0c" /> : null}
                  <Shape
                    shape={s.shape}
                    x={p.x}
                    y={p.y}
                    r={p.current ? 8 : radius}
                    colour={style.colour}
                    hollow={p.estimate}
                  />
                  {p.current || labelEvery === 1 ? (
                    <text
                      x={p.x}
                      y={p.y + (p.score > 60 ? 30 : -20)}
                      textAnchor="middle"
                      fontSize={p.current ? 18 : 14}
                      fontWeight={700}
                      fill={style.colour}
                    >
                      {formatScore(p.score)}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
          );
        })}
      </svg>
      {series.length > 1 || series.some((s) => s.points.some((p) => p.estimate)) ? (
        <figcaption className="emotion-curve__legend">
          <ul>
            {series.map((s, i) => (
              <li key={s.key}>
                <svg width="40" height="16" aria-hidden="true" focusable="false">
                  <line
                    x1="2"
                    x2="38"
                    y1="8"
                    y2="8"
                    stroke={styles[i % styles.length]!.colour}
                    strokeWidth="3"
                    strokeDasharray={styles[i % styles.length]!.dash}
                  />
                  <Shape
                    shape={s.shape}
                    x={20}
                    y={8}
                    r={5}
                    colour={styles[i % styles.length]!.colour}
                    hollow={false}
                  />
                </svg>
                {s.label}
              </li>
            ))}
            {series.some((s) => s.points.some((p) => p.estimate)) ? (
              <li>{t('views.curve.estimate')}</li>
            ) : null}
          </ul>
        </figcaption>
      ) : null}
    </figure>
  );
}
