import type { CardOf, LaneKind } from '@waymark/core';
import { el } from '../xml';
import type { CardBox } from './card-box';
import type { RenderContext } from './context';
import type { LaneRenderer, LegendEntry } from './lane-renderer';
import { theme } from './theme';

/** Turns a cell's cards into boxes `width` wide. */
export type CellBoxes<K extends LaneKind> = (
  cards: readonly CardOf<K>[],
  width: number,
  ctx: RenderContext,
) => CardBox[];

/**
 * A lane of cells, one per column, each a stack of card boxes. The lane is as tall as its tallest cell, so
 * long text makes the row grow instead of being cut.
 */
export function cellLane<K extends LaneKind>(
  boxesFor: CellBoxes<K>,
  legend: (cards: readonly CardOf<K>[], ctx: RenderContext) => LegendEntry[] = () => [],
): LaneRenderer<K> {
  return {
    layout: ({ cards }, ctx) => {
      const cells = ctx.columns.map((col) => {
        const here = cards.filter((c) => c.columnId === col.column.id);
        const boxes = here.length === 0 ? [] : boxesFor(here, col.width - 2 * theme.pad, ctx);
        const height = boxes.reduce((h, b) => h + b.height, 0) + Math.max(0, boxes.length - 1) * theme.gap;
        return { col, boxes, height: height + 2 * theme.pad };
      });
      const height = Math.max(theme.minLaneHeight, ...cells.map((c) => c.height));
      return {
        height,
        legend: legend(cards, ctx),
        draw: (y) =>
          cells
            .map(({ col, boxes }) => {
              let cursor = y + theme.pad;
              const drawn = boxes.map((b) => {
                const out = b.draw(col.x + theme.pad, cursor, col.width - 2 * theme.pad);
                cursor += b.height + theme.gap;
                return out;
              });
              return drawn.length === 0 ? '' : el('g', { 'data-column': col.column.id }, drawn.join(''));
            })
            .join(''),
      };
    },
  };
}
