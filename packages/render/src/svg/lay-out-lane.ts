import type { CardOf, Journey, Lane, LaneKind } from '@waymark/core';
import type { RenderContext } from './context';
import type { LaneLayout, LaneRenderer, LaneRenderers } from './lane-renderer';

/**
 * Lays out one lane with the renderer for its kind. Cards are picked by lane id and kind (the invariants keep
 * the two in step), so this stays the same whatever kinds exist.
 */
export function layOutLane<K extends LaneKind>(
  renderers: LaneRenderers,
  lane: Lane & { kind: K },
  journey: Journey,
  ctx: RenderContext,
): LaneLayout {
  const cards = journey.cards.filter((c): c is CardOf<K> => c.laneId === lane.id && c.kind === lane.kind);
  // Indexing a mapped type by a generic key gives a union TypeScript cannot call; the filter above matches it.
  const renderer = renderers[lane.kind] as unknown as LaneRenderer<K>;
  return renderer.layout({ lane, cards }, ctx);
}
