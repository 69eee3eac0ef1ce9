import { textWidth } from '../text-width';
import { el, escapeXml, num } from '../xml';
import type { LegendEntry } from './lane-renderer';
import { theme } from './theme';

const rowHeight = 16;
const symbolWidth = 28;

/** The key: entries flowed left to right in rows across `width`, each a symbol and its label. */
export function layOutLegend(entries: readonly LegendEntry[], width: number, keyWord: string) {
  const unique = entries.filter((e, i) => entries.findIndex((f) => f.key === e.key) === i);
  const titleWidth = 40;
  let x = titleWidth;
  let row = 0;
  const placed = unique.map((entry) => {
    const w = symbolWidth + 5 + textWidth(entry.label, theme.size.small) + 16;
    if (x + w > width && x > titleWidth) {
      x = titleWidth;
      row += 1;
    }
    const at = { entry, x, row };
    x += w;
    return at;
  });
  const height = unique.length === 0 ? 0 : (row + 1) * rowHeight + 8;
  return {
    height,
    draw: (left: number, top: number): string =>
      unique.length === 0
        ? ''
        : el(
            'g',
            { 'data-role': 'legend' },
            el(
              'text',
              { x: left, y: top + 12, 'font-size': theme.size.heading, 'font-weight': 'bold' },
              escapeXml(keyWord),
            ) +
              placed
                .map(
                  ({ entry, x: ex, row: r }) =>
                    `<g transform="translate(${num(left + ex)},${num(top + 2 + r * rowHeight)})">${entry.symbol}</g>` +
                    el(
                      'text',
                      {
                        x: left + ex + symbolWidth + 5,
                        y: top + 12 + r * rowHeight,
                        'font-size': theme.size.small,
                      },
                      escapeXml(entry.label),
                    ),
                )
                .join(''),
          ),
  };
}
