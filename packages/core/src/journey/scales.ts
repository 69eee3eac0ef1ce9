/**
 * Emotion scales. Waymark stores every score on the Melton template's −100 (poor) … +100 (great);
 * other scales convert linearly, their lowest point to −100 and their highest to +100.
 */
export const emotionScales = {
  'minus100-100': { label: '−100 … +100 (Melton)', min: -100, max: 100 },
  '1-5': { label: '1 … 5', min: 1, max: 5 },
  'minus2-2': { label: '−2 … +2', min: -2, max: 2 },
  '1-10': { label: '1 … 10', min: 1, max: 10 },
  '0-10': { label: '0 … 10 (NPS style)', min: 0, max: 10 },
  '1-7': { label: '1 … 7', min: 1, max: 7 },
} as const satisfies Record<string, { label: string; min: number; max: number }>;

export type EmotionScale = keyof typeof emotionScales;
export const emotionScaleIds = Object.keys(emotionScales) as [EmotionScale, ...EmotionScale[]];

export const EMOTION_MIN = -100;
export const EMOTION_MAX = 100;

/** A value on `scale` as a score on −100…+100, rounded to one decimal place. */
export function toEmotionScore(value: number, scale: EmotionScale): number {
  const { min, max } = emotionScales[scale];
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(
      `a value on the ${emotionScales[scale].label} scale must be between ${min} and ${max}; got ${value}`,
    );
  }
  const score = ((value - min) / (max - min)) * (EMOTION_MAX - EMOTION_MIN) + EMOTION_MIN;
  return Math.round(score * 10) / 10;
}

/** A −100…+100 score on another scale (inverse of toEmotionScore, unrounded). */
export function fromEmotionScore(score: number, scale: EmotionScale): number {
  const { min, max } = emotionScales[scale];
  return ((score - EMOTION_MIN) / (EMOTION_MAX - EMOTION_MIN)) * (max - min) + min;
}

/** Mermaid's `journey` diagrams score 1…5: −100 → 1, 0 → 3, +100 → 5, rounded to whole numbers. */
export const toFivePoint = (score: number): number => Math.round(fromEmotionScore(score, '1-5'));
