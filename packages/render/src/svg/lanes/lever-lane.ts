import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** Levers for solution hunting, grouped under their category in the journey's category order. */
export const leverLane = cellLane<'lever'>((cards, width, ctx) => {
  const w = textWidthIn(width);
  const order = ctx.journey.leverCategories.map((c) => c.id as string);
  const categories = [...new Set(cards.map((c) => c.category as string))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  // One box per cell, a heading per category: the Melton poster's "Contact: … Process: …".
  return [
    textBox(
      categories.flatMap((category) => [
        paragraph(ctx.categoryLabel(category), w, { weight: 'bold', size: theme.size.heading }),
        ...cards
          .filter((c) => c.category === category)
          .flatMap((c) => [
            ...contentParagraphs(
              ctx,
              c,
              'text',
              w,
              {},
              (text) => `• ${text}${c.owner ? ` (${c.owner})` : ''}`,
            ),
            ...(c.expectedEffect
              ? [
                  paragraph(ctx.t('poster.effect', { effect: c.expectedEffect }), w, {
                    size: theme.size.small,
                    fill: theme.colour.muted,
                  }),
                ]
              : []),
            ...flagsParagraph(c, w, ctx),
          ]),
      ]),
      { fill: '#f5effa', stroke: '#5b2c6f' },
    ),
  ];
});
