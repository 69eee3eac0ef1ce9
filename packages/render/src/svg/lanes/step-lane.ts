import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';

/** Key journey steps: the step in bold, its description beneath (each in every language shown). */
export const stepLane = cellLane<'step'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    return textBox(
      [
        ...contentParagraphs(ctx, card, 'text', w, { weight: 'bold' }),
        ...contentParagraphs(ctx, card, 'description', w),
        ...flagsParagraph(card, w, ctx),
      ],
      { fill: '#ffffff' },
    );
  }),
);
