import type { CardOf, Lane, LaneKind } from '@waymark/core';
import type { RenderContext } from './context';

/** A key in the legend: `symbol` is SVG drawn in a 28 × 12 box whose top-left corner is (0, 0). */
export interface LegendEntry {
  readonly key: string;
  readonly label: string;
  readonly symbol: string;
}

/** A lane laid out: its height, how to draw it with its top at `y`, and what the legend must explain. */
export interface LaneLayout {
  readonly height: number;
  /** Width kept free at the right of the lane header (the emotion lane puts its axis there). */
  readonly headerReserve?: number;
  readonly draw: (y: number) => string;
  readonly legend: readonly LegendEntry[];
}

export interface LaneInput<K extends LaneKind> {
  readonly lane: Lane;
  readonly cards: readonly CardOf<K>[];
}

export interface LaneRenderer<K extends LaneKind> {
  readonly layout: (input: LaneInput<K>, ctx: RenderContext) => LaneLayout;
}

/** One renderer per lane kind: a new kind fails to compile until it has one. */
export type LaneRenderers = { readonly [K in LaneKind]: LaneRenderer<K> };
