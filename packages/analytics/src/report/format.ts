/** Human formatting shared by the Markdown and HTML reports. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.abs(seconds);
  if (s < 60) return `${round(seconds, 1)} s`;
  if (s < 3600) return `${round(seconds / 60, 1)} min`;
  if (s < 86_400 * 2) return `${round(seconds / 3600, 1)} h`;
  return `${round(seconds / 86_400, 1)} days`;
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
