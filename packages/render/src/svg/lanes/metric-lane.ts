import { metricKinds } from '@waymark/core';
import { textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';
import { formatFigure } from '../../format-values';

/** Metrics: label, figure with unit, and where the figure came from. */
export const metricLane = cellLane<'metric'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const kind = metricKinds[card.metric];
    return textBox(
      [
        paragraph(ctx.t(`model.metric.${card.metric}`), w, {
          size: theme.size.small,
          fill: theme.colour.muted,
        }),
        paragraph(formatFigure(card.value, kind.unit, ctx.content.tr), w, { weight: 'bold', size: 11 }),
        paragraph(ctx.t('poster.origin', { origin: ctx.t(`model.metricOrigin.${card.origin}`) }), w, {
          size: theme.size.small,
          fill: theme.colour.muted,
        }),
      ],
      { fill: '#ffffff', dash: card.origin === 'estimate' ? '3 2' : undefined },
    );
  }),
);
