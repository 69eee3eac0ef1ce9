import type { DfgEdge } from '../metrics/dfg';
import { formatDuration } from './format';
import type { ReportWords } from './words';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An SVG process map of the most frequent directly-follows edges: activities in columns by
 * their longest path from a start over forward edges (see below), arrows as wide as
 * their share of transitions, labelled with count and median time, in the reader's words (`w`).
 */
export function renderProcessMap(
  edges: readonly DfgEdge[],
  starts: Readonly<Record<string, number>>,
  w: ReportWords,
  maxEdges = 40,
): string {
  const kept = [...edges].sort((a, b) => b.count - a.count).slice(0, maxEdges);
  if (kept.length === 0) return `<p>${esc(w('eventlog.report.noTransitions'))}</p>`;
  const nodes = [...new Set(kept.flatMap((e) => [e.from, e.to]))];
  const out = new Map<string, DfgEdge[]>(nodes.map((n) => [n, []]));
  for (const e of kept) out.get(e.from)?.push(e);
  // an edge runs forward when it moves away from the start activities (breadth-first distance),
  // or, between activities at the same distance, when it is the more frequent direction
  const dist = new Map<string, number>();
  let frontier = nodes.filter((n) => (starts[n] ?? 0) > 0);
  if (frontier.length === 0) frontier = [kept[0]?.from as string];
  frontier.forEach((n) => dist.set(n, 0));
  for (let d = 1; frontier.length > 0; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const e of out.get(n) ?? []) {
        if (!dist.has(e.to)) {
          dist.set(e.to, d);
          next.push(e.to);
        }
      }
    }
    frontier = next;
  }
  const far = nodes.length;
  const countOf = new Map(kept.map((e) => [`${e.from}\u0000${e.to}`, e.count]));
  const back = new Set<DfgEdge>();
  for (const e of kept) {
    const du = dist.get(e.from) ?? far;
    const dv = dist.get(e.to) ?? far;
    const reverse = countOf.get(`${e.to}\u0000${e.from}`) ?? 0;
    const forward = dv > du || (dv === du && (e.count > reverse || (e.count === reverse && e.from < e.to)));
    if (!forward) back.add(e);
  }
  const layer = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (let pass = 0; pass < nodes.length; pass++) {
    let changed = false;
    for (const e of kept) {
      if (back.has(e) || e.from === e.to) continue;
      const want = (layer.get(e.from) ?? 0) + 1;
      if (want > (layer.get(e.to) ?? 0)) {
        layer.set(e.to, want);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const columns = new Map<number, string[]>();
  for (const n of nodes) {
    const l = layer.get(n) ?? 0;
    columns.set(l, [...(columns.get(l) ?? []), n]);
  }
  const W = 180;
  const H = 56;
  const colGap = 90;
  const rowGap = 30;
  const pos = new Map<string, { x: number; y: number }>();
  let maxRows = 0;
  for (const [l, ns] of columns) {
    maxRows = Math.max(maxRows, ns.length);
    ns.forEach((n, i) => pos.set(n, { x: 20 + l * (W + colGap), y: 20 + i * (H + rowGap) }));
  }
  const width = 40 + columns.size * (W + colGap);
  const height = 40 + maxRows * (H + rowGap);
  const maxCount = Math.max(...kept.map((e) => e.count));
  const paths = kept.map((e) => {
    const a = pos.get(e.from) as { x: number; y: number };
    const b = pos.get(e.to) as { x: number; y: number };
    const stroke = 1 + 7 * (e.count / maxCount);
    const label = `${e.count} · ${formatDuration(e.medianSeconds, w)}`;
    const title = w('eventlog.report.edgeTitle', {
      from: e.from,
      to: e.to,
      count: String(e.count),
      median: formatDuration(e.medianSeconds, w),
      mean: formatDuration(e.meanSeconds, w),
    });
    let d: string;
    let lx: number;
    let ly: number;
    if (e.from === e.to) {
      d = `M${a.x + W - 30},${a.y} c20,-40 50,-10 30,10`;
      lx = a.x + W;
      ly = a.y - 16;
    } else if (b.x > a.x) {
      const x1 = a.x + W;
      const y1 = a.y + H / 2;
      const x2 = b.x;
      const y2 = b.y + H / 2;
      d = `M${x1},${y1} C${x1 + colGap / 2},${y1} ${x2 - colGap / 2},${y2} ${x2},${y2}`;
      lx = (x1 + x2) / 2;
      ly = (y1 + y2) / 2 - 4;
    } else {
      const x1 = a.x + W / 2;
      const y1 = a.y + H;
      const x2 = b.x + W / 2;
      const y2 = b.y + H;
      const dip = Math.max(y1, y2) + rowGap;
      d = `M${x1},${y1} C${x1},${dip} ${x2},${dip} ${x2},${y2}`;
      lx = (x1 + x2) / 2;
      ly = dip - 6;
    }
    return `<g class="edge"><title>${esc(title)}</title><path d="${d}" stroke-width="${stroke.toFixed(1)}" marker-end="url(#arrow)"/><text x="${lx.toFixed(0)}" y="${ly.toFixed(0)}">${esc(label)}</text></g>`;
  });
  const boxes = nodes.map((n) => {
    const p = pos.get(n) as { x: number; y: number };
    const short = n.length > 26 ? `${n.slice(0, 25)}…` : n;
    return `<g class="node"><title>${esc(n)}</title><rect x="${p.x}" y="${p.y}" width="${W}" height="${H}" rx="6"/><text x="${p.x + W / 2}" y="${p.y + H / 2 + 4}">${esc(short)}</text></g>`;
  });
  return `<svg class="map" role="img" aria-label="${esc(w('eventlog.report.mapLabel', { count: String(kept.length) }))}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#505a5f"/></marker></defs>${paths.join('')}${boxes.join('')}</svg>`;
}
