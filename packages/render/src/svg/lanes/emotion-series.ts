import type { CardOf, Lane } from '@waymark/core';
import type { GridColumn, RenderContext } from '../context';

export interface EmotionPoint {
  readonly card: CardOf<'emotion'>;
  readonly column: GridColumn;
}

/** One curve: a persona's (or a respondent's) scores in column order. */
export interface EmotionSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly EmotionPoint[];
}

/**
 * Groups a lane's scores into curves: by the card's persona, else the lane's persona, else the respondent,
 * else one curve for the lane. Personas come in the journey's order, respondents in order of appearance.
 */
export function emotionSeries(
  lane: Lane,
  cards: readonly CardOf<'emotion'>[],
  ctx: RenderContext,
): EmotionSeries[] {
  const keyOf = (c: CardOf<'emotion'>) => {
    const persona = c.personaId ?? lane.personaId;
    if (persona !== undefined) return { key: `persona:${persona}`, label: ctx.personaName(persona) };
    if (c.respondent !== undefined) return { key: `respondent:${c.respondent}`, label: c.respondent };
    return { key: 'lane', label: ctx.content.joined(lane, 'label') };
  };
  const personaOrder = ctx.journey.personas.map((p) => `persona:${p.id}`);
  const groups = new Map<string, { label: string; points: EmotionPoint[] }>();
  for (const card of cards) {
    const column = ctx.column(card.columnId);
    if (column === undefined) continue;
    const { key, label } = keyOf(card);
    const group = groups.get(key) ?? { label, points: [] };
    group.points.push({ card, column });
    groups.set(key, group);
  }
  const rank = (key: string) => {
    const i = personaOrder.indexOf(key);
    return i === -1 ? personaOrder.length : i;
  };
  return [...groups.entries()]
    .map(([key, g], order) => ({
      key,
      order,
      label: g.label,
      points: [...g.points].sort((a, b) => a.column.index - b.column.index),
    }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.order - b.order)
    .map(({ key, label, points }) => ({ key, label, points }));
}
