import type { SheetPlan } from '@waymark/render';

const percent = (scale: number) => `${Math.round(scale * 100)}%`;
const points = (pt: number) => `${Math.round(pt * 10) / 10} pt`;

/** What the print view says about how the poster will print, so nobody is surprised at the printer. */
export function describePlan(plan: SheetPlan): string {
  if (plan.mode === 'one-sheet') {
    const size = plan.scale >= 0.999 ? 'at full size' : `scaled to ${percent(plan.scale)}`;
    const small =
      plan.smallestTextPt < 6 ? ' — too small to read comfortably; try splitting over sheets' : '';
    return `Prints on one A3 landscape sheet ${size}; the smallest text prints at ${points(plan.smallestTextPt)}${small}.`;
  }
  const grid =
    plan.down === 1 ? `${plan.across} side by side` : `${plan.across} across and ${plan.down} down`;
  const size = plan.scale >= 0.999 ? 'at full size' : `at ${percent(plan.scale)}`;
  return (
    `Too big for one legible sheet: prints on ${plan.sheets.length} A3 landscape sheets (${grid}) ${size}, ` +
    `smallest text ${points(plan.smallestTextPt)}. Trim the white edges and join the sheets in order.`
  );
}

/** The label of a sheet in a tiled poster. */
export const sheetLabel = (plan: SheetPlan, i: number): string => {
  const s = plan.sheets[i]!;
  return plan.sheets.length === 1
    ? 'The poster'
    : `Sheet ${i + 1} of ${plan.sheets.length}${plan.down > 1 ? ` (row ${s.down}, column ${s.across})` : ''}`;
};
