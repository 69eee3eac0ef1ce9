/**
 * What the process map shows (decision 0020): the activities ranked by how often they happen, and the
 * directly-follows paths between the shown ones, filtered the way Disco and PM4Py do: the activities slider
 * keeps the N most frequent activities; the paths slider starts from the paths that keep every shown activity
 * connected (each one's busiest way in and out) and adds the next busiest paths as it moves up.
 */

/** The start and end of cases, drawn as two extra nodes. Ids, not words: the map names them from the catalogue. */
export const START = '\u0000start';
export const END = '\u0000end';

export interface MapEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /** Null on the edges from the start and to the end of cases (no time passes there). */
  readonly medianSeconds: number | null;
  readonly meanSeconds: number | null;
}

export interface Dfg {
  readonly edges: readonly {
    from: string;
    to: string;
    count: number;
    medianSeconds: number;
    meanSeconds?: number;
  }[];
  readonly startActivities: Record<string, number>;
  readonly endActivities: Record<string, number>;
}

export interface ActivityCount {
  readonly name: string;
  /** How many times it happened: the cases that started with it plus the paths into it. */
  readonly events: number;
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every activity with how many times it happened, most frequent first (ties by name). */
export function activityRanking(dfg: Dfg): ActivityCount[] {
  const n = new Map<string, number>();
  const add = (a: string, k: number) => n.set(a, (n.get(a) ?? 0) + k);
  for (const [a, k] of Object.entries(dfg.startActivities)) add(a, k);
  for (const e of dfg.edges) add(e.to, e.count);
  for (const e of dfg.edges) if (!n.has(e.from)) n.set(e.from, 0);
  for (const a of Object.keys(dfg.endActivities)) if (!n.has(a)) n.set(a, 0);
  return [...n]
    .map(([name, events]) => ({ name, events }))
    .sort((a, b) => b.events - a.events || byName(a.name, b.name));
}

/** Every path of the log (self-loops too), with the start and end of cases, busiest first. */
export function allEdges(dfg: Dfg): MapEdge[] {
  return [
    ...Object.entries(dfg.startActivities).map(([a, count]) => ({
      from: START,
      to: a,
      count,
      medianSeconds: null,
      meanSeconds: null,
    })),
    ...dfg.edges.map((e) => ({
      from: e.from,
      to: e.to,
      count: e.count,
      medianSeconds: e.medianSeconds,
      meanSeconds: e.meanSeconds ?? null,
    })),
    ...Object.entries(dfg.endActivities).map(([a, count]) => ({
      from: a,
      to: END,
      count,
      medianSeconds: null,
      meanSeconds: null,
    })),
  ]
    .sort((a, b) => b.count - a.count || byName(a.from, b.from) || byName(a.to, b.to))
    .map((e, i) => ({ ...e, id: `e${i}` }));
}

export interface MapView {
  /** Shown nodes in the order cases usually pass them, the start first and the end last. */
  readonly nodes: readonly string[];
  readonly activities: readonly ActivityCount[];
  readonly edges: readonly MapEdge[];
  /** The range of the paths slider for these activities: the connecting paths only, up to all of them. */
  readonly minPaths: number;
  readonly maxPaths: number;
  /** The slider values actually used (clamped to their ranges). */
  readonly shownActivities: number;
  readonly shownPaths: number;
  readonly totalActivities: number;
  /** Share (0–1) of all events that are of a shown activity. */
  readonly eventShare: number;
}

/**
 * The map for `activities` most frequent activities and `paths` paths. Self-loops (an activity repeated) are
 * left to the table: drawn, they only add knots. Paths through a hidden activity are not drawn.
 */
export function mapView(dfg: Dfg, activities: number, paths: number): MapView {
  const ranking = activityRanking(dfg);
  const shownActivities = Math.max(
    Math.min(1, ranking.length),
    Math.min(ranking.length, Math.round(activities)),
  );
  const kept = ranking.slice(0, shownActivities);
  const keep = new Set([START, END, ...kept.map((a) => a.name)]);
  const candidates = allEdges(dfg).filter((e) => e.from !== e.to && keep.has(e.from) && keep.has(e.to));
  const skeleton = new Set<string>();
  for (const a of kept) {
    const into = candidates.find((e) => e.to === a.name);
    const out = candidates.find((e) => e.from === a.name);
    if (into) skeleton.add(into.id);
    if (out) skeleton.add(out.id);
  }
  const minPaths = skeleton.size;
  const maxPaths = candidates.length;
  const shownPaths = Math.max(minPaths, Math.min(maxPaths, Math.round(paths)));
  const chosen = new Set(skeleton);
  for (const e of candidates) {
    if (chosen.size >= shownPaths) break;
    chosen.add(e.id);
  }
  const edges = candidates.filter((e) => chosen.has(e.id));
  const total = ranking.reduce((n, a) => n + a.events, 0);
  const covered = kept.reduce((n, a) => n + a.events, 0);
  return {
    nodes: flowOrder(
      edges,
      kept.map((a) => a.name),
    ),
    activities: kept,
    edges,
    minPaths,
    maxPaths,
    shownActivities,
    shownPaths,
    totalActivities: ranking.length,
    eventShare: total === 0 ? 1 : covered / total,
  };
}

/**
 * Where the sliders start on a log: the fewest activities that cover 90 % of the events (at most 12, as a map
 * with more is a tangle at first sight), and the connecting paths plus the busiest others up to 1.5 per activity.
 */
export function defaultView(dfg: Dfg): { activities: number; paths: number } {
  const ranking = activityRanking(dfg);
  const total = ranking.reduce((n, a) => n + a.events, 0);
  let activities = 0;
  let covered = 0;
  while (activities < ranking.length && (covered < 0.9 * total || activities === 0)) {
    covered += ranking[activities]!.events;
    activities++;
  }
  activities = Math.min(activities, 12);
  const view = mapView(dfg, activities, 0);
  const paths = Math.max(view.minPaths, Math.min(view.maxPaths, Math.ceil(activities * 1.5) + 2));
  return { activities, paths };
}

/**
 * The nodes in the order cases usually pass them: from the start, repeatedly the node most edges lead to
 * from the nodes already placed; the end last. The layout reads edges against this order as loops back.
 * Activities in `also` that no edge reaches are placed before the end.
 */
export function flowOrder(edges: readonly MapEdge[], also: readonly string[] = []): string[] {
  const nodes = [...new Set([...edges.flatMap((e) => [e.from, e.to]), ...also])].filter(
    (n) => n !== START && n !== END,
  );
  const placed = new Set([START]);
  const order: string[] = [];
  while (order.length < nodes.length) {
    let best = '';
    let bestWeight = -1;
    for (const n of nodes) {
      if (placed.has(n)) continue;
      const w = edges.reduce((sum, e) => sum + (e.to === n && placed.has(e.from) ? e.count : 0), 0);
      if (w > bestWeight || (w === bestWeight && n < best)) [best, bestWeight] = [n, w];
    }
    placed.add(best);
    order.push(best);
  }
  const has = (n: string) => edges.some((e) => e.from === n || e.to === n);
  return [...(has(START) ? [START] : []), ...order, ...(has(END) ? [END] : [])];
}

/**
 * Splits a label into lines no wider than `max` (by `measure`), at spaces where it can and inside a word only
 * when one word is wider than a line; nothing is cut off.
 */
export function wrapLabel(text: string, max: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    let rest = word;
    while (measure(rest) > max && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && measure(rest.slice(0, n)) > max) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    return rest;
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (measure(next) <= max) line = next;
    else {
      if (line) lines.push(line);
      line = push(word);
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The middle of a polyline's longest segment. */
export function onLongestSegment(pts: readonly { x: number; y: number }[]): { x: number; y: number } | null {
  let best: { x: number; y: number } | null = null;
  let longest = -1;
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > longest) [longest, best] = [len, { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }];
  }
  return best;
}
