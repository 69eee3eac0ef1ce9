import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import { formatPercent as localPercent, t } from '../i18n';
import type { Analysis } from './datasets-api';
import { formatCount, formatDuration } from './dataset-format';
import {
  allEdges,
  defaultView,
  END,
  mapView,
  onLongestSegment,
  START,
  wrapLabel,
  type MapEdge,
  type MapView,
} from './process-map-model';

const elk = new ELK();
const LINE = 17;
const PAD = 10;
const MAX_LABEL = 190;
const FONT = '700 13px Arial, Helvetica, sans-serif';
const EDGE_FONT = '12px Arial, Helvetica, sans-serif';

/** What the numbers on the arrows say. */
export type ArrowMeasure = 'count' | 'median' | 'mean';

let canvas: CanvasRenderingContext2D | null | undefined;
/** Text width in pixels, measured in the browser's own font; an estimate where there is no canvas. */
function textWidth(text: string, font: string): number {
  if (canvas === undefined)
    canvas = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * 7.4;
  canvas.font = font;
  return canvas.measureText(text).width;
}

/** A node's name as people read it: the start and end of cases have names in the catalogue. */
export const nodeName = (n: string): string =>
  n === START ? t('eventlog.map.start') : n === END ? t('eventlog.map.end') : n;

/** The number on an arrow for the chosen measure; empty where it has none (time from the start of a case). */
export function arrowText(e: MapEdge, measure: ArrowMeasure): string {
  if (measure === 'count') return formatCount(e.count);
  const s = measure === 'median' ? e.medianSeconds : e.meanSeconds;
  return s === null ? '' : formatDuration(s);
}

interface LaidNode {
  readonly id: string;
  readonly name: string;
  readonly lines: readonly string[];
  readonly events: number | null;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}
interface LaidEdge {
  readonly edge: MapEdge;
  readonly path: string;
  readonly label?: { x: number; y: number; w: number; h: number; text: string };
}
interface Laid {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly LaidNode[];
  readonly edges: readonly LaidEdge[];
}

async function layout(view: MapView, measure: ArrowMeasure): Promise<Laid> {
  const idOf = new Map(view.nodes.map((n, i) => [n, `n${i}`]));
  const events = new Map(view.activities.map((a) => [a.name, a.events]));
  const boxes = new Map(
    view.nodes.map((n) => {
      const terminal = n === START || n === END;
      const lines = wrapLabel(nodeName(n), MAX_LABEL, (s) => textWidth(s, FONT));
      const count = terminal ? null : formatCount(events.get(n) ?? 0);
      const widest = Math.max(...lines.map((l) => textWidth(l, FONT)), count ? textWidth(count, FONT) : 0);
      return [
        n,
        {
          lines,
          events: terminal ? null : (events.get(n) ?? 0),
          w: Math.max(terminal ? 64 : 90, Math.ceil(widest) + 2 * PAD),
          h: (lines.length + (count ? 1 : 0)) * LINE + 2 * PAD - 4,
        },
      ];
    }),
  );
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '40',
      'elk.spacing.nodeNode': '36',
      'elk.spacing.edgeEdge': '14',
      'elk.spacing.edgeNode': '18',
      'elk.spacing.edgeLabel': '2',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
      'elk.edgeRouting': 'POLYLINE',
      // nodes come in the order cases usually pass them (flowOrder); edges against it are the loops back
      'elk.layered.cycleBreaking.strategy': 'MODEL_ORDER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: view.nodes.map((n) => ({
      id: idOf.get(n) as string,
      width: boxes.get(n)!.w,
      height: boxes.get(n)!.h,
    })),
    edges: view.edges.map((e): ElkExtendedEdge => {
      const text = arrowText(e, measure);
      return {
        id: e.id,
        sources: [idOf.get(e.from) as string],
        targets: [idOf.get(e.to) as string],
        labels: text ? [{ text, width: Math.ceil(textWidth(text, EDGE_FONT)) + 10, height: 18 }] : [],
      };
    }),
  };
  const out = await elk.layout(root);
  const byId = new Map(view.edges.map((e) => [e.id, e]));
  const nameOf = new Map([...idOf].map(([n, id]) => [id, n]));
  return {
    width: Math.ceil(out.width ?? 0) + 16,
    height: Math.ceil(out.height ?? 0) + 16,
    nodes: (out.children ?? []).map((c) => {
      const name = nameOf.get(c.id) as string;
      const box = boxes.get(name)!;
      return {
        id: c.id,
        name,
        lines: box.lines,
        events: box.events,
        x: c.x ?? 0,
        y: c.y ?? 0,
        w: box.w,
        h: box.h,
      };
    }),
    edges: (out.edges ?? []).flatMap((e) => {
      const s = e.sections?.[0];
      const edge = byId.get(e.id);
      if (!s || !edge) return [];
      const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
      const l = e.labels?.[0];
      // the number sits on its own arrow, across the middle of its longest straight part, so it is read
      // with that arrow and no other (ELK reserved the room for it beside the arrow)
      const at = l ? onLongestSegment(pts) : null;
      return [
        {
          edge,
          path: pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
          ...(l && at
            ? {
                label: {
                  x: at.x - (l.width ?? 0) / 2,
                  y: at.y - (l.height ?? 0) / 2,
                  w: l.width ?? 0,
                  h: l.height ?? 0,
                  text: l.text ?? '',
                },
              }
            : {}),
        },
      ];
    }),
  };
}

