import { metricKinds } from '@waymark/core';
import { textBox, textWidthIn } from '../card-box';
import { cellLane } from '../cell-lane';
import { paragraph } from '../text-block';
import { theme } from '../theme';

/** A figure with its unit: `£3.72`, `30%`, `42 days`. */
export function formatFigure(value: number, unit: string): string {
  const [whole = '0', fraction] = String(Math.round(Math.abs(value) * 100) / 100).split('.');
  const figure = `${value < 0 ? '−' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
  if (unit === '£') return `£${figure}`;
  if (unit === '%') return `${figure}%`;
  return `${figure} ${unit}`;
}

/** Metrics: label, figure with unit, and where the figure came from. */
export const metricLane = cellLane<'metric'>((cards, width) =>
  cards.map((card) => {
    const w = textWidthIn(width);
    const kind = metricKinds[card.metric];
    return textBox(
      [
        paragraph(kind.label, w, { size: theme.size.small, fill: theme.colour.muted }),
        paragraph(formatFigure(card.value, kind.unit), w, { weight: 'bold', size: 11 }),
        paragraph(`(${card.origin})`, w, { size: theme.size.small, fill: theme.colour.muted }),
      ],
      { fill: '#ffffff', dash: card.origin === 'estimate' ? '3 2' : undefined },
    );
  }),
);
