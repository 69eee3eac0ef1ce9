import type { Scenario } from './appraisal';
import { parseScenario } from './business-case';
import type { BusinessCaseInputDraft } from './business-case-input';

/** Test fixture, domain.md §7: £50k cost in year 0, £20 per journey × 1,000 journeys in years 1–5. */
export const workedCheckInput: BusinessCaseInputDraft = {
  title: 'Online reporting',
  appraisalYears: 5,
  annualVolumes: 1_000,
  savings: [{ id: 'calls', label: 'Fewer progress-chasing calls', kind: 'cash-releasing', perJourney: 20 }],
  costs: [{ id: 'system', label: 'Case system', kind: 'one-off', amount: 50_000, fromYear: 0 }],
};

export function workedCheckScenario(): Scenario {
  const s = parseScenario(workedCheckInput);
  if (!s.ok) throw new Error(`worked check must parse: ${JSON.stringify(s.error)}`);
  return s.value;
}

/** Σ 1/(1+r)^t for t = 1..years, written out independently of green-book.ts. */
export const annuityFactor = (rate: number, years = 5): number =>
  Array.from({ length: years }, (_, i) => 1 / (1 + rate) ** (i + 1)).reduce((a, b) => a + b, 0);
