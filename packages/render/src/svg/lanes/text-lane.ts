import { flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';

/** Free text, e.g. the Family or Housing lanes of a life course. */
export const textLane = cellLane<'text'>((cards, width) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    return textBox([paragraph(card.text, w), ...flagsParagraph(card, w)], { fill: '#ffffff' });
  }),
);
