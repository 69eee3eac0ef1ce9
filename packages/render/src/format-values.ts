import { createTranslator, type Translator } from '@waymark/i18n';

const english = (): Translator => createTranslator('en');

/** Dot-voting results as people say them: `1 vote`, `12 votes` (`1 bleidlais` in Welsh). */
export const formatVotes = (votes: number, tr: Translator = english()): string =>
  tr.t('poster.votes', { count: votes });

/** Scores as people write them: `+40`, `0`, `−80` (a true minus sign). */
export const formatScore = (score: number): string =>
  score > 0 ? `+${score}` : score < 0 ? `−${Math.abs(score)}` : '0';

/** A figure with its unit, in the translator's language: `£3.72`, `30%`, `42 days`, `42 diwrnod`. */
export function formatFigure(value: number, unit: string, tr: Translator = english()): string {
  const rounded = Math.round(value * 100) / 100;
  const minus = (text: string) => text.replace(/^-/, '−');
  if (unit === '£') return minus(tr.money(rounded, Number.isInteger(rounded) ? 0 : 2));
  if (unit === '%') return minus(tr.percent(rounded / 100, 2));
  const ids: Record<string, Parameters<Translator['t']>[0]> = {
    contacts: 'poster.unit.contacts',
    days: 'poster.unit.days',
    minutes: 'poster.unit.minutes',
    'a year': 'poster.unit.perYear',
    'hand-offs': 'poster.unit.handOffs',
  };
  const id = ids[unit];
  // A unit the catalogue does not know yet is printed as it is stored after the figure.
  return minus(id ? tr.t(id, { value: rounded }) : `${tr.number(rounded)} ${unit}`);
}
