import type { ComparedFigure } from '@waymark/measure';
import { formatMoney, t, type MessageId } from '../i18n';

const labelIds: Record<ComparedFigure, MessageId> = {
  contacts: 'compare.figure.contacts',
  avoidableContacts: 'compare.figure.avoidableContacts',
  elapsedDays: 'compare.figure.elapsedDays',
  waitDays: 'compare.figure.waitDays',
  handlingMinutes: 'compare.figure.handlingMinutes',
  handOffs: 'compare.figure.handOffs',
  cost: 'compare.figure.cost',
};
/** A compared figure's name, in the chosen language. */
export const figureLabel = (k: ComparedFigure): string => t(labelIds[k]);
export const figureOrder = Object.keys(labelIds) as ComparedFigure[];

/** Each figure's amount with its unit and the right plural ("1 contact", "134 days"); cost is money. */
const unitIds: Record<Exclude<ComparedFigure, 'cost'>, MessageId> = {
  contacts: 'eventlog.count.contacts',
  avoidableContacts: 'eventlog.count.contacts',
  elapsedDays: 'eventlog.duration.days',
  waitDays: 'eventlog.duration.days',
  handlingMinutes: 'eventlog.duration.minutes',
  handOffs: 'eventlog.count.handOffs',
};
/** Figures counted in whole things take "fewer"; time and money take "less". */
const counted = new Set<ComparedFigure>(['contacts', 'avoidableContacts', 'handOffs']);

/** A figure as people read it: pounds and pence for cost, otherwise one decimal and its unit. */
export const formatFigure = (k: ComparedFigure, n: number): string =>
  k === 'cost' ? formatMoney(n) : t(unitIds[k], { count: Math.round(n * 10) / 10 });

/** A change with its sign in words as well as symbols, so it does not rely on colour. */
export function formatChange(k: ComparedFigure, n: number): string {
  if (Math.abs(n) < 0.05 && k !== 'cost') return t('compare.change.none');
  if (n === 0) return t('compare.change.none');
  const amount = formatFigure(k, Math.abs(n));
  if (n > 0) return t('compare.change.more', { amount });
  return t(counted.has(k) ? 'compare.change.fewer' : 'compare.change.less', { amount });
}
