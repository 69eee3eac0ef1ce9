import type { Card, cardFlags } from '@waymark/core';
import type { MessageId } from '@waymark/i18n';
import { el } from '../xml';
import type { RenderContext } from './context';
import { paragraph, stack, type Paragraph, type TextStyle } from './text-block';
import { theme } from './theme';

/** A card drawn inside a cell: its height at the width it was laid out for, and its drawing. */
export interface CardBox {
  readonly height: number;
  readonly draw: (x: number, y: number, width: number) => string;
}

const inset = 4;

/** Width left for text inside a card box of `width`, with `marker` points kept for a symbol on the left. */
export const textWidthIn = (width: number, marker = 0): number => width - 2 * inset - marker;

type CardFlag = (typeof cardFlags)[number];
export const flagLabels: Record<CardFlag, MessageId> = {
  delight: 'poster.flag.delight',
  'outside-control': 'poster.flag.outside-control',
  'good-practice': 'poster.flag.good-practice',
};

/** A line naming the card's flags, if it has any. */
export function flagsParagraph(card: Card, width: number, ctx: RenderContext): Paragraph[] {
  if (!card.flags || card.flags.length === 0) return [];
  const text = card.flags.map((f) => ctx.t(flagLabels[f])).join(' · ');
  return [paragraph(`[${text}]`, width, { size: theme.size.small, italic: true, fill: theme.colour.muted })];
}

export interface BoxStyle {
  readonly fill: string;
  readonly stroke?: string;
  readonly dash?: string;
  /** A symbol drawn at the box's top-left, inside a `markerWidth` gutter. */
  readonly marker?: (x: number, y: number) => string;
  readonly markerWidth?: number;
}

/**
 * An item's `field` as one paragraph per shown content language (decision 0023), each marked with its language
 * when that is not the drawing's; `wrap` puts words around the text (quotation marks, "Why: …").
 */
export function contentParagraphs(
  ctx: RenderContext,
  item: object,
  field: string,
  width: number,
  style: TextStyle = {},
  wrap: (text: string) => string = (text) => text,
): Paragraph[] {
  return ctx.content
    .texts(item, field)
    .map((t) => paragraph(wrap(t.text), width, { ...style, lang: ctx.content.langOf(t.lang) }));
}

/** Paragraphs in a rounded box: the box grows to fit every line, nothing is clipped. */
export function textBox(paras: readonly Paragraph[], style: BoxStyle): CardBox {
  const body = stack(paras);
  const height = body.height + 2 * inset;
  return {
    height,
    draw: (x, y, width) =>
      el('rect', {
        x,
        y,
        width,
        height,
        rx: 3,
        fill: style.fill,
        stroke: style.stroke ?? theme.colour.rule,
        'stroke-width': 0.6,
        'stroke-dasharray': style.dash,
      }) +
      (style.marker ? style.marker(x + inset, y + inset) : '') +
      body.draw(x + inset + (style.markerWidth ?? 0), y + inset),
  };
}
