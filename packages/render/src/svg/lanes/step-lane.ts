import { stepCardAddsNothing } from '@waymark/core';
import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';

/**
 * Key journey steps: the step in bold, its description beneath (each in every language shown). A card that only
 * repeats its step's name is not printed again under the header that already says it (issue 11, item 8).
 */
export const stepLane = cellLane<'step'>((cards, width, ctx) =>
  cards.flatMap((card) => {
    const column = ctx.column(card.columnId)?.column;
    if (column && stepCardAddsNothing(card, column)) return [];
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
