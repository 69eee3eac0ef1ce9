/**
 * Sizes in points (1/72 in): the drawing is laid out on an A3 landscape sheet, 420 × 297 mm, so a size
 * here is the printed size. Text never goes below 9 pt.
 */
export const A3_LANDSCAPE = { width: 1190.55, height: 841.89 } as const;
export const MM_PER_PT = 25.4 / 72;

export const theme = {
  margin: 22,
  headerWidth: 120,
  minColumnWidth: 100,
  pad: 5,
  gap: 4,
  lineHeight: 1.25,
  minLaneHeight: 30,
  font: "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif",
  size: { title: 18, subtitle: 10.5, heading: 10, body: 9.5, small: 9 },
  colour: {
    ink: '#1a1a1a',
    muted: '#4a4a4a',
    rule: '#8c8c8c',
    faint: '#d9d9d9',
    laneFill: ['#ffffff', '#f4f6f8'],
    header: '#e8edf2',
    stage: '#cfdbe6',
    star: '#b8860b',
  },
  /** Emotion series: colour, dash pattern and point shape differ together, so colour is never the only cue. */
  series: [
    { colour: '#1f4e79', dash: undefined, shape: 'circle' },
    { colour: '#a93226', dash: '7 4', shape: 'square' },
    { colour: '#1e6b45', dash: '2 3', shape: 'triangle' },
    { colour: '#5b2c6f', dash: '9 3 2 3', shape: 'diamond' },
    { colour: '#6e5a00', dash: '4 2', shape: 'cross' },
  ],
} as const;

export type PointShape = (typeof theme.series)[number]['shape'];
