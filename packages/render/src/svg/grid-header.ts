import { axisLabelsIn } from '../column-labels';
import { contentParagraphs } from './card-box';
import { el } from '../xml';
import type { RenderContext } from './context';
import { paragraph, stack } from './text-block';
import { theme } from './theme';

const cornerWidth = theme.headerWidth - 2 * theme.pad;

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** True when a column's label only says its period again ("March 2009" for 2009-03): then it is printed once. */
export function labelRestatesPeriod(label: string, period: string | undefined): boolean {
  if (period === undefined) return false;
  if (label.trim() === period) return true;
  const [year, month, day] = period.split('-');
  const m = /^\s*(?:(\d{1,2})\s+)?([A-Za-z]{3,})\.?,?\s+(\d{4})\s*$/.exec(label);
  if (!m) return false;
  const named = monthNames.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
  const sameDay = m[1] === undefined ? day === undefined : Number(m[1]) === Number(day);
  return named === Number(month) && m[3] === year && sameDay;
}

/** The stage band (when the journey has stages) and the column headers: date or age, label, owner. */
export function layOutGridHeader(ctx: RenderContext) {
  const { journey } = ctx;
  const axis = axisLabelsIn(ctx.content.tr.locale)[journey.axis.kind];
  const spans = journey.stages
    .map((stage) => {
      const cols = ctx.columns.filter((c) => c.column.stageId === stage.id);
      const first = cols[0];
      const last = cols[cols.length - 1];
      if (first === undefined || last === undefined) return undefined;
      const width = last.x + last.width - first.x;
      return {
        stage,
        x: first.x,
        width,
        text: stack(
          contentParagraphs(ctx, stage, 'name', width - 2 * theme.pad, {
            weight: 'bold',
            size: theme.size.heading,
            anchor: 'middle',
          }),
        ),
      };
    })
    .filter((s) => s !== undefined);
  const stageHeight = spans.length === 0 ? 0 : Math.max(...spans.map((s) => s.text.height)) + 2 * theme.pad;

  const headers = ctx.columns.map((col) => {
    const w = col.width - 2 * theme.pad;
    const tag = axis.tag(col.column);
    const restated = tag !== undefined && labelRestatesPeriod(col.column.label, col.column.period);
    const owner = col.column.ownerId === undefined ? undefined : ctx.organisationName(col.column.ownerId);
    // The journey this step opens (issue 14): its name under the step's.
    const child = ctx.hierarchy?.childOfStep[col.column.id];
    const text = stack([
      ...(tag === undefined ? [] : [paragraph(tag, w, { weight: 'bold', size: theme.size.heading })]),
      ...(restated
        ? []
        : contentParagraphs(ctx, col.column, 'label', w, {
            weight: tag === undefined ? 'bold' : 'normal',
            size: theme.size.heading,
          })),
      ...(owner === undefined
        ? []
        : [
            paragraph(ctx.t('poster.owner', { owner }), w, {
              size: theme.size.small,
              fill: theme.colour.muted,
            }),
          ]),
      ...(child === undefined
        ? []
        : [
            paragraph(ctx.t('hierarchy.poster.opens', { journey: child }), w, {
              size: theme.size.small,
              italic: true,
            }),
          ]),
    ]);
    return { col, text };
  });
  const corner = stack([paragraph(axis.name, cornerWidth, { weight: 'bold', size: theme.size.heading })]);
  const columnHeight = Math.max(corner.height, ...headers.map((h) => h.text.height)) + 2 * theme.pad;

  return {
    height: stageHeight + columnHeight,
    draw: (top: number): string => {
      const band =
        stageHeight === 0
          ? ''
          : stack([
              paragraph(ctx.t('poster.stage'), cornerWidth, { weight: 'bold', size: theme.size.heading }),
            ]).draw(theme.margin + theme.pad, top + theme.pad) +
            spans
              .map(
                (s) =>
                  el('rect', {
                    x: s.x,
                    y: top,
                    width: s.width,
                    height: stageHeight,
                    fill: theme.colour.stage,
                    stroke: '#ffffff',
                    'stroke-width': 1.5,
                  }) + s.text.draw(s.x + s.width / 2, top + theme.pad),
              )
              .join('');
      const y = top + stageHeight;
      return el(
        'g',
        { 'data-role': 'grid-header' },
        band +
          el('rect', {
            x: theme.margin,
            y,
            width: ctx.right - theme.margin,
            height: columnHeight,
            fill: theme.colour.header,
          }) +
          corner.draw(theme.margin + theme.pad, y + theme.pad) +
          headers
            .map((h) =>
              el('g', { 'data-column': h.col.column.id }, h.text.draw(h.col.x + theme.pad, y + theme.pad)),
            )
            .join(''),
      );
    },
  };
}
