/**
 * docs/worked-checks/costs.md check 1, the one copy the tests and examples share: an adviser on £26,000 with 30 %
 * on-costs and 20 % overheads over 1,650 productive hours, 7.5 minutes a telephone contact plus £0.12 of call
 * charges and systems, so £3.19 a contact.
 */
export const workedCheckAdviser = {
  staffMinutes: 7.5,
  annualSalary: 26_000,
  onCostsPercent: 30,
  overheadsPercent: 20,
  hoursPerYear: 1650,
  nonStaffCost: 0.12,
} as const;

/** Check 1 as a cost model's telephone line, built up from staff time. */
export const workedCheckTelephoneLine = {
  scope: 'channel',
  key: 'telephone',
  method: 'built-up',
  ...workedCheckAdviser,
} as const;

/** A workspace cost model holding check 1's telephone line, as a person would enter it. */
export const workedCheckCostModel = {
  // i18n-exempt: the worked check's example model name, data a person would type, not interface text
  name: 'Melton 2026',
  priceYear: '2024',
  lines: [workedCheckTelephoneLine],
};
