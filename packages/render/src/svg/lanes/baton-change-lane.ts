import type { CardBox } from '../card-box';
import { contentParagraphs, flagsParagraph, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { arrow } from '../symbols';
import { paragraph, stack } from '../text-block';
import { el } from '../../xml';

const arrowSpace = 10;

/** Baton changes: an arrow labelled "from → to" with the organisations' names, then what passes. */
export const batonChangeLane = cellLane<'baton-change'>(
  (cards, width, ctx) =>
    cards.map((card): CardBox => {
      const w = textWidthIn(width);
      const head = stack([
        paragraph(`${ctx.organisationName(card.from)} → ${ctx.organisationName(card.to)}`, w, {
          weight: 'bold',
        }),
      ]);
      const body = stack([...contentParagraphs(ctx, card, 'text', w), ...flagsParagraph(card, w, ctx)]);
      const height = 8 + head.height + arrowSpace + body.height;
      return {
        height,
        draw: (x, y, boxWidth) =>
          el('rect', {
            x,
            y,
            width: boxWidth,
            height,
            rx: 3,
            fill: '#f1f8f3',
            stroke: '#1e6b45',
            'stroke-width': 0.6,
          }) +
          head.draw(x + 4, y + 4) +
          arrow(
            x + 4,
            x + boxWidth - 6,
            y + 4 + head.height + arrowSpace / 2,
            `${ctx.idPrefix}-arrow`,
            '#1e6b45',
          ) +
          body.draw(x + 4, y + 4 + head.height + arrowSpace),
      };
    }),
  (cards, ctx) =>
    cards.length > 0
      ? [
          {
            key: 'baton-change',
            label: ctx.t('poster.batonLegend'),
            symbol: arrow(2, 26, 6, `${ctx.idPrefix}-arrow`, '#1e6b45'),
          },
        ]
      : [],
);
