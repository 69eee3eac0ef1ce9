import type { SheetPlan } from '@waymark/render';
import { formatNumber, formatPercent, t } from '../i18n';

const percent = (scale: number) => formatPercent(scale, 0);
const points = (pt: number) => formatNumber(Math.round(pt * 10) / 10, { maximumFractionDigits: 1 });

/** What the print view says about how the poster will print, so nobody is surprised at the printer. */
export function describePlan(plan: SheetPlan): string {
  const scaled = plan.scale >= 0.999 ? 'no' : 'yes';
  if (plan.mode === 'one-sheet')
    return t('views.print.oneSheet', {
      scaled,
      percent: percent(plan.scale),
      points: points(plan.smallestTextPt),
      tooSmall: plan.smallestTextPt < 6 ? 'yes' : 'no',
    });
  return t('views.print.tiled', {
    sheets: plan.sheets.length,
    rows: plan.down === 1 ? 'one' : 'several',
    across: plan.across,
    down: plan.down,
    scaled,
    percent: percent(plan.scale),
    points: points(plan.smallestTextPt),
  });
}

/** The label of a sheet in a tiled poster. */
export const sheetLabel = (plan: SheetPlan, i: number): string => {
  const s = plan.sheets[i]!;
  if (plan.sheets.length === 1) return t('views.print.thePoster');
  const values = { sheet: i + 1, count: plan.sheets.length };
  return plan.down > 1
    ? t('views.print.sheetOfAt', { ...values, row: s.down, column: s.across })
    : t('views.print.sheetOf', values);
};
