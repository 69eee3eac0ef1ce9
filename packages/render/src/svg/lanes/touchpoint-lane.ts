import { channels } from '@waymark/core';
import { flagsParagraph, textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** Icons outside the Basic Multilingual Plane are colour emoji that print fonts often lack: show the label only. */
const printableIcon = (icon: string): string => ((icon.codePointAt(0) ?? 0) < 0x10000 ? `${icon} ` : '');

/** Touchpoints: channel and direction as a label, the interaction, then its figures. */
export const touchpointLane = cellLane<'touchpoint'>((cards, width) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const channel = channels[card.channel];
    const figures = [
      card.actor,
      card.contacts === undefined ? undefined : `${card.contacts} contact${card.contacts === 1 ? '' : 's'}`,
      card.handlingMinutes === undefined ? undefined : `${card.handlingMinutes} min handling`,
      card.resolvedFirstTime === undefined
        ? undefined
        : card.resolvedFirstTime
          ? 'resolved first time'
          : 'not resolved first time',
      card.avoidableCategory === undefined ? undefined : `avoidable: ${card.avoidableCategory}`,
    ].filter((f) => f !== undefined);
    return textBox(
      [
        paragraph(`${printableIcon(channel.icon)}${channel.label} · ${card.direction}`, w, {
          size: theme.size.small,
          weight: 'bold',
          fill: '#1f4e79',
        }),
        paragraph(card.text, w),
        ...(figures.length > 0
          ? [paragraph(figures.join(' · '), w, { size: theme.size.small, fill: theme.colour.muted })]
          : []),
        ...flagsParagraph(card, w),
      ],
      { fill: '#eef4fb', stroke: '#1f4e79' },
    );
  }),
);
