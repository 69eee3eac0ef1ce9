import { curveStyles } from './emotion-geometry';

/** The marker of a curve style as an SVG path centred on (x, y): the shape carries meaning, not the colour. */
export function markerPath(style: number, x: number, y: number, r = 6): string {
  switch (curveStyles[style % curveStyles.length]!.shape) {
    case 'square':
      return `M ${x - r} ${y - r} h ${2 * r} v ${2 * r} h ${-2 * r} Z`;
    case 'triangle':
      return `M ${x} ${y - r - 1} L ${x + r + 1} ${y + r} L ${x - r - 1} ${y + r} Z`;
    case 'diamond':
      return `M ${x} ${y - r - 1} L ${x + r + 1} ${y} L ${x} ${y + r + 1} L ${x - r - 1} ${y} Z`;
    default:
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0`;
  }
}

/** A small legend swatch: a line in the curve's dash with its marker. */
export function ShapeGlyph({ style }: { style: number }) {
  const s = curveStyles[style % curveStyles.length]!;
  return (
    <svg width="32" height="16" viewBox="0 0 32 16" aria-hidden="true" className="shape-glyph">
      <path d="M 0 8 H 32" stroke={s.colour} strokeWidth="2" strokeDasharray={s.dash} />
      <path d={markerPath(style, 16, 8, 5)} fill={s.colour} stroke="#0b0c0c" strokeWidth="1" />
    </svg>
  );
}

/** A speech bubble for comment buttons and badges (drawn, so it shows without an emoji font). */
export function CommentIcon() {
  return (
    <svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true" className="comment-icon">
      <path d="M 1 1 H 15 V 10 H 6 L 3 13 V 10 H 1 Z" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
