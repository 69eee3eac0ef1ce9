import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { useEffect, useId, useState } from 'react';
import type { Analysis } from './datasets-api';
import { END, formatCount, formatDuration, mapGraph, START, type MapEdge } from './dataset-format';

const elk = new ELK();
const CHAR = 7.2;
const NODE_H = 36;

interface Laid {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly { id: string; label: string; x: number; y: number; w: number; h: number }[];
  readonly edges: readonly { edge: MapEdge; path: string; label?: { x: number; y: number; text: string } }[];
}

const edgeText = (e: MapEdge) =>
  e.medianSeconds === null
    ? formatCount(e.count)
    : `${formatCount(e.count)} · ${formatDuration(e.medianSeconds)}`;

async function layout(graph: ReturnType<typeof mapGraph>): Promise<Laid> {
  const idOf = new Map(graph.nodes.map((n, i) => [n, `n${i}`]));
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '32',
      'elk.spacing.edgeLabel': '4',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.edgeRouting': 'POLYLINE',
      // nodes come in the order cases usually pass them (flowOrder); edges against it are the loops back
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: graph.nodes.map((n) => ({
      id: idOf.get(n) as string,
      width: Math.min(260, Math.max(80, n.length * CHAR + 24)),
      height: NODE_H,
      labels: [{ text: n }],
    })),
    edges: graph.edges.map((e): ElkExtendedEdge => ({
      id: e.id,
      sources: [idOf.get(e.from) as string],
      targets: [idOf.get(e.to) as string],
      labels: [{ text: edgeText(e), width: edgeText(e).length * 6.5 + 8, height: 16 }],
    })),
  };
  const out = await elk.layout(root);
  const byId = new Map(graph.edges.map((e) => [e.id, e]));
  return {
    width: (out.width ?? 0) + 16,
    height: (out.height ?? 0) + 16,
    nodes: (out.children ?? []).map((c) => ({
      id: c.id,
      label: c.labels?.[0]?.text ?? '',
      x: c.x ?? 0,
      y: c.y ?? 0,
      w: c.width ?? 0,
      h: c.height ?? 0,
    })),
    edges: (out.edges ?? []).flatMap((e) => {
      const s = e.sections?.[0];
      const edge = byId.get(e.id);
      if (!s || !edge) return [];
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
      const l = e.labels?.[0];
      return [
        {
          edge,
          path: pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
          ...(l ? { label: { x: (l.x ?? 0) + 4, y: (l.y ?? 0) + 12, text: l.text ?? '' } } : {}),
        },
      ];
    }),
  };
}

/**
 * The process map: activities as boxes, the directly-follows edges as arrows labelled with how many times
 * and the median time between, laid out by ELK's layered algorithm. A table lists every edge in words.
 */
export function ProcessMap({ analysis }: { analysis: Analysis }) {
  const graph = mapGraph(analysis.dfg);
  const [laid, setLaid] = useState<Laid | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const titleId = useId();
  const descId = useId();
  const key = JSON.stringify(graph.edges.map((e) => [e.from, e.to, e.count]));
  useEffect(() => {
    let live = true;
    setLaid(null);
    layout(graph)
      .then((l) => live && setLaid(l))
      .catch((e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // the graph is rebuilt on every render; `key` says when it changed
  }, [key]);
  const max = Math.max(1, ...graph.edges.map((e) => e.count));
  const all = graph.all;
  return (
    <section aria-labelledby="map-heading">
      <h2 id="map-heading">Process map</h2>
      <p className="hint">
        {graph.shown < graph.total
          ? `The ${graph.shown} busiest of ${graph.total} paths (repeats of one activity are in the table only); the table lists them all.`
          : `All ${graph.total} paths.`}{' '}
        Each arrow says how many times one activity directly followed another, and the median time between.
      </p>
      {failed ? (
        <p className="error-message">
          The map could not be laid out: {failed}. The table below has every path.
        </p>
      ) : null}
      {laid ? (
        <div className="datasets-map" tabIndex={0} role="region" aria-label="Process map (scrolls)">
          <svg
            width={laid.width}
            height={laid.height}
            viewBox={`-8 -8 ${laid.width} ${laid.height}`}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
          >
            <title id={titleId}>Process map</title>
            <desc id={descId}>
              {graph.nodes.length} activities and {graph.shown} paths; the busiest is{' '}
              {graph.edges[0]
                ? `${graph.edges[0].from} to ${graph.edges[0].to}, ${graph.edges[0].count} times`
                : 'none'}
              . The table after the map lists every path.
            </desc>
            <defs>
              <marker
                id="dm-arrow"
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerWidth="10"
                markerHeight="10"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" fill="#0b0c0c" />
              </marker>
            </defs>
            {laid.edges.map(({ edge, path, label }) => (
              <g key={edge.id}>
                <path
                  d={path}
                  fill="none"
                  stroke="#505a5f"
                  strokeWidth={1 + (4 * edge.count) / max}
                  markerEnd="url(#dm-arrow)"
                />
                {label ? (
                  <text x={label.x} y={label.y} className="datasets-map__edge">
                    {label.text}
                  </text>
                ) : null}
              </g>
            ))}
            {laid.nodes.map((n) => {
              const terminal = n.label === START || n.label === END;
              return (
                <g key={n.id}>
                  <rect
                    x={n.x}
                    y={n.y}
                    width={n.w}
                    height={n.h}
                    rx={terminal ? 18 : 4}
                    fill={terminal ? '#0b0c0c' : '#ffffff'}
                    stroke="#0b0c0c"
                    strokeWidth={2}
                  />
                  <text
                    x={n.x + n.w / 2}
                    y={n.y + 23}
                    textAnchor="middle"
                    className="datasets-map__node"
                    fill={terminal ? '#ffffff' : '#0b0c0c'}
                  >
                    {n.label.length * CHAR > n.w - 12
                      ? `${n.label.slice(0, Math.floor((n.w - 24) / CHAR))}…`
                      : n.label}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
      ) : failed ? null : (
        <p role="status">Laying out the map…</p>
      )}
      <details className="datasets-details">
        <summary>The map as a table ({all.length} paths)</summary>
        <table className="datasets-table">
          <caption className="visually-hidden">Every path between activities</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="num">
                Times
              </th>
              <th scope="col" className="num">
                Median time between
              </th>
            </tr>
          </thead>
          <tbody>
            {all.map((e) => (
              <tr key={e.id}>
                <td>{e.from}</td>
                <td>{e.to}</td>
                <td className="num">{formatCount(e.count)}</td>
                <td className="num">{e.medianSeconds === null ? '—' : formatDuration(e.medianSeconds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
