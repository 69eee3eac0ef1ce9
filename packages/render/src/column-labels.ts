import type { AxisKind, Column } from '@waymark/core';
import { createTranslator, type Locale, type MessageId } from '@waymark/i18n';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2008-11` → `Nov 2008`; `2008-11-05` → `5 Nov 2008`. In Welsh the month names come from `Intl` (`Tach 2008`);
 * English keeps the three-letter names (en-GB's `Intl` writes `Sept`).
 */
export function formatPeriod(period: string, locale: Locale = 'en'): string {
  const [year, month, day] = period.split('-');
  if (locale !== 'en') {
    return createTranslator(locale).date(`${year}-${month}-${day ?? '01'}T00:00:00Z`, {
      ...(day === undefined ? {} : { day: 'numeric' }),
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  const name = months[Number(month) - 1] ?? month ?? '';
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** `{from: 0, to: 4}` → `0–4`; `{from: 5}` → `5`. */
export function formatAge(age: { from: number; to?: number | undefined }): string {
  return age.to === undefined || age.to === age.from ? String(age.from) : `${age.from}–${age.to}`;
}

export interface AxisLabel {
  /** What one column is called: Step, Date, Age. */
  readonly name: string;
  /** The same for many: Steps, Dates, Ages. */
  readonly plural: string;
  readonly tag: (column: Column) => string | undefined;
}

const names: Record<AxisKind, [MessageId, MessageId]> = {
  steps: ['poster.axis.steps', 'poster.axis.stepsPlural'],
  dates: ['poster.axis.dates', 'poster.axis.datesPlural'],
  ages: ['poster.axis.ages', 'poster.axis.agesPlural'],
};

/** What each kind of axis calls itself and shows above a column besides its label, in `locale`. */
export function axisLabelsIn(locale: Locale = 'en'): Record<AxisKind, AxisLabel> {
  const { t } = createTranslator(locale);
  const label = (kind: AxisKind, tag: AxisLabel['tag']): AxisLabel => ({
    name: t(names[kind][0]),
    plural: t(names[kind][1]),
    tag,
  });
  return {
    steps: label('steps', () => undefined),
    dates: label('dates', (c) => (c.period === undefined ? undefined : formatPeriod(c.period, locale))),
    ages: label('ages', (c) => (c.age === undefined ? undefined : formatAge(c.age))),
  };
}

/** The same in English. */
export const axisLabels: Record<AxisKind, AxisLabel> = axisLabelsIn('en');
