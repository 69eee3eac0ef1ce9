import { EMOTION_MAX, EMOTION_MIN } from '@waymark/core';
import { el, escapeXml, num } from '../../xml';
import type { LaneRenderer, LegendEntry } from '../lane-renderer';
import { point, star } from '../symbols';
import { drawParagraph, paragraph } from '../text-block';
import { theme } from '../theme';
import { emotionSeries } from './emotion-series';
import { formatScore } from '../../format-values';

const headroom = 18;
const plotHeight = 140;
const height = headroom * 2 + plotHeight;
const axisReserve = 36;

/** y of a score in a lane whose top is at `top`. */
export const scoreY = (top: number, score: number): number =>
  top + headroom + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * plotHeight;

/** The survey band: a pale fill with a dashed edge, as the editor shades it. */
const bandStyle = { fill: '#d2e2f1', stroke: '#1d70b8', 'stroke-width': 0.8, 'stroke-dasharray': '4 2' };

const styleOf = (i: number) => theme.series[i % theme.series.length]!;

/**
 * The emotion lane as a chart: −100…+100 with gridlines at ±50 and a bold zero line, one curve per persona or
 * respondent, each with its own colour, dash pattern and point shape, every point labelled with its score;
 * estimates hollow and noted; moments of truth starred in their column and on the curve.
 */
export const emotionLane: LaneRenderer<'emotion'> = {
  layout: ({ lane, cards }, ctx) => {
    const series = emotionSeries(lane, cards, ctx);
    const truthColumns = new Set(
      ctx.journey.cards.filter((c) => c.kind === 'moment-of-truth').map((c) => c.columnId as string),
    );
    const legend: LegendEntry[] = series.map((s, i) => ({
      key: `emotion:${lane.id}:${s.key}`,
      label: ctx.t('poster.emotionSeries', { series: s.label }),
      symbol:
        el('line', {
          x1: 1,
          y1: 6,
          x2: 27,
          y2: 6,
          stroke: styleOf(i).colour,
          'stroke-width': 1.6,
          'stroke-dasharray': styleOf(i).dash,
        }) + point(styleOf(i).shape, 14, 6, styleOf(i).colour, false),
    }));
    const bands = ctx.columns.flatMap((c) => {
      const b = ctx.surveyBands.get(c.column.id);
      return b ? [{ c, b }] : [];
    });
    if (bands.length > 0) {
      legend.push({
        key: 'emotion:survey-band',
        label: ctx.t('poster.surveyBandLegend'),
        symbol: el('rect', { ...bandStyle, x: 1, y: 1, width: 26, height: 10 }),
      });
    }
    if (cards.some((c) => c.estimate)) {
      legend.push({
        key: 'emotion:estimate',
        label: ctx.t('poster.estimateLegend'),
        symbol: point('circle', 14, 6, theme.colour.ink, true),
      });
    }
    return {
      height,
      headerReserve: axisReserve,
      legend,
      draw: (top) => {
        const gridlines = [EMOTION_MAX, 50, 0, -50, EMOTION_MIN].map((score) => {
          const y = scoreY(top, score);
          const zero = score === 0;
          const label =
            score === EMOTION_MAX
              ? ctx.t('poster.scoreGreat')
              : score === EMOTION_MIN
                ? ctx.t('poster.scorePoor')
                : formatScore(score);
          return (
            el('line', {
              x1: ctx.left,
              y1: y,
              x2: ctx.right,
              y2: y,
              stroke: zero ? theme.colour.ink : theme.colour.rule,
              'stroke-width': zero ? 1.8 : 0.5,
              'stroke-dasharray': zero || Math.abs(score) === EMOTION_MAX ? undefined : '3 3',
              'data-role': zero ? 'zero-line' : 'gridline',
            }) +
            drawParagraph(
              paragraph(label, axisReserve, {
                size: theme.size.small,
                anchor: 'end',
                weight: zero ? 'bold' : 'normal',
              }),
              ctx.left - 4,
              y - theme.size.small * 0.6,
            )
          );
        });
        const stars = ctx.columns
          .filter((c) => truthColumns.has(c.column.id))
          .map((c) =>
            el(
              'g',
              { 'data-role': 'moment-of-truth', 'data-column': c.column.id },
              star(c.x + 10, top + 10, 7),
            ),
          );
        const scoresIn = new Map<string, number[]>();
        for (const s of series)
          for (const p of s.points)
            scoresIn.set(p.column.column.id, [...(scoresIn.get(p.column.column.id) ?? []), p.card.score]);
        /** The highest score in a column is labelled above its point, the others below. */
        const labelAbove = (columnId: string, score: number) =>
          score >= Math.max(...(scoresIn.get(columnId) ?? [score]));
        const curves = series.map((s, i) => {
          const style = styleOf(i);
          const offset = (i - (series.length - 1) / 2) * 10;
          const xy = s.points.map((p) => ({ p, x: p.column.centre + offset, y: scoreY(top, p.card.score) }));
          const line = el('polyline', {
            points: xy.map(({ x, y }) => `${num(x)},${num(y)}`).join(' '),
            fill: 'none',
            stroke: style.colour,
            'stroke-width': 1.8,
            'stroke-dasharray': style.dash,
            'stroke-linejoin': 'round',
            'data-role': 'emotion-curve',
            'data-series': s.key,
          });
          const points = xy.map(({ p, x, y }) => {
            const above = labelAbove(p.column.column.id, p.card.score);
            const ly = Math.min(
              top + height - 2,
              Math.max(
                top + 11,
                (above ? y - 7 : y + 15) + (truthColumns.has(p.column.column.id) ? (above ? -6 : 5) : 0),
              ),
            );
            const label = p.card.estimate
              ? ctx.t('poster.scoreEstimate', { score: formatScore(p.card.score) })
              : formatScore(p.card.score);
            return el(
              'g',
              { 'data-role': 'emotion-point', 'data-score': p.card.score, 'data-column': p.column.column.id },
              (truthColumns.has(p.column.column.id) ? star(x, y, 10, '#f7dc6f') : '') +
                point(style.shape, x, y, style.colour, p.card.estimate) +
                el(
                  'text',
                  {
                    x,
                    y: ly,
                    'font-size': theme.size.small,
                    'font-weight': 'bold',
                    fill: style.colour,
                    'text-anchor': 'middle',
                  },
                  escapeXml(label),
                ),
            );
          });
          return el('g', { 'data-series': s.key }, line + points.join(''));
        });
        // the survey's interval behind the curve, with its n, so a measured score and a workshop estimate
        // are told apart (issue 13 item 3; the editor draws the same band)
        const surveyed = bands.map(({ c, b }) => {
          const y1 = scoreY(top, Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, b.high)));
          const y2 = scoreY(top, Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, b.low)));
          return el(
            'g',
            {
              'data-role': 'survey-band',
              'data-column': c.column.id,
              'data-low': b.low,
              'data-high': b.high,
            },
            el('rect', {
              ...bandStyle,
              x: c.x + 2,
              y: y1,
              width: c.width - 4,
              height: Math.max(2, y2 - y1),
            }) +
              el(
                'text',
                {
                  x: c.x + c.width - 4,
                  y: top + 11,
                  'font-size': theme.size.small,
                  fill: theme.colour.ink,
                  'text-anchor': 'end',
                },
                escapeXml(ctx.t('poster.surveyBandN', { n: b.n })),
              ),
          );
        });
        return surveyed.join('') + gridlines.join('') + stars.join('') + curves.join('');
      },
    };
  },
};
