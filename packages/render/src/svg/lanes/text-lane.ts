import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';

/** Free text, e.g. the Family or Housing lanes of a life course. */
export const textLane = cellLane<'text'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    return textBox([...contentParagraphs(ctx, card, 'text', w), ...flagsParagraph(card, w, ctx)], {
      fill: '#ffffff',
    });
  }),
);
