import type { Journey } from '@waymark/core';
import { journeyTypeLabels } from './title-block';

/** A plain-language summary for the drawing's <desc>: what a screen-reader user needs to know first. */
export function describeJourney(journey: Journey): string {
  const cols = journey.columns;
  const scores = journey.cards.flatMap((c) => (c.kind === 'emotion' ? [c] : []));
  const label = (id: string) => cols.find((c) => c.id === id)?.label ?? id;
  const parts = [
    `${journeyTypeLabels[journey.meta.journeyType]}: ${journey.meta.title}.`,
    journey.meta.segment ? `Segment: ${journey.meta.segment}.` : '',
    `${cols.length} columns${cols.length > 0 ? `, from “${cols[0]!.label}” to “${cols[cols.length - 1]!.label}”` : ''}.`,
    `Lanes: ${journey.lanes.map((l) => l.label).join('; ')}.`,
  ];
  if (scores.length > 0) {
    const low = scores.reduce((a, b) => (b.score < a.score ? b : a));
    const high = scores.reduce((a, b) => (b.score > a.score ? b : a));
    parts.push(
      `Satisfaction ranges from ${low.score} at “${label(low.columnId)}” to ${high.score} at “${label(high.columnId)}” on a −100 to +100 scale.`,
    );
  }
  const truths = journey.cards.filter((c) => c.kind === 'moment-of-truth');
  if (truths.length > 0)
    parts.push(`Moments of truth at: ${truths.map((t) => `“${label(t.columnId)}”`).join(', ')}.`);
  if (journey.links.length > 0)
    parts.push(`${journey.links.length} feedback loops, requests or hand-offs are drawn below the grid.`);
  return parts.filter((p) => p !== '').join(' ');
}
