import { formatNumber as localNumber, formatPercent as localPercent, t } from '../i18n';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** A duration in the unit a person would use, with its unit in words and the right plural: "3.5 days". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  const s = Math.abs(seconds);
  if (s < 60) return t('eventlog.duration.seconds', { count: Math.round(seconds) });
  if (s < 3600) return t('eventlog.duration.minutes', { count: round1(seconds / 60) });
  if (s < 2 * 86_400) return t('eventlog.duration.hours', { count: round1(seconds / 3600) });
  return t('eventlog.duration.days', { count: round1(seconds / 86_400) });
}

/** Days as people read them: "1 day", "134 days", "0.5 days". */
export const formatDays = (days: number | null | undefined): string =>
  days === null || days === undefined || !Number.isFinite(days)
    ? '—'
    : t('eventlog.duration.days', { count: round1(days) });

export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : localNumber(n);

export const formatNumber = (n: number | null | undefined, places = 2): string =>
  n === null || n === undefined || !Number.isFinite(n)
    ? '—'
    : localNumber(n, { maximumFractionDigits: places });

/** A share (0–1) as a percentage with one decimal, by locale. */
export const formatPercent = (share: number | null | undefined): string =>
  share === null || share === undefined || !Number.isFinite(share) ? '—' : localPercent(share, 1);
