import { hasHierarchy } from '../hierarchy';
import { el } from '../xml';
import type { RenderContext } from './context';
import { paragraph, stack } from './text-block';
import { theme } from './theme';

/**
 * A small outline of where the journey sits (issue 14): the journeys above it, indented one step each, this
 * journey, and the journeys its steps open. Nothing when the journey stands alone.
 */
export function layOutHierarchyOutline(ctx: RenderContext, width: number) {
  const h = ctx.hierarchy;
  if (!hasHierarchy(h)) return { height: 0, draw: () => '' };
  const indent = 12;
  const title = ctx.content.joined(ctx.journey.meta, 'title');
  const lines: { text: string; depth: number; bold?: boolean }[] = [
    ...h.ancestors.map((a, i) => ({ text: a, depth: i })),
    {
      text: ctx.t('hierarchy.poster.thisJourney', { journey: title }),
      depth: h.ancestors.length,
      bold: true,
    },
    ...ctx.journey.columns
      .filter((c) => h.childOfStep[c.id] !== undefined)
      .map((c) => ({ text: `${c.label}: ${h.childOfStep[c.id]!}`, depth: h.ancestors.length + 1 })),
  ];
  const heading = stack([
    paragraph(ctx.t('hierarchy.poster.outline'), width, { weight: 'bold', size: theme.size.heading }),
  ]);
  const rows = lines.map((l) => ({
    depth: l.depth,
    block: stack([
      paragraph(l.text, width - l.depth * indent, {
        size: theme.size.small,
        ...(l.bold ? { weight: 'bold' as const } : {}),
      }),
    ]),
  }));
  const height = heading.height + 4 + rows.reduce((sum, r) => sum + r.block.height + 2, 0);
  return {
    height,
    draw: (x: number, y: number): string => {
      let cursor = y + heading.height + 4;
      const drawn = rows.map((r) => {
        const out = r.block.draw(x + r.depth * indent, cursor);
        cursor += r.block.height + 2;
        return out;
      });
      return el('g', { 'data-role': 'hierarchy-outline' }, heading.draw(x, y) + drawn.join(''));
    },
  };
}
