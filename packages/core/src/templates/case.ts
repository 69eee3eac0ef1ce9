import type { ColumnInput, JourneyTemplate } from './journey-template';
import { buildJourney } from './journey-template';

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DEFAULT_CASE_MONTHS = 12;

/** `count` month columns from `startMonth` (YYYY-MM), or unnumbered "Month 1" … columns without one. */
export function monthColumns(count: number, startMonth: string | undefined): ColumnInput[] {
  const prompt =
    'What happened in this month? Leave it empty where nothing did: the gaps are part of the story.';
  if (startMonth === undefined) {
    return Array.from({ length: count }, (_, i) => ({
      id: `month-${i + 1}`,
      label: `Month ${i + 1}`,
      guidance: `${prompt} Set the month (YYYY-MM) to date the axis.`,
    }));
  }
  const [year, month] = startMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) + i;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    const period = `${y}-${String(m).padStart(2, '0')}`;
    return { id: `m-${period}`, label: `${MONTH_NAMES[m - 1]} ${y}`, period, guidance: prompt };
  });
}

/** A dated case journey as in Melton case study 3: one person's case, month by month. */
export const caseTemplate: JourneyTemplate = {
  label: 'Dated case journey',
  description:
    'One person’s case month by month, with key steps, baton changes between organisations, touchpoints, feelings and actions, and moments of truth.',
  create: ({ id, title, startMonth, months = DEFAULT_CASE_MONTHS }) =>
    buildJourney({
      schemaVersion: 2,
      id,
      meta: { title: title ?? 'Case journey', journeyType: 'case' },
      axis: { kind: 'dates', unit: 'month' },
      columns: monthColumns(months, startMonth),
      lanes: [
        {
          id: 'key-steps',
          kind: 'step',
          label: 'Key journey steps',
          guidance: 'What step in the case happened this month, e.g. “Recommendation received”?',
        },
        {
          id: 'baton-changes',
          kind: 'baton-change',
          label: 'Baton changes',
          guidance: 'Did the case pass from one organisation to another this month? From whom, to whom?',
        },
        {
          id: 'touchpoints',
          kind: 'touchpoint',
          label: 'Touchpoints',
          guidance: 'Who contacted the person, or whom did they contact, and through which channel?',
        },
        {
          id: 'feelings-and-actions',
          kind: 'feeling',
          label: 'Feelings and actions',
          guidance: 'What did the person do and feel this month? Use their words and name the source.',
        },
        {
          id: 'moments-of-truth',
          kind: 'moment-of-truth',
          label: 'Moments of truth',
          guidance: 'Was there a moment when the service succeeded or failed in the person’s eyes? Why?',
        },
      ],
    }),
};
