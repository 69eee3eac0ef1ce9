import { flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';

/** Key journey steps: the step in bold, its description beneath. */
export const stepLane = cellLane<'step'>((cards, width) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    return textBox(
      [
        paragraph(card.text, w, { weight: 'bold' }),
        ...(card.description ? [paragraph(card.description, w)] : []),
        ...flagsParagraph(card, w),
      ],
      { fill: '#ffffff' },
    );
  }),
);
