import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** Feelings: quotes in quotation marks with their source; other feelings under what the customer does/thinks/feels. */
export const feelingLane = cellLane<'feeling'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const source = card.source ?? ctx.sourceTitle(card.sourceId);
    const who = card.personaId ? ctx.personaName(card.personaId) : undefined;
    const attribution = [who, source].filter((s) => s !== undefined).join(', ');
    const muted = { size: theme.size.small, fill: theme.colour.muted };
    const paras = card.quote
      ? [
          ...contentParagraphs(ctx, card, 'text', w, { italic: true }, (text) => `“${text}”`),
          ...(attribution ? [paragraph(`— ${attribution}`, w, muted)] : []),
        ]
      : [
          paragraph(ctx.t(`model.feelingMode.${card.mode}`), w, { ...muted, weight: 'bold' }),
          ...contentParagraphs(ctx, card, 'text', w),
          ...(attribution ? [paragraph(`(${attribution})`, w, muted)] : []),
        ];
    return textBox([...paras, ...flagsParagraph(card, w, ctx)], { fill: '#fffbea' });
  }),
);
