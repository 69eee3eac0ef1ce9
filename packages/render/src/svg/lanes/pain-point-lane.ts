import { flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';
import { formatVotes } from '../../format-values';

/** Pain points: the text, with its type and severity (1–3) spelt out. */
export const painPointLane = cellLane<'pain-point'>((cards, width) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const tags = [
      card.type,
      card.severity === undefined ? undefined : `severity ${card.severity} of 3`,
      card.votes === undefined ? undefined : formatVotes(card.votes),
    ].filter((t) => t !== undefined);
    return textBox(
      [
        paragraph(card.text, w),
        ...(tags.length > 0
          ? [
              paragraph(`Pain point: ${tags.join(', ')}`, w, {
                size: theme.size.small,
                fill: theme.colour.muted,
              }),
            ]
          : []),
        ...flagsParagraph(card, w),
      ],
      { fill: '#fdecea', stroke: '#a93226' },
    );
  }),
);
