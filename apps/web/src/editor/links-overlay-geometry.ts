import type { Journey, Link } from '@waymark/core';

/** Sizes of the links band, in the map's own pixels (the band sits inside the zoomed map, like the grid). */
export const LINK_CHIP_WIDTH = 196;
export const LINK_STOP_WIDTH = 124;
export const LINK_TRACK_HEIGHT = 44;
export const LINK_BAND_TOP = 10;
/** Endpoints that share a column are this far apart (less when a column holds very many). */
export const LINK_SPREAD = 14;

export interface ArrowLayout {
  readonly link: Link;
  /** Where the arrow leaves its step (the bottom edge of the grid, y = 0). */
  readonly x1: number;
  /** Where the arrow ends: up into a step at (x2, 0), or into the stop (the customer, an organisation). */
  readonly x2: number;
  /** The arrow ends going up into a step (its target or, for a request that comes back, its return step). */
  readonly endsInStep: boolean;
  /** The horizontal run's height below the grid. */
  readonly y: number;
  readonly track: number;
  /** The left edge of the label button on the run (it is LINK_CHIP_WIDTH wide, centred on y). */
  readonly chipX: number;
  /** The left edge of the customer's or organisation's stop on the run, if the link goes to one. */
  readonly stopX: number | null;
  /** The horizontal extent the arrow, its label and its stop take on its track. */
  readonly left: number;
  readonly right: number;
  /** SVG path data of the line. */
  readonly path: string;
}

export interface LinksLayout {
  readonly arrows: readonly ArrowLayout[];
  readonly tracks: number;
  readonly height: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The column a link's line comes back up into, if any: its target step, or the step a request returns to. */
function endColumn(link: Link): string | undefined {
  return link.to.kind === 'column' ? link.to.columnId : link.returnsTo?.columnId;
}

/**
 * Arrows for the links of a journey, below a grid of equal columns whose first starts at x = 0. Each arrow
 * leaves the centre of its step, runs along a track, and ends in the step it points to (or at a stop naming
 * the customer or an organisation). Ends that share a column are spread apart, ordered so that lines do not
 * cross there; arrows whose runs (with their labels) overlap go on different tracks, the first free one from
 * the top, taken in order of where they start. Links from a step that no longer exists are left out.
 */
export function layOutLinks(journey: Pick<Journey, 'columns' | 'links'>, columnWidth: number): LinksLayout {
  const index = new Map(journey.columns.map((c, i) => [c.id as string, i]));
  const centre = (i: number) => i * columnWidth + columnWidth / 2;
  const links = journey.links.filter((l) => index.has(l.from.columnId));

  // Every end of a line in a column, with the x of the line's other end, to order them in the column.
  type End = { link: number; role: 'from' | 'to'; other: number };
  const ends = new Map<number, End[]>();
  const add = (column: number, end: End) => {
    const list = ends.get(column) ?? [];
    list.push(end);
    ends.set(column, list);
  };
  links.forEach((link, i) => {
    const from = index.get(link.from.columnId)!;
    const toId = endColumn(link);
    const to = toId === undefined ? undefined : index.get(toId);
    // A line that stays in its column, or goes to a stop, has its other end just to the right.
    const otherOfFrom = to === undefined ? centre(from) + columnWidth : centre(to);
    add(from, { link: i, role: 'from', other: to === from ? centre(from) + 1 : otherOfFrom });
    if (to !== undefined)
      add(to, { link: i, role: 'to', other: to === from ? centre(from) - 1 : centre(from) });
  });
  const x = new Map<string, number>();
  for (const [column, list] of ends) {
    list.sort((a, b) => a.other - b.other || a.link - b.link || (a.role === 'from' ? -1 : 1));
    const gap = Math.min(LINK_SPREAD, (columnWidth * 0.6) / Math.max(1, list.length - 1));
    list.forEach((end, k) =>
      x.set(`${end.link}:${end.role}`, centre(column) + (k - (list.length - 1) / 2) * gap),
    );
  }

  type Draft = Omit<ArrowLayout, 'y' | 'track' | 'path'>;
  const drafts: Draft[] = links.map((link, i) => {
    const x1 = x.get(`${i}:from`)!;
    const toId = endColumn(link);
    const endsInStep = toId !== undefined && index.has(toId);
    const hasStop = link.to.kind !== 'column';
    if (!endsInStep) {
      const chipX = x1 + 8;
      const stopX = chipX + LINK_CHIP_WIDTH + 16;
      return {
        link,
        x1,
        x2: stopX,
        endsInStep,
        chipX,
        stopX,
        left: x1 - 4,
        right: stopX + LINK_STOP_WIDTH + 8,
      };
    }
    const x2 = x.get(`${i}:to`)!;
    const left = Math.min(x1, x2);
    const chipX = left + 8;
    const stopX = hasStop ? chipX + LINK_CHIP_WIDTH + 10 : null;
    const right = Math.max(x1, x2, chipX + LINK_CHIP_WIDTH, stopX === null ? 0 : stopX + LINK_STOP_WIDTH) + 8;
    return { link, x1, x2, endsInStep, chipX, stopX, left: left - 4, right };
  });

  // Tracks: in order of where each arrow starts (then the shorter first), the first track it fits on.
  const order = drafts
    .map((d, i) => i)
    .sort((a, b) => drafts[a]!.left - drafts[b]!.left || drafts[a]!.right - drafts[b]!.right || a - b);
  const trackEnds: number[] = [];
  const trackOf = new Map<number, number>();
  for (const i of order) {
    const d = drafts[i]!;
    let track = trackEnds.findIndex((end) => end < d.left);
    if (track < 0) track = trackEnds.length;
    trackEnds[track] = d.right;
    trackOf.set(i, track);
  }
  const arrows = drafts.map((d, i): ArrowLayout => {
    const track = trackOf.get(i)!;
    const y = LINK_BAND_TOP + track * LINK_TRACK_HEIGHT + LINK_TRACK_HEIGHT / 2;
    const path = d.endsInStep
      ? `M ${round(d.x1)} 0 V ${y} H ${round(d.x2)} V 2`
      : `M ${round(d.x1)} 0 V ${y} H ${round(d.x2 - 2)}`;
    return { ...d, track, y, path };
  });
  // Reading order: by where the arrow leaves, then from the top track down.
  arrows.sort((a, b) => a.x1 - b.x1 || a.track - b.track);
  return {
    arrows,
    tracks: trackEnds.length,
    height: trackEnds.length === 0 ? 0 : LINK_BAND_TOP * 2 + trackEnds.length * LINK_TRACK_HEIGHT,
  };
}
