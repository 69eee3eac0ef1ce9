/**
 * Payback period in years from net flows by year (index 0 = year 0), for a report, not a decision
 * rule (Green Book: supplementary). Flows in year t are taken to arrive evenly through the year, so
 * the crossing is interpolated: £50k out in year 0 and £20k in each year after → 2.5 years.
 * Uses the last time the cumulative total is below zero, so a later dip is not hidden.
 * Returns null when the cumulative total is still below zero at the end.
 */
export function paybackYears(netByYear: readonly number[]): number | null {
  let cumulative = 0;
  let lastNegativeYear = -1;
  let cumulativeAtLastNegative = 0;
  netByYear.forEach((net, year) => {
    cumulative += net;
    if (cumulative < 0) {
      lastNegativeYear = year;
      cumulativeAtLastNegative = cumulative;
    }
  });
  if (lastNegativeYear === -1) return 0;
  if (lastNegativeYear === netByYear.length - 1) return null;
  const recovering = netByYear[lastNegativeYear + 1]!;
  return lastNegativeYear + -cumulativeAtLastNegative / recovering;
}
