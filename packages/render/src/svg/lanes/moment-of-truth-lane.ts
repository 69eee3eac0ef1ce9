import type { LegendEntry } from '../lane-renderer';
import type { RenderContext } from '../context';
import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { star } from '../symbols';
import { paragraph } from '../text-block';
import { theme } from '../theme';

const gutter = 14;

export const momentOfTruthLegend = (ctx: RenderContext): LegendEntry => ({
  key: 'moment-of-truth',
  label: ctx.t('poster.momentOfTruth'),
  symbol: star(8, 6, 6),
});

/** Moments of truth: a star, the moment, and why it matters. */
export const momentOfTruthLane = cellLane<'moment-of-truth'>(
  (cards, width, ctx) =>
    cards.map((card) => {
      const w = textWidthIn(width, gutter);
      return textBox(
        [
          ...contentParagraphs(ctx, card, 'text', w, { weight: 'bold' }),
          ...contentParagraphs(ctx, card, 'why', w, { size: theme.size.small }, (why) =>
            ctx.t('poster.why', { why }),
          ),
          ...(card.votes === undefined
            ? []
            : [paragraph(ctx.t('poster.dotVoting', { count: card.votes }), w, { size: theme.size.small })]),
          ...flagsParagraph(card, w, ctx),
        ],
        {
          fill: '#fff6d6',
          stroke: theme.colour.star,
          marker: (x, y) => star(x + 5, y + 6, 6),
          markerWidth: gutter,
        },
      );
    }),
  (cards, ctx) => (cards.length > 0 ? [momentOfTruthLegend(ctx)] : []),
);
