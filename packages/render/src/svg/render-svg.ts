import { stepCardAddsNothing, type Journey } from '@waymark/core';
import { el, escapeXml, num } from '../xml';
import { createContext, type RenderSvgOptions } from './context';
import { describeJourney } from './describe-journey';
import { layOutGridHeader } from './grid-header';
import { laneRenderers } from './lane-renderers';
import { layOutLane } from './lay-out-lane';
import { layOutLegend } from './legend';
import { layOutHierarchyOutline } from './hierarchy-outline';
import { layOutLinks } from './links';
import { arrowMarker } from './symbols';
import { contentParagraphs } from './card-box';
import { stack } from './text-block';
import { layOutTitle } from './title-block';
import { A3_LANDSCAPE, MM_PER_PT, theme } from './theme';

/**
 * The lanes a poster prints: all but a "Key journey steps" lane with nothing to add to the step headers (no
 * cards, or only cards that repeat their step's name), which would print as an empty row (issue 11, item 8).
 */
export function posterLanes(journey: Journey): Journey['lanes'] {
  const columns = new Map(journey.columns.map((c) => [c.id, c]));
  return journey.lanes.filter((lane) => {
    if (lane.kind !== 'step') return true;
    return journey.cards.some((card) => {
      const column = columns.get(card.columnId);
      return card.laneId === lane.id && card.kind === 'step' && column && !stepCardAddsNothing(card, column);
    });
  });
}

/**
 * A journey as a deterministic SVG laid out for A3 landscape: title block, stage band and column headers, one
 * row per lane (as tall as its tallest cell), links below the grid, and a key. Sizes are points, so text
 * prints at 9 pt or more; a journey too big for the sheet makes a bigger sheet rather than smaller text.
 */
export function renderSvg(journey: Journey, options: RenderSvgOptions = {}): string {
  const ctx = createContext(journey, options);
  const width = Math.max(A3_LANDSCAPE.width, ctx.right + theme.margin);
  const inner = ctx.right - theme.margin;
  const title = layOutTitle(journey, inner, ctx);
  const header = layOutGridHeader(ctx);
  const lanes = posterLanes(journey).map((lane) => {
    const layout = layOutLane(laneRenderers, lane, journey, ctx);
    const label = stack(
      contentParagraphs(ctx, lane, 'label', theme.headerWidth - 2 * theme.pad - (layout.headerReserve ?? 0), {
        weight: 'bold',
        size: theme.size.heading,
      }),
    );
    return { lane, layout, label, height: Math.max(layout.height, label.height + 2 * theme.pad) };
  });
  const links = layOutLinks(ctx);
  const legend = layOutLegend(
    [...lanes.flatMap((l) => l.layout.legend), ...links.legend],
    inner,
    ctx.t('poster.key'),
  );

  const gridTop = theme.margin + title.height + 12;
  let y = gridTop + header.height;
  const rows = lanes.map((l, i) => {
    const top = y;
    y += l.height;
    return el(
      'g',
      { 'data-role': 'lane', 'data-lane': l.lane.id, 'data-kind': l.lane.kind },
      el('rect', {
        x: theme.margin,
        y: top,
        width: inner,
        height: l.height,
        fill: theme.colour.laneFill[i % 2],
      }) +
        el('rect', {
          x: theme.margin,
          y: top,
          width: theme.headerWidth,
          height: l.height,
          fill: theme.colour.header,
        }) +
        l.label.draw(theme.margin + theme.pad, top + theme.pad) +
        l.layout.draw(top) +
        el('line', {
          x1: theme.margin,
          y1: top + l.height,
          x2: ctx.right,
          y2: top + l.height,
          stroke: theme.colour.rule,
          'stroke-width': 0.6,
        }),
    );
  });
  const gridBottom = y;
  const separators = ctx.columns
    .map((c) =>
      el('line', {
        x1: c.x,
        y1: gridTop,
        x2: c.x,
        y2: gridBottom,
        stroke: theme.colour.rule,
        'stroke-width': 0.6,
      }),
    )
    .join('');
  const legendTop = gridBottom + links.height + 10;
  const outline = layOutHierarchyOutline(ctx, inner);
  const outlineTop = legendTop + legend.height + (outline.height > 0 ? 10 : 0);
  const height = Math.max(A3_LANDSCAPE.height, outlineTop + outline.height + theme.margin);
  const sheet = options.sheet === 'fit' ? A3_LANDSCAPE : { width, height };
  const id = (suffix: string) => `${ctx.idPrefix}-${suffix}`;

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(sheet.width * MM_PER_PT)}mm" height="${num(sheet.height * MM_PER_PT)}mm"` +
    ` viewBox="0 0 ${num(width)} ${num(height)}" role="img" aria-labelledby="${escapeXml(id('title'))} ${escapeXml(id('desc'))}"` +
    ` xml:lang="${escapeXml(ctx.content.tag)}" lang="${escapeXml(ctx.content.tag)}"` +
    ` font-family="${escapeXml(theme.font)}" font-size="${theme.size.body}" fill="${theme.colour.ink}">` +
    el(
      'title',
      { id: id('title') },
      escapeXml(ctx.t('poster.title', { title: ctx.content.joined(journey.meta, 'title') })),
    ) +
    el('desc', { id: id('desc') }, escapeXml(describeJourney(journey, ctx))) +
    el('defs', {}, arrowMarker(id('arrow'))) +
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }) +
    el('g', { 'data-role': 'title-block' }, title.draw(theme.margin, theme.margin)) +
    header.draw(gridTop) +
    rows.join('') +
    separators +
    el('rect', {
      x: theme.margin,
      y: gridTop,
      width: inner,
      height: gridBottom - gridTop,
      fill: 'none',
      stroke: theme.colour.ink,
      'stroke-width': 0.8,
    }) +
    el('g', { 'data-role': 'links' }, links.draw(gridBottom)) +
    legend.draw(theme.margin, legendTop) +
    outline.draw(theme.margin, outlineTop) +
    '</svg>\n'
  );
}
