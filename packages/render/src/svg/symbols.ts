import { el, num } from '../xml';
import { theme, type PointShape } from './theme';

/** A five-pointed star centred on (cx, cy): the moment-of-truth marker. */
export function star(cx: number, cy: number, r: number, fill: string = theme.colour.star): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push(`${num(cx + radius * Math.cos(angle))},${num(cy + radius * Math.sin(angle))}`);
  }
  return el('polygon', { points: points.join(' '), fill, stroke: theme.colour.ink, 'stroke-width': 0.6 });
}

/** A data point: each series has its own shape; an estimate is drawn hollow. */
export function point(shape: PointShape, x: number, y: number, colour: string, hollow: boolean): string {
  const r = 3.6;
  const paint = { fill: hollow ? '#ffffff' : colour, stroke: colour, 'stroke-width': 1.4 };
  const poly = (pts: Array<[number, number]>) =>
    el('polygon', { points: pts.map(([px, py]) => `${num(x + px)},${num(y + py)}`).join(' '), ...paint });
  const shapes: Record<PointShape, () => string> = {
    circle: () => el('circle', { cx: x, cy: y, r, ...paint }),
    square: () => el('rect', { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...paint }),
    triangle: () =>
      poly([
        [0, -r * 1.2],
        [r * 1.1, r * 0.8],
        [-r * 1.1, r * 0.8],
      ]),
    diamond: () =>
      poly([
        [0, -r * 1.3],
        [r * 1.3, 0],
        [0, r * 1.3],
        [-r * 1.3, 0],
      ]),
    cross: () =>
      el('path', {
        d: `M${num(x - r)},${num(y - r)}L${num(x + r)},${num(y + r)}M${num(x - r)},${num(y + r)}L${num(x + r)},${num(y - r)}`,
        stroke: colour,
        'stroke-width': hollow ? 1 : 2,
        fill: 'none',
      }),
  };
  return shapes[shape]();
}

/** A straight arrow from (x1, y) to (x2, y), its head drawn from the shared marker. */
export function arrow(
  x1: number,
  x2: number,
  y: number,
  markerId: string,
  colour: string = theme.colour.ink,
): string {
  return el('line', {
    x1,
    y1: y,
    x2,
    y2: y,
    stroke: colour,
    'stroke-width': 1.4,
    'marker-end': `url(#${markerId})`,
  });
}

/** The arrow head every arrow in a drawing shares. */
export function arrowMarker(id: string): string {
  return el(
    'marker',
    {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    el('path', { d: 'M0,0L10,5L0,10z', fill: theme.colour.ink }),
  );
}
