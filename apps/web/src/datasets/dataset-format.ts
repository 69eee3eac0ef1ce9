/** How the dataset pages write figures: durations in the unit a person would use, counts with separators. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.abs(seconds);
  if (s < 60) return `${Math.round(seconds)} s`;
  if (s < 3600) return `${round1(seconds / 60)} min`;
  if (s < 2 * 86_400) return `${round1(seconds / 3600)} h`;
  return `${round1(seconds / 86_400)} days`;
}

const round1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString('en-GB');

export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toLocaleString('en-GB');

export const formatNumber = (n: number | null | undefined, places = 2): string =>
  n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-GB', { maximumFractionDigits: places });

export const formatPercent = (share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share) ? '—' : `${formatNumber(share * 100, 1)}%`;

export interface MapEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly medianSeconds: number | null;
}

/**
 * The process map to draw: the busiest edges (at most `maxEdges`) with the start and end of cases as two
 * extra nodes, so a large log stays legible; the table beside it lists every edge.
 */
export function mapGraph(
  dfg: {
    edges: readonly { from: string; to: string; count: number; medianSeconds: number }[];
    startActivities: Record<string, number>;
    endActivities: Record<string, number>;
  },
  maxEdges = 24,
): { nodes: string[]; edges: MapEdge[]; all: MapEdge[]; shown: number; total: number } {
  const all: MapEdge[] = [
    ...Object.entries(dfg.startActivities).map(([a, n]) => ({
      from: START,
      to: a,
      count: n,
      medianSeconds: null,
    })),
    ...dfg.edges.map((e) => ({ from: e.from, to: e.to, count: e.count, medianSeconds: e.medianSeconds })),
    ...Object.entries(dfg.endActivities).map(([a, n]) => ({
      from: a,
      to: END,
      count: n,
      medianSeconds: null,
    })),
  ]
    .sort((a, b) => b.count - a.count || (a.from + a.to < b.from + b.to ? -1 : 1))
    .map((e, i) => ({ ...e, id: `e${i}` }));
  // self-loops (an activity repeated) are left to the table: drawn, they only add knots
  const edges = all.filter((e) => e.from !== e.to).slice(0, maxEdges);
  return { nodes: flowOrder(edges), edges, all, shown: edges.length, total: all.length };
}

/**
 * The nodes in the order cases usually pass them: from the start, repeatedly the node most edges lead to
 * from the nodes already placed; the end last. The layout reads edges against this order as loops back.
 */
export function flowOrder(edges: readonly MapEdge[]): string[] {
  const nodes = [...new Set(edges.flatMap((e) => [e.from, e.to]))].filter((n) => n !== START && n !== END);
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

export const START = '▶ Start';
export const END = '■ End';
