import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** Pain points: the text, with its type and severity (1–3) spelt out. */
export const painPointLane = cellLane<'pain-point'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const { t } = ctx;
    const tags = [
      card.type === undefined ? undefined : t(`model.painType.${card.type}`),
      card.severity === undefined ? undefined : t('poster.severity', { severity: card.severity }),
      card.votes === undefined ? undefined : t('poster.votes', { count: card.votes }),
    ].filter((tag) => tag !== undefined);
    return textBox(
      [
        ...contentParagraphs(ctx, card, 'text', w),
        ...(tags.length > 0
          ? [
              paragraph(t('poster.painPoint', { tags: tags.join(', ') }), w, {
                size: theme.size.small,
                fill: theme.colour.muted,
              }),
            ]
          : []),
        ...flagsParagraph(card, w, ctx),
      ],
      { fill: '#fdecea', stroke: '#a93226' },
    );
  }),
);
