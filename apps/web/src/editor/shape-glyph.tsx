import type { LaneKind } from '@waymark/core';
import type { ReactNode } from 'react';
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

/** Each lane kind's glyph, drawn on a 16×16 grid: the shape tells the kinds apart, the colour only helps. */
const laneGlyphs: Record<LaneKind, ReactNode> = {
  step: <path d="M1.5 4.5 H10 L14.5 8 L10 11.5 H1.5 Z" fill="currentColor" />,
  touchpoint: (
    <>
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="8" cy="8" r="2.5" fill="currentColor" />
    </>
  ),
  'baton-change': (
    <path
      d="M1.5 5 H12 M9 2 L12 5 L9 8 M14.5 11 H4 M7 8 L4 11 L7 14"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    />
  ),
  feeling: (
    <path
      d="M8 14.5 C 1 9.5, 0.5 3, 4.8 2.6 C 6.6 2.4, 7.7 3.6, 8 4.8 C 8.3 3.6, 9.4 2.4, 11.2 2.6 C 15.5 3, 15 9.5, 8 14.5 Z"
      fill="currentColor"
    />
  ),
  emotion: (
    <path d="M1 12 C 3.5 3, 6 3, 8 8 S 12.5 13.5, 15 4" fill="none" stroke="currentColor" strokeWidth="2.2" />
  ),
  'moment-of-truth': (
    <path
      d="M8 0.8 L10.1 5.6 L15.2 6 L11.3 9.4 L12.5 14.5 L8 11.8 L3.5 14.5 L4.7 9.4 L0.8 6 L5.9 5.6 Z"
      fill="currentColor"
    />
  ),
  'pain-point': (
    <>
      <path d="M8 1 L15.5 14.5 H0.5 Z" fill="currentColor" />
      <path d="M7.1 5.5 H8.9 V10 H7.1 Z M7.1 11.2 H8.9 V13 H7.1 Z" fill="#fff" />
    </>
  ),
  lever: (
    <>
      <circle cx="8" cy="6" r="5" fill="currentColor" />
      <path d="M5.5 11.5 H10.5 V13 H5.5 Z M6.5 14 H9.5 V15.5 H6.5 Z" fill="currentColor" />
    </>
  ),
  metric: <path d="M1.5 15 V9 H5 V15 Z M6.3 15 V3 H9.7 V15 Z M11 15 V6 H14.5 V15 Z" fill="currentColor" />,
  text: (
    <path d="M1.5 3.5 H14.5 M1.5 8 H14.5 M1.5 12.5 H10" fill="none" stroke="currentColor" strokeWidth="2" />
  ),
};

/**
 * A lane kind's glyph in its colour (`--kind-<kind>` in app.css). Named for screen readers when `label` is given
 * (the lane header says the kind this way), otherwise hidden as decoration beside words that say it.
 */
export function LaneKindGlyph({ kind, label, size = 16 }: { kind: LaneKind; label?: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      className={`kind-glyph kind-glyph--${kind}`}
      data-kind-glyph={kind}
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {laneGlyphs[kind]}
    </svg>
  );
}
