import type { FontWeight } from '../text-width';
import { wrapText } from '../wrap-text';
import { el, escapeXml, num } from '../xml';
import { theme } from './theme';

export interface TextStyle {
  readonly size?: number;
  readonly weight?: FontWeight;
  readonly italic?: boolean;
  readonly fill?: string;
  readonly anchor?: 'start' | 'middle' | 'end';
  /** The BCP 47 language of the text when it is not the drawing's own (`xml:lang` and `lang`). */
  readonly lang?: string | undefined;
}

/** Wrapped lines in one style, with the height they take. */
export interface Paragraph {
  readonly lines: readonly string[];
  readonly style: TextStyle;
  readonly height: number;
}

export const lineHeightOf = (style: TextStyle): number => (style.size ?? theme.size.body) * theme.lineHeight;

export function paragraph(text: string, width: number, style: TextStyle = {}): Paragraph {
  const lines = wrapText(text, width, style.size ?? theme.size.body, style.weight ?? 'normal');
  return { lines, style, height: lines.length * lineHeightOf(style) };
}

/** Draws a paragraph with its first line's box top at `y`; `x` is the anchor point. */
export function drawParagraph(p: Paragraph, x: number, y: number): string {
  const size = p.style.size ?? theme.size.body;
  const lh = lineHeightOf(p.style);
  const spans = p.lines
    .map((line, i) => `<tspan x="${num(x)}" y="${num(y + i * lh + size * 0.95)}">${escapeXml(line)}</tspan>`)
    .join('');
  return el(
    'text',
    {
      'font-size': size,
      'font-weight': p.style.weight === 'bold' ? 'bold' : undefined,
      'font-style': p.style.italic ? 'italic' : undefined,
      fill: p.style.fill,
      'text-anchor': p.style.anchor === undefined || p.style.anchor === 'start' ? undefined : p.style.anchor,
      'xml:lang': p.style.lang,
      lang: p.style.lang,
    },
    spans,
  );
}

/** Paragraphs stacked top to bottom: their total height and a drawing at (x, y). */
export function stack(
  paras: readonly Paragraph[],
  spacing = 1,
): { height: number; draw: (x: number, y: number) => string } {
  const height = paras.reduce((h, p) => h + p.height, 0) + Math.max(0, paras.length - 1) * spacing;
  return {
    height,
    draw: (x, y) => {
      let cursor = y;
      return paras
        .map((p) => {
          const out = drawParagraph(p, x, cursor);
          cursor += p.height + spacing;
          return out;
        })
        .join('');
    },
  };
}
