import type { DimensionName } from '../model/event-store';

/** Which source column (CSV/Parquet) or attribute (XES; `case:` prefix for trace attributes) feeds each field. */
export interface ColumnMapping {
  readonly case?: string;
  readonly activity?: string;
  readonly timestamp?: string;
  readonly start?: string;
  readonly channel?: string;
  readonly org?: string;
  readonly resource?: string;
  readonly outcome?: string;
  readonly cost?: string;
  readonly lifecycle?: string;
}

export type MappedField = keyof ColumnMapping;

/** Header names tried, in order, when a field is not mapped explicitly (compared case- and punctuation-insensitively). */
export const columnSynonyms: Record<MappedField, readonly string[]> = {
  case: [
    'case:concept:name',
    'case id',
    'case',
    'case reference',
    'case ref',
    'request id',
    'ticket id',
    'enquiry id',
  ],
  activity: ['concept:name', 'activity', 'activity name', 'event', 'event name', 'action', 'task'],
  timestamp: [
    'time:timestamp',
    'timestamp',
    'end timestamp',
    'complete timestamp',
    'end time',
    'event time',
    'datetime',
    'date time',
    'time',
    'date',
  ],
  start: ['start_timestamp', 'start timestamp', 'start time', 'time:start'],
  channel: ['channel', 'case:channel', 'contact channel', 'medium'],
  org: ['org:group', 'team', 'organisation', 'organization', 'org', 'department', 'group', 'case:department'],
  resource: ['org:resource', 'resource', 'user', 'agent', 'handler', 'staff'],
  outcome: ['outcome', 'result', 'resolution'],
  cost: ['cost:total', 'cost', 'costs'],
  lifecycle: ['lifecycle:transition', 'lifecycle', 'transition'],
};

export const dimensionFields: readonly (MappedField & DimensionName)[] = [
  'channel',
  'org',
  'resource',
  'outcome',
  'lifecycle',
];

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9:]/g, '');

/**
 * Resolves each field to a column index. Explicit names must exist; otherwise synonyms are tried.
 * Returns the names that could not be found when they were asked for explicitly.
 */
export function resolveColumns(
  header: readonly string[],
  mapping: ColumnMapping,
  auto = true,
): { index: Partial<Record<MappedField, number>>; missing: { field: MappedField; column: string }[] } {
  const index: Partial<Record<MappedField, number>> = {};
  const missing: { field: MappedField; column: string }[] = [];
  const byNorm = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(h.trim());
    if (!byNorm.has(k)) byNorm.set(k, i);
  });
  const used = new Set<number>();
  for (const field of Object.keys(columnSynonyms) as MappedField[]) {
    const explicit = mapping[field];
    if (explicit !== undefined) {
      const i = header.indexOf(explicit) >= 0 ? header.indexOf(explicit) : byNorm.get(norm(explicit));
      if (i === undefined) missing.push({ field, column: explicit });
      else {
        index[field] = i;
        used.add(i);
      }
    }
  }
  if (!auto) return { index, missing };
  for (const field of Object.keys(columnSynonyms) as MappedField[]) {
    if (index[field] !== undefined || mapping[field] !== undefined) continue;
    for (const name of columnSynonyms[field]) {
      const i = byNorm.get(norm(name));
      if (i !== undefined && !used.has(i)) {
        index[field] = i;
        used.add(i);
        break;
      }
    }
  }
  return { index, missing };
}
