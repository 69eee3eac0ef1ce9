import { linkKinds, type Link, type LinkTarget } from '@waymark/core';
import type { MessageId } from '@waymark/i18n';
import { el, num } from '../xml';
import type { RenderContext } from './context';
import type { LegendEntry } from './lane-renderer';
import { drawParagraph, paragraph } from './text-block';
import { theme } from './theme';

type LinkKind = (typeof linkKinds)[number];

/** How each kind of link is named and drawn: a registry, so a new kind fails to compile until styled. */
export const linkStyles: Record<LinkKind, { label: MessageId; dash: string | undefined; colour: string }> = {
  'feedback-loop': { label: 'poster.link.feedback-loop', dash: '6 3', colour: '#a93226' },
  'outside-request': { label: 'poster.link.outside-request', dash: '2 3', colour: '#5b2c6f' },
  'hand-off': { label: 'poster.link.hand-off', dash: undefined, colour: '#1e6b45' },
};

const depth = 24;

const targetName = (to: LinkTarget, ctx: RenderContext): string | undefined =>
  to.kind === 'customer'
    ? ctx.t('poster.customer')
    : to.kind === 'organisation'
      ? ctx.organisationName(to.organisationId)
      : undefined;

/** The text under a link's arrow: kind, label, target and wait. */
export function linkCaption(link: Link, ctx: RenderContext): string {
  const target = targetName(link.to, ctx);
  const kind = ctx.t(linkStyles[link.kind].label);
  return [
    link.label ? ctx.t('poster.linkLabel', { kind, label: link.label }) : kind,
    target ? ` ${ctx.t('poster.linkTo', { target })}` : '',
    link.waitDays === undefined ? '' : `, ${ctx.t('poster.linkWait', { days: link.waitDays })}`,
  ].join('');
}

/**
 * Links drawn below the grid, one band each so no caption overlaps another: a curved arrow from the column it
 * leaves to the column it reaches (or returns to), with a labelled stop for a customer or an organisation.
 */
export function layOutLinks(ctx: RenderContext) {
  const bands = ctx.journey.links.flatMap((link) => {
    const from = ctx.column(link.from.columnId);
    if (from === undefined) return [];
    const endColumn = ctx.column(
      link.to.kind === 'column' ? link.to.columnId : (link.returnsTo?.columnId ?? ''),
    );
    const sx = from.centre;
    let ex = endColumn?.centre ?? sx + from.width * 0.45;
    if (Math.abs(ex - sx) < 1) ex = sx + from.width * 0.4;
    const mid = (sx + ex) / 2;
    const style = linkStyles[link.kind];
    const width = Math.max(Math.abs(ex - sx), 200);
    const caption = paragraph(linkCaption(link, ctx), width, { size: theme.size.small, anchor: 'middle' });
    const cx = Math.min(ctx.right - width / 2, Math.max(ctx.left + width / 2, mid));
    return [{ link, sx, ex, mid, cx, style, caption, height: depth + 6 + caption.height + 6 }];
  });
  const legend: LegendEntry[] = linkKinds
    .filter((kind) => bands.some((b) => b.link.kind === kind))
    .map((kind) => ({
      key: `link:${kind}`,
      label: ctx.t(linkStyles[kind].label),
      symbol: el('path', {
        d: 'M2,2 C2,12 26,12 26,2',
        fill: 'none',
        stroke: linkStyles[kind].colour,
        'stroke-width': 1.4,
        'stroke-dasharray': linkStyles[kind].dash,
      }),
    }));
  const height = bands.reduce((h, b) => h + b.height, 0) + (bands.length > 0 ? 8 : 0);
  const marker = `url(#${ctx.idPrefix}-arrow)`;
  return {
    height,
    legend,
    draw: (top: number): string => {
      if (bands.length === 0) return '';
      let y = top + 8;
      const title = drawParagraph(
        paragraph(ctx.t('poster.links'), theme.headerWidth - 2 * theme.pad, {
          weight: 'bold',
          size: theme.size.heading,
        }),
        theme.margin + theme.pad,
        y,
      );
      const drawn = bands.map((b) => {
        const curve = el('path', {
          d: `M${num(b.sx)},${num(y)} C${num(b.sx)},${num(y + depth * 1.3)} ${num(b.ex)},${num(y + depth * 1.3)} ${num(b.ex)},${num(y + 1)}`,
          fill: 'none',
          stroke: b.style.colour,
          'stroke-width': 1.5,
          'stroke-dasharray': b.style.dash,
          'marker-end': marker,
        });
        const out = el(
          'g',
          { 'data-role': 'link', 'data-link': b.link.id, 'data-kind': b.link.kind },
          curve + drawParagraph(b.caption, b.cx, y + depth + 6),
        );
        y += b.height;
        return out;
      });
      return title + drawn.join('');
    },
  };
}
