import { t } from '../i18n';
import { EMOTION_MAX, EMOTION_MIN, type Card, type Journey, type Lane } from '@waymark/core';

/** The drawing area of an emotion cell: +100 at `pad` from the top, −100 at `pad` from the bottom. */
export interface EmotionBand {
  readonly height: number;
  readonly pad: number;
}

/**
 * The editor's band: 200 px from +100 to −100 (one pixel a point), so a fall from −45 to −95 is a 50 px dip,
 * not a flat line (issue 11 item 3). The poster's proportions, on the map being edited.
 */
export const EMOTION_BAND: EmotionBand = { height: 240, pad: 20 };

/** Where the axis is marked, as the poster marks it: ±100, ±50 and the zero line. */
export const EMOTION_TICKS = [100, 50, 0, -50, -100] as const;

/** A tick's words: the ends say what they mean, as on the poster (“+100 Great”, “−100 Poor”). */
export function tickLabel(score: number): string {
  if (score === EMOTION_MAX) return t('model.emotion.tickGreat');
  if (score === EMOTION_MIN) return t('model.emotion.tickPoor');
  if (score === 0) return '0';
  return score > 0 ? `+${score}` : `−${-score}`;
}

const clampScore = (score: number) => Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, score));

/** The y of a score in the band (SVG coordinates, down is positive). */
export function yForScore(score: number, band: EmotionBand): number {
  const inner = band.height - 2 * band.pad;
  return band.pad + ((EMOTION_MAX - clampScore(score)) / (EMOTION_MAX - EMOTION_MIN)) * inner;
}

/** The score at a y in the band, whole, clamped to −100…+100: the inverse of yForScore for whole scores. */
export function scoreForY(y: number, band: EmotionBand): number {
  const inner = band.height - 2 * band.pad;
  if (inner <= 0) return 0;
  const score = EMOTION_MAX - ((y - band.pad) / inner) * (EMOTION_MAX - EMOTION_MIN);
  return Math.round(clampScore(score)) || 0;
}

/** A typed score: a whole or decimal number from −100 to +100 (a leading + and a Unicode minus allowed). */
export function parseScore(text: string): { ok: true; score: number } | { ok: false; message: string } {
  const cleaned = text
    .trim()
    .replace(/^\u2212/, '-')
    .replace(/^\+/, '');
  const score = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(score)) {
    return { ok: false, message: t('editor.score.notNumber', { typed: text }) };
  }
  if (score < EMOTION_MIN || score > EMOTION_MAX) {
    return { ok: false, message: t('editor.score.outOfRange', { score: String(score) }) };
  }
  return { ok: true, score: Math.round(score * 10) / 10 };
}

/** One curve of an emotion lane: a persona's (or the lane's) scores, one mean per column that has any. */
export interface EmotionCurve {
  readonly key: string;
  readonly label: string;
  /** Index into curveStyles: line dash and marker shape, so curves differ by more than colour. */
  readonly style: number;
  /** By column id: the mean score of the curve's cards in that column. */
  readonly points: ReadonlyMap<string, number>;
}

export const curveStyles = [
  { shape: 'circle', dash: '', colour: '#1d70b8', name: 'solid line, circles' },
  { shape: 'square', dash: '8 4', colour: '#d4351c', name: 'dashed line, squares' },
  { shape: 'triangle', dash: '2 4', colour: '#00703c', name: 'dotted line, triangles' },
  { shape: 'diamond', dash: '12 4 2 4', colour: '#4c2c92', name: 'dash-dot line, diamonds' },
] as const;

/** The curves of an emotion lane: one per persona named on its cards (or the lane's persona), in first-seen order. */
export function emotionCurves(journey: Journey, lane: Lane, cards: readonly Card[]): EmotionCurve[] {
  const sums = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const card of cards) {
    if (card.kind !== 'emotion' || card.laneId !== lane.id) continue;
    const key = card.personaId ?? lane.personaId ?? '';
    let byColumn = sums.get(key);
    if (!byColumn) sums.set(key, (byColumn = new Map()));
    const cell = byColumn.get(card.columnId) ?? { sum: 0, n: 0 };
    byColumn.set(card.columnId, { sum: cell.sum + card.score, n: cell.n + 1 });
  }
  return [...sums.entries()].map(([key, byColumn], i) => ({
    key,
    label: journey.personas.find((p) => p.id === key)?.name ?? (key === '' ? lane.label : key),
    style: i % curveStyles.length,
    points: new Map([...byColumn].map(([col, { sum, n }]) => [col, Math.round((sum / n) * 10) / 10])),
  }));
}

/**
 * The part of a curve drawn in one column's cell, so each cell draws its own piece (and columns can be
 * virtualised): from halfway to the previous point, through this one, to halfway to the next. Cells whose
 * column has no point draw the straight line passing through them between their nearest neighbours' points.
 */
export function curvePiece(
  curve: EmotionCurve,
  columnIds: readonly string[],
  index: number,
  width: number,
  band: EmotionBand,
): { path: string; point: { x: number; y: number } | null } {
  const find = (from: number, step: number) => {
    for (let i = from; i >= 0 && i < columnIds.length; i += step) {
      const score = curve.points.get(columnIds[i]!);
      if (score !== undefined) return { i, score };
    }
    return null;
  };
  const here = curve.points.get(columnIds[index]!);
  const prev = find(index - 1, -1);
  const next = find(index + 1, 1);
  const x = (i: number) => (i - index) * width + width / 2;
  const at = (p: { i: number; score: number }) => ({ x: x(p.i), y: yForScore(p.score, band) });
  const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, atX: number) =>
    a.y + ((b.y - a.y) * (atX - a.x)) / (b.x - a.x);
  const fmt = (n: number) => Math.round(n * 10) / 10;
  if (here !== undefined) {
    const me = { x: width / 2, y: yForScore(here, band) };
    const parts: string[] = [];
    if (prev) parts.push(`M 0 ${fmt(lerp(at(prev), me, 0))} L ${fmt(me.x)} ${fmt(me.y)}`);
    else parts.push(`M ${fmt(me.x)} ${fmt(me.y)}`);
    if (next) parts.push(`L ${width} ${fmt(lerp(me, at(next), width))}`);
    return { path: parts.join(' '), point: me };
  }
  if (!prev || !next) return { path: '', point: null };
  const a = at(prev);
  const b = at(next);
  return { path: `M 0 ${fmt(lerp(a, b, 0))} L ${width} ${fmt(lerp(a, b, width))}`, point: null };
}
