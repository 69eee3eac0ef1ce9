import type { Journey } from '@waymark/core';
import type { RenderContext } from './context';
import { journeyTypeLabels } from './title-block';

/** A plain-language summary for the drawing's <desc>: what a screen-reader user needs to know first. */
export function describeJourney(journey: Journey, ctx: RenderContext): string {
  const { t, content } = ctx;
  const cols = journey.columns;
  const scores = journey.cards.flatMap((c) => (c.kind === 'emotion' ? [c] : []));
  const colLabel = (c: (typeof cols)[number]) => content.joined(c, 'label');
  const label = (id: string) => {
    const col = cols.find((c) => c.id === id);
    return col ? colLabel(col) : id;
  };
  const parts = [
    t('poster.describe.title', {
      type: t(journeyTypeLabels[journey.meta.journeyType]),
      title: content.joined(journey.meta, 'title'),
    }),
    journey.meta.segment ? t('poster.describe.segment', { segment: journey.meta.segment }) : '',
    content.languages.length > 1
      ? t('poster.describe.languages', {
          languages: content.tr.list(content.languages.map((l) => t(`model.language.${l}`))),
        })
      : '',
    t('poster.describe.columns', {
      count: cols.length,
      first: cols.length > 0 ? colLabel(cols[0]!) : '',
      last: cols.length > 0 ? colLabel(cols[cols.length - 1]!) : '',
    }),
    t('poster.describe.lanes', { lanes: journey.lanes.map((l) => content.joined(l, 'label')).join('; ') }),
  ];
  if (scores.length > 0) {
    const low = scores.reduce((a, b) => (b.score < a.score ? b : a));
    const high = scores.reduce((a, b) => (b.score > a.score ? b : a));
    parts.push(
      t('poster.describe.satisfaction', {
        low: low.score,
        lowAt: label(low.columnId),
        high: high.score,
        highAt: label(high.columnId),
      }),
    );
  }
  const truths = journey.cards.filter((c) => c.kind === 'moment-of-truth');
  if (truths.length > 0)
    parts.push(
      t('poster.describe.moments', { columns: truths.map((m) => `“${label(m.columnId)}”`).join(', ') }),
    );
  if (journey.links.length > 0) parts.push(t('poster.describe.links', { count: journey.links.length }));
  return parts.filter((p) => p !== '').join(' ');
}
