/** Metrics a step can carry (issue 2; domain.md §3). A registry: add an entry, not a branch. */
export const metricKinds = {
  contacts: { label: 'Contacts', unit: 'contacts', min: 0, max: Number.MAX_SAFE_INTEGER },
  'elapsed-days': { label: 'Elapsed time', unit: 'days', min: 0, max: 36_500 },
  'handling-minutes': { label: 'Handling time', unit: 'minutes', min: 0, max: 1_000_000 },
  'wait-days': { label: 'Wait before the step', unit: 'days', min: 0, max: 36_500 },
  volume: { label: 'Volume', unit: 'a year', min: 0, max: Number.MAX_SAFE_INTEGER },
  'avoidable-percent': { label: 'Avoidable share', unit: '%', min: 0, max: 100 },
  'unit-cost': { label: 'Unit cost', unit: '£', min: 0, max: 1_000_000_000 },
  'hand-offs': { label: 'Hand-offs', unit: 'hand-offs', min: 0, max: 1_000_000 },
  'value-added-percent': { label: 'Value-added time', unit: '%', min: 0, max: 100 },
} as const satisfies Record<string, { label: string; unit: string; min: number; max: number }>;

export type MetricKind = keyof typeof metricKinds;
export const metricKindIds = Object.keys(metricKinds) as [MetricKind, ...MetricKind[]];

/** Where a figure came from: a workshop's estimate, a count by hand, or a contact log. */
export const metricOrigins = ['estimate', 'measured', 'log', 'sample'] as const;
