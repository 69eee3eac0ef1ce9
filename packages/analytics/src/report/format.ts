import type { ReportWords } from './words';

/** Human formatting shared by the Markdown and HTML reports; the unit in the reader's words. */
export function formatDuration(seconds: number | null | undefined, w: ReportWords): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.abs(seconds);
  if (s < 60) return w('eventlog.report.duration.seconds', { value: round(seconds, 1) });
  if (s < 3600) return w('eventlog.report.duration.minutes', { value: round(seconds / 60, 1) });
  if (s < 86_400 * 2) return w('eventlog.report.duration.hours', { value: round(seconds / 3600, 1) });
  return w('eventlog.report.duration.days', { value: round(seconds / 86_400, 1) });
}

export function round(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return x.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

export function percent(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '–' : `${round(x * 100, digits)} %`;
}

export function pounds(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x)
    ? '–'
    : `£${x.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
