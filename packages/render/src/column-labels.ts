import type { AxisKind, Column } from '@waymark/core';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2008-11` → `Nov 2008`; `2008-11-05` → `5 Nov 2008`. */
export function formatPeriod(period: string): string {
  const [year, month, day] = period.split('-');
  const name = months[Number(month) - 1] ?? month ?? '';
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** `{from: 0, to: 4}` → `0–4`; `{from: 5}` → `5`. */
export function formatAge(age: { from: number; to?: number | undefined }): string {
  return age.to === undefined || age.to === age.from ? String(age.from) : `${age.from}–${age.to}`;
}

/** What each kind of axis calls itself and shows above a column besides its label. */
export const axisLabels: Record<AxisKind, { name: string; tag: (column: Column) => string | undefined }> = {
  steps: { name: 'Step', tag: () => undefined },
  dates: { name: 'Date', tag: (c) => (c.period === undefined ? undefined : formatPeriod(c.period)) },
  ages: { name: 'Age', tag: (c) => (c.age === undefined ? undefined : formatAge(c.age)) },
};