/** Five shades of blue for how often an activity happened (the count is written in the box as well). */
const shades = ['#f3f8fb', '#d2e2f1', '#a6c5e3', '#2b6cb0', '#12436d'] as const;
const shadeOf = (events: number, max: number) =>
  Math.min(4, Math.floor((Math.max(0, events) / Math.max(1, max)) * 4.999));
const zooms = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/**
 * The process map: activities as boxes shaded by how often they happen, the directly-follows paths as arrows as
 * thick as they are frequent and labelled with how many times or how long, laid out by ELK's layered algorithm.
 * Sliders show fewer or more activities and paths (most frequent first); a legend says what is drawn; each box
 * is focusable and names its activity in full; tables give the same in words.
 */
export function ProcessMap({ analysis }: { analysis: Analysis }) {
  const dfg = analysis.dfg;
  const key = JSON.stringify(dfg.edges.map((e) => [e.from, e.to, e.count]));
  // `key` says when the log's paths changed
  const start = useMemo(() => defaultView(dfg), [key]);
  const [activities, setActivities] = useState(start.activities);
  const [paths, setPaths] = useState(start.paths);
  const [measure, setMeasure] = useState<ArrowMeasure>('count');
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [picked, setPicked] = useState<string | null>(null);
  const [laid, setLaid] = useState<Laid | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    setActivities(start.activities);
    setPaths(start.paths);
  }, [start]);
  // `key` stands for dfg
  const view = useMemo(() => mapView(dfg, activities, paths), [key, activities, paths]);
  // `key` stands for dfg
  const every = useMemo(() => allEdges(dfg), [key]);
  const id = useId();
  const viewKey = `${key}|${view.shownActivities}|${view.shownPaths}|${measure}`;
  useEffect(() => {
    let live = true;
    setFailed(false);
    layout(view, measure)
      .then((l) => live && setLaid(l))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // `viewKey` says when the view changed
  }, [viewKey]);

  const maxEdge = Math.max(1, ...view.edges.map((e) => e.count));
  const maxEvents = Math.max(1, ...view.activities.map((a) => a.events));
  const pickedNode = picked !== null && view.nodes.includes(picked) ? picked : null;
  const touches = (e: MapEdge) => pickedNode !== null && (e.from === pickedNode || e.to === pickedNode);
  const scale = zoom === 'fit' ? null : zoom;
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (scale === null || !box.current) return;
    drag.current = { x: e.clientX, y: e.clientY, left: box.current.scrollLeft, top: box.current.scrollTop };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current || !box.current) return;
    box.current.scrollLeft = drag.current.left - (e.clientX - drag.current.x);
    box.current.scrollTop = drag.current.top - (e.clientY - drag.current.y);
  };
  const zoomBy = (step: 1 | -1) => {
    const now = zoom === 'fit' ? 1 : zoom;
    const i = zooms.findIndex((z) => z >= now);
    setZoom(zooms[Math.max(0, Math.min(zooms.length - 1, (i < 0 ? zooms.length - 1 : i) + step))]!);
  };
  const measureWords: Record<ArrowMeasure, string> = {
    count: t('eventlog.map.measure.count'),
    median: t('eventlog.map.measure.median'),
    mean: t('eventlog.map.measure.mean'),
  };
  const detailsOf = (n: string) => {
    const a = view.activities.find((x) => x.name === n);
    const ins = view.edges.filter((e) => e.to === n).length;
    const outs = view.edges.filter((e) => e.from === n).length;
    return a
      ? t('eventlog.map.nodeDetails', { name: n, events: a.events, ins, outs })
      : t('eventlog.map.terminalDetails', { name: nodeName(n), ins, outs });
  };

  return (
    <section aria-labelledby="map-heading" className="datasets-mapsection">
      <h2 id="map-heading">{t('eventlog.map.heading')}</h2>
      <p className="hint">{t('eventlog.map.intro')}</p>
      <div className="datasets-mapcontrols">
        <div className="field">
          <label htmlFor={`${id}-activities`}>{t('eventlog.map.activitiesSlider')}</label>
          <input
            id={`${id}-activities`}
            type="range"
            min={Math.min(1, view.totalActivities)}
            max={view.totalActivities}
            step={1}
            value={view.shownActivities}
            aria-valuetext={t('eventlog.map.activitiesValue', {
              shown: view.shownActivities,
              total: view.totalActivities,
              share: localPercent(view.eventShare, 0),
            })}
            onChange={(e) => setActivities(Number(e.target.value))}
          />
          <output htmlFor={`${id}-activities`} data-testid="map-activities-value">
            {t('eventlog.map.activitiesValue', {
              shown: view.shownActivities,
              total: view.totalActivities,
              share: localPercent(view.eventShare, 0),
            })}
          </output>
        </div>
        <div className="field">
          <label htmlFor={`${id}-paths`}>{t('eventlog.map.pathsSlider')}</label>
          <input
            id={`${id}-paths`}
            type="range"
            min={view.minPaths}
            max={Math.max(view.minPaths, view.maxPaths)}
            step={1}
            value={view.shownPaths}
            aria-valuetext={t('eventlog.map.pathsValue', { shown: view.shownPaths, total: view.maxPaths })}
            onChange={(e) => setPaths(Number(e.target.value))}
          />
          <output htmlFor={`${id}-paths`}>
            {t('eventlog.map.pathsValue', { shown: view.shownPaths, total: view.maxPaths })}
          </output>
        </div>
        <fieldset className="datasets-measure">
          <legend>{t('eventlog.map.measureLegend')}</legend>
          {(['count', 'median', 'mean'] as const).map((m) => (
            <div className="datasets-radio" key={m}>
              <input
                type="radio"
                id={`${id}-measure-${m}`}
                name={`${id}-measure`}
                checked={measure === m}
                onChange={() => setMeasure(m)}
              />
              <label htmlFor={`${id}-measure-${m}`}>{measureWords[m]}</label>
            </div>
          ))}
        </fieldset>
      </div>
      <div className="datasets-zoom" role="group" aria-label={t('eventlog.map.zoomGroup')}>
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={zoom === 'fit'}
          onClick={() => setZoom('fit')}
        >
          {t('eventlog.map.fit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(-1)}>
          {t('eventlog.map.zoomOut')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => zoomBy(1)}>
          {t('eventlog.map.zoomIn')}
        </button>
        <span>
          {zoom === 'fit'
            ? t('eventlog.map.zoomFit')
            : t('eventlog.map.zoomAt', { percent: localPercent(zoom, 0) })}
        </span>
      </div>
      <MapLegend measure={measure} />
      {failed ? <p className="error-message">{t('eventlog.map.layoutFailed')}</p> : null}
      <p className="datasets-mapdetails" aria-live="polite" data-testid="map-details">
        {pickedNode !== null ? detailsOf(pickedNode) : t('eventlog.map.detailsHint')}
      </p>
      {laid ? (
        <div
          ref={box}
          className={`datasets-map${scale === null ? ' datasets-map--fit' : ''}`}
          tabIndex={scale === null ? undefined : 0}
          role={scale === null ? undefined : 'region'}
          aria-label={scale === null ? undefined : t('eventlog.map.scrollRegion')}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={() => (drag.current = null)}
          onPointerLeave={() => (drag.current = null)}
        >
          <svg
            width={scale === null ? '100%' : laid.width * scale}
            height={scale === null ? undefined : laid.height * scale}
            viewBox={`-8 -8 ${laid.width} ${laid.height}`}
            style={scale === null ? { maxWidth: `${laid.width * 1.25}px` } : undefined}
            role="group"
            aria-labelledby={`${id}-title`}
            aria-describedby={`${id}-desc`}
          >
            <title id={`${id}-title`}>{t('eventlog.map.heading')}</title>
            <desc id={`${id}-desc`}>
              {t('eventlog.map.description', {
                activities: view.shownActivities,
                paths: view.shownPaths,
              })}
            </desc>
            <defs>
              <marker
                id={`${id}-arrow`}
                viewBox="0 0 12 12"
                refX="11"
                refY="6"
                markerWidth="12"
                markerHeight="12"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0 L12,6 L0,12 z" fill="#0b0c0c" />
              </marker>
              <marker
                id={`${id}-arrow-on`}
                viewBox="0 0 12 12"
                refX="11"
                refY="6"
                markerWidth="14"
                markerHeight="14"
                markerUnits="userSpaceOnUse"
                orient="auto"
              >
                <path d="M0,0 L12,6 L0,12 z" fill="#1d70b8" />
              </marker>
            </defs>
            {laid.edges.map(({ edge, path }) => (
              <path
                key={edge.id}
                d={path}
                fill="none"
                stroke={touches(edge) ? '#1d70b8' : pickedNode ? '#8c9194' : '#505a5f'}
                strokeWidth={1.5 + (5 * edge.count) / maxEdge}
                markerEnd={`url(#${id}-arrow${touches(edge) ? '-on' : ''})`}
                aria-hidden="true"
              />
            ))}
            {laid.edges.map(({ edge, label }) =>
              label ? (
                <g key={edge.id} className="datasets-map__edge" aria-hidden="true">
                  <rect
                    x={label.x}
                    y={label.y}
                    width={label.w}
                    height={label.h}
                    rx={3}
                    fill="#ffffff"
                    stroke={touches(edge) ? '#1d70b8' : '#505a5f'}
                  />
                  <text x={label.x + label.w / 2} y={label.y + 13} textAnchor="middle">
                    {label.text}
                  </text>
                </g>
              ) : null,
            )}
            {laid.nodes.map((n) => {
              const terminal = n.events === null;
              const shade = terminal ? 4 : shadeOf(n.events ?? 0, maxEvents);
              const dark = shade >= 3;
              const on = pickedNode === n.name;
              return (
                <g
                  key={n.id}
                  className="datasets-map__node"
                  tabIndex={0}
                  role="img"
                  aria-label={detailsOf(n.name)}
                  data-activity={terminal ? undefined : n.name}
                  onFocus={() => setPicked(n.name)}
                  onPointerEnter={() => setPicked(n.name)}
                  onClick={() => setPicked(n.name)}
                >
                  <title>{detailsOf(n.name)}</title>
                  <rect
                    x={n.x}
                    y={n.y}
                    width={n.w}
                    height={n.h}
                    rx={terminal ? n.h / 2 : 4}
                    fill={terminal ? '#0b0c0c' : shades[shade]}
                    stroke={on ? '#1d70b8' : '#0b0c0c'}
                    strokeWidth={on ? 4 : 1.5}
                  />
                  {n.lines.map((line, i) => (
                    <text
                      key={i}
                      x={n.x + n.w / 2}
                      y={n.y + PAD + 10 + i * LINE}
                      textAnchor="middle"
                      fill={dark ? '#ffffff' : '#0b0c0c'}
                    >
                      {line}
                    </text>
                  ))}
                  {n.events !== null ? (
                    <text
                      x={n.x + n.w / 2}
                      y={n.y + PAD + 10 + n.lines.length * LINE}
                      textAnchor="middle"
                      className="datasets-map__count"
                      fill={dark ? '#ffffff' : '#0b0c0c'}
                    >
                      {formatCount(n.events)}
                    </text>
                  ) : null}
                </g>
              );
            })}
          </svg>
        </div>
      ) : failed ? null : (
        <p role="status">{t('eventlog.map.layingOut')}</p>
      )}
      <details className="datasets-details">
        <summary>{t('eventlog.map.tableSummary', { paths: view.shownPaths })}</summary>
        <table className="datasets-table">
          <caption>{t('eventlog.map.activitiesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('eventlog.map.activity')}</th>
              <th scope="col" className="num">
                {t('eventlog.map.times')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.activities.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td className="num">{formatCount(a.events)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <PathsTable caption={t('eventlog.map.pathsCaption')} edges={view.edges} />
      </details>
      <details className="datasets-details">
        <summary>{t('eventlog.map.allSummary', { paths: every.length })}</summary>
        <PathsTable caption={t('eventlog.map.allCaption')} edges={every} />
      </details>
    </section>
  );
}

function PathsTable({ caption, edges }: { caption: string; edges: readonly MapEdge[] }) {
  return (
    <table className="datasets-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eventlog.map.from')}</th>
          <th scope="col">{t('eventlog.map.to')}</th>
          <th scope="col" className="num">
            {t('eventlog.map.times')}
          </th>
          <th scope="col" className="num">
            {t('eventlog.map.medianBetween')}
          </th>
          <th scope="col" className="num">
            {t('eventlog.map.meanBetween')}
          </th>
        </tr>
      </thead>
      <tbody>
        {edges.map((e) => (
          <tr key={e.id}>
            <td>{nodeName(e.from)}</td>
            <td>{nodeName(e.to)}</td>
            <td className="num">{formatCount(e.count)}</td>
            <td className="num">{e.medianSeconds === null ? '—' : formatDuration(e.medianSeconds)}</td>
            <td className="num">{e.meanSeconds === null ? '—' : formatDuration(e.meanSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the shading, the thickness and the numbers mean, drawn as they are on the map. */
function MapLegend({ measure }: { measure: ArrowMeasure }) {
  return (
    <div className="datasets-legend" role="group" aria-label={t('eventlog.map.legend')}>
      <p className="datasets-legend__title">{t('eventlog.map.legend')}</p>
      <ul>
        <li>
          <svg width="64" height="20" aria-hidden="true" focusable="false">
            <rect x="1" y="3" width="18" height="14" fill={shades[0]} stroke="#0b0c0c" />
            <rect x="22" y="3" width="18" height="14" fill={shades[2]} stroke="#0b0c0c" />
            <rect x="43" y="3" width="18" height="14" fill={shades[4]} stroke="#0b0c0c" />
          </svg>
          {t('eventlog.map.legendShade')}
        </li>
        <li>
          <svg width="64" height="20" aria-hidden="true" focusable="false">
            <line x1="2" y1="6" x2="60" y2="6" stroke="#505a5f" strokeWidth="1.5" />
            <line x1="2" y1="15" x2="60" y2="15" stroke="#505a5f" strokeWidth="6" />
          </svg>
          {t('eventlog.map.legendThickness')}
        </li>
        <li>
          <svg width="64" height="20" aria-hidden="true" focusable="false">
            <rect x="14" y="1" width="36" height="18" rx="3" fill="#ffffff" stroke="#505a5f" />
            <text x="32" y="14" textAnchor="middle" fontSize="11">
              12
            </text>
          </svg>
          {t('eventlog.map.legendNumbers', { measure })}
        </li>
        <li>
          <svg width="64" height="20" aria-hidden="true" focusable="false">
            <rect x="8" y="2" width="48" height="16" rx="8" fill="#0b0c0c" />
          </svg>
          {t('eventlog.map.legendTerminals')}
        </li>
      </ul>
    </div>
  );
}
