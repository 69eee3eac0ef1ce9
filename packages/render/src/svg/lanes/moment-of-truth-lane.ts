import { flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { star } from '../symbols';
import { paragraph } from '../text-block';
import { theme } from '../theme';
import { formatVotes } from '../../format-values';

const gutter = 14;

export const momentOfTruthLegend = {
  key: 'moment-of-truth',
  label: 'Moment of truth',
  symbol: star(8, 6, 6),
};

/** Moments of truth: a star, the moment, and why it matters. */
export const momentOfTruthLane = cellLane<'moment-of-truth'>(
  (cards, width) =>
    cards.map((card) => {
      const w = textWidthIn(width, gutter);
      return textBox(
        [
          paragraph(card.text, w, { weight: 'bold' }),
          ...(card.why ? [paragraph(`Why: ${card.why}`, w, { size: theme.size.small })] : []),
          ...(card.votes === undefined
            ? []
            : [paragraph(`Dot-voting: ${formatVotes(card.votes)}`, w, { size: theme.size.small })]),
          ...flagsParagraph(card, w),
        ],
        {
          fill: '#fff6d6',
          stroke: theme.colour.star,
          marker: (x, y) => star(x + 5, y + 6, 6),
          markerWidth: gutter,
        },
      );
    }),
  (cards) => (cards.length > 0 ? [momentOfTruthLegend] : []),
);
