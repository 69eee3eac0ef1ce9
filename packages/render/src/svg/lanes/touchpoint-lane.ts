import { channels } from '@waymark/core';
import { contentParagraphs, flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** Icons outside the Basic Multilingual Plane are colour emoji that print fonts often lack: show the label only. */
const printableIcon = (icon: string): string => ((icon.codePointAt(0) ?? 0) < 0x10000 ? `${icon} ` : '');

/** Touchpoints: channel and direction as a label, the interaction, then its figures. */
export const touchpointLane = cellLane<'touchpoint'>((cards, width, ctx) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const { t } = ctx;
    const channel = channels[card.channel];
    const figures = [
      card.actor,
      card.contacts === undefined ? undefined : t('poster.contacts', { count: card.contacts }),
      card.handlingMinutes === undefined
        ? undefined
        : t('poster.handling', { minutes: ctx.content.tr.number(card.handlingMinutes) }),
      card.resolvedFirstTime === undefined
        ? undefined
        : card.resolvedFirstTime
          ? t('poster.resolvedFirstTime')
          : t('poster.notResolvedFirstTime'),
      card.avoidableCategory === undefined
        ? undefined
        : t('poster.avoidable', { category: card.avoidableCategory }),
    ].filter((f) => f !== undefined);
    const channelLabel = t(`model.channel.${card.channel}`);
    const direction = t(`model.direction.${card.direction}`);
    return textBox(
      [
        paragraph(`${printableIcon(channel.icon)}${channelLabel} · ${direction}`, w, {
          size: theme.size.small,
          weight: 'bold',
          fill: '#1f4e79',
        }),
        ...contentParagraphs(ctx, card, 'text', w),
        ...(figures.length > 0
          ? [paragraph(figures.join(' · '), w, { size: theme.size.small, fill: theme.colour.muted })]
          : []),
        ...flagsParagraph(card, w, ctx),
      ],
      { fill: '#eef4fb', stroke: '#1f4e79' },
    );
  }),
);
