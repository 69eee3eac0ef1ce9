/** Dot-voting results as people say them: `1 vote`, `12 votes`. */
export const formatVotes = (votes: number): string => `${votes} ${votes === 1 ? 'vote' : 'votes'}`;

/** Scores as people write them: `+40`, `0`, `−80` (a true minus sign). */
export const formatScore = (score: number): string =>
  score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';

/** A figure with its unit: `£3.72`, `30%`, `42 days`. */
export function formatFigure(value: number, unit: string): string {
  const [whole = '0', fraction] = String(Math.round(Math.abs(value) * 100) / 100).split('.');
  const figure = `${value < 0 ? '−' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
  if (unit === '£') return `£${figure}`;
  if (unit === '%') return `${figure}%`;
  return `${figure} ${unit}`;
}
