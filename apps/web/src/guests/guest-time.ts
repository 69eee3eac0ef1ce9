import { formatDateIn, t } from '../i18n';

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/**
 * "17:00", "17:00 tomorrow" or "17:00 on Fri 5 Dec" ("17:00 yfory", "17:00 ar Gwen 5 Rhag"): when a guest's time
 * on a map ends, in the reader's clock and the chosen language.
 */
export function untilText(expiresAt: string, now: Date): string {
  const end = new Date(expiresAt);
  const time = formatDateIn(end, { hour: '2-digit', minute: '2-digit' });
  if (sameDay(end, now)) return time;
  if (sameDay(end, new Date(now.getTime() + 86_400_000))) return t('guests.until.tomorrow', { time });
  const date = formatDateIn(end, { weekday: 'short', day: 'numeric', month: 'short' });
  return t('guests.until.later', { time, date });
}
